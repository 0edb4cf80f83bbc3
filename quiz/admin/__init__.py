"""Admin blueprint: organizer and admin pages. Every route refuses students and anonymous users."""

from flask import Blueprint

from quiz.auth.decorators import require_organizer_blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.before_request(require_organizer_blueprint)

from quiz.admin import routes  # noqa: E402,F401
