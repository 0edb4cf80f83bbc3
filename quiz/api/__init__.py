"""JSON API under /api/v1: session-cookie auth, CSRF token in the X-CSRFToken header.

See docs/api.md and ``GET /api/v1/openapi.json``.
"""

from flask import Blueprint

from quiz.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# CSRF is checked by quiz.api.common.check_login_then_csrf, after authentication.
csrf.exempt(bp)

from quiz.api import attempts, auth, boards, common, contests, openapi  # noqa: E402,F401
