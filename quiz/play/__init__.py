"""Play blueprint: what students see (contest list, the quiz page, results, 错题本, practice,
certificates)."""

from flask import Blueprint

from quiz.play.common import student_nav

bp = Blueprint("play", __name__)

# App-wide so the student menu also shows on auth pages; explicit ``nav_items`` still win.
bp.app_context_processor(student_nav)

from quiz.play import certificates, practice, quiz_pages, routes  # noqa: E402,F401
