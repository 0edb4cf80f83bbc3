"""Organizer dashboard."""

from __future__ import annotations

from flask import render_template

from quiz.admin import bp


@bp.route("/")
def dashboard():
    """Organizer home: links to organizations, students, the bank and contests."""
    return render_template("admin/dashboard.html")
