"""Shared API plumbing: JSON 401 for anonymous callers, and the request body as an object.

Service refusals (DomainError) are answered as JSON by :mod:`quiz.web.errors`; ids in URLs are
range-checked by the routing converter.
"""

from __future__ import annotations

from functools import wraps

from flask import current_app, request
from flask_login import current_user

from quiz.api import bp
from quiz.extensions import csrf, db
from quiz.services import DomainError, NotFound
from quiz.web.errors import json_error


def login_required(view):
    """Like Flask-Login's, but anonymous API callers get a 401 JSON error, not a redirect."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return json_error(401, "unauthorized", "请先登录。")
        return view(*args, **kwargs)

    wrapped.requires_login = True  # read by check_login_then_csrf and the OpenAPI document
    return wrapped


def requires_login(view) -> bool:
    """Whether an API view answers anonymous callers 401 (it is wrapped by login_required)."""
    return getattr(view, "requires_login", False)


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@bp.before_request
def check_login_then_csrf():
    """Authentication before CSRF, as docs/api.md promises: an anonymous write to a login-only
    endpoint is 401 ``unauthorized`` whatever its token, then a write without a valid token is
    400 ``csrf_failed``. (The blueprint is exempt from the app-wide check, which runs first.)"""
    if request.method not in UNSAFE_METHODS:
        return None
    view = current_app.view_functions.get(request.endpoint)
    if requires_login(view) and not current_user.is_authenticated:
        return json_error(401, "unauthorized", "请先登录。")
    csrf.protect()
    return None


def json_object() -> dict:
    """The request body as a JSON object, or a 422 DomainError for anything else."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise DomainError("请求体须为 JSON 对象。", code="malformed")
    return payload


def get_or_404(model, ident: int, message: str):
    """The row with primary key ``ident``, or NotFound with a Chinese message."""
    row = db.session.get(model, ident)
    if row is None:
        raise NotFound(message)
    return row
