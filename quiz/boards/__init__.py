"""Boards blueprint: the public leaderboards (contest, themed day, week, organizations) and the
projector. Organizer tools on boards (freeze, results, exports) live in the admin blueprint."""

from flask import Blueprint

bp = Blueprint("boards", __name__, url_prefix="/boards")

from quiz.boards import moved, routes  # noqa: E402,F401
