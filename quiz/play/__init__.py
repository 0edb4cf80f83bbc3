"""Play blueprint: what students see (contest list, the quiz page, results, 错题本, practice)."""

from flask import Blueprint

from quiz.play.common import day_label, duration_text, number_text, student_nav, type_label
from quiz.timeutil import iso_utc

bp = Blueprint("play", __name__)

# App-wide so the student menu also shows on auth pages; explicit ``nav_items`` still win.
bp.app_context_processor(student_nav)
bp.add_app_template_filter(duration_text, "duration")
bp.add_app_template_filter(iso_utc, "iso_z")
bp.add_app_template_filter(number_text, "num")
bp.add_app_template_global(day_label, "day_label")
bp.add_app_template_global(type_label, "type_label")

from quiz.play import practice, quiz_pages, routes  # noqa: E402,F401
