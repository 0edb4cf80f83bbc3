"""Student-facing routes."""

from __future__ import annotations

from flask import render_template

from quiz.play import bp


@bp.route("/")
def index():
    """Home page: what the app is, and where to go next for each role."""
    return render_template("play/index.html")
