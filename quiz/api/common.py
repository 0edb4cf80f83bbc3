"""Shared API plumbing: JSON 401 for anonymous users, body parsing, lookups, domain errors."""

from __future__ import annotations

from functools import wraps

from flask import current_app, request
from flask_login import current_user

from quiz.api import bp
from quiz.api.errors import api_error, from_domain_error
from quiz.extensions import db
from quiz.services import MAX_ID, DomainError, NotFound


@bp.errorhandler(DomainError)
def domain_error(error: DomainError):
    """A broken rule raised by a service becomes ``{"error": {...}}`` with its status."""
    db.session.rollback()
    return from_domain_error(error)


def login_required(view):
    """Like Flask-Login's, but anonymous API callers get a 401 JSON error, not a redirect."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return api_error(401, "unauthorized", "请先登录。")
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
    row = db.session.get(model, ident) if 0 < ident <= MAX_ID else None
    if row is None:
        raise NotFound(message)
    return row


def grace_seconds() -> float:
    """Seconds after the deadline during which answers are still accepted (config)."""
    return float(current_app.config["ANSWER_GRACE_SECONDS"])
