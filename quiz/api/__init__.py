"""JSON API under /api/v1: session-cookie auth, CSRF token in the X-CSRFToken header."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from quiz.api import auth  # noqa: E402,F401
