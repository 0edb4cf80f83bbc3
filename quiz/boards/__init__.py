"""Boards blueprint: leaderboards (contest, themed day, week, organizations), the projector,
organizer tools (freeze, exports, item statistics, voiding a question) and certificates."""

from flask import Blueprint

bp = Blueprint("boards", __name__, url_prefix="/boards")

from quiz.boards import admin_routes, results_routes, routes  # noqa: E402,F401
