"""Shared API plumbing: JSON 401 for anonymous callers, and the request body as an object.

Service refusals (DomainError) are answered as JSON by :mod:`quiz.web.errors`; ids in URLs are
range-checked by the routing converter.
"""

from __future__ import annotations

from functools import wraps

from flask import request
from flask_login import current_user

from quiz.extensions import db
from quiz.services import DomainError, NotFound
from quiz.web.errors import json_error


def login_required(view):
    """Like Flask-Login's, but anonymous API callers get a 401 JSON error, not a redirect."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return json_error(401, "unauthorized", "请先登录。")
        return view(*args, **kwargs)

    return wrapped


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
