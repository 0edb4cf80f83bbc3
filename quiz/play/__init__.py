"""Play blueprint: what students see (home, contest list, the quiz page, results, practice)."""

from flask import Blueprint

bp = Blueprint("play", __name__)

from quiz.play import routes  # noqa: E402,F401
