"""Admin blueprint: organizer and admin pages. Every route refuses students and anonymous users."""

from flask import Blueprint

from quiz.web.guards import require_organizer_blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.before_request(require_organizer_blueprint)

# Route modules register themselves on ``bp``; one per line keeps parallel additions apart.
from quiz.admin import (  # noqa: E402,F401
    bank,
    bank_articles,
    contest_monitor,
    contest_results,
    contests,
    jobs,
    organizations,
    privacy,
    roster,
    routes,
    users,
)
