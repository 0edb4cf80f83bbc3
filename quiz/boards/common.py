"""Glue shared by the board pages and the board API: clock, grace, cache, paging, ETags.

Routes stay thin: they turn the request into values (a BoardRef, a Viewer, offset/limit, now)
and hand them to :mod:`quiz.services.boards`.
"""

from __future__ import annotations

import hashlib

from flask import current_app, request
from flask_login import current_user

from quiz.services import DomainError
from quiz.services.boards import BoardRef, Viewer, app_cache, resolve, viewer_for
from quiz.timeutil import utcnow

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


class BadParameter(DomainError):
    code = "bad_parameter"
    status = 422


def grace() -> float:
    return float(current_app.config.get("ANSWER_GRACE_SECONDS", 3))


def min_participants() -> int:
    return int(current_app.config.get("BOARD_MIN_PARTICIPANTS", 5))


def cache():
    return app_cache(current_app)


def now():
    return utcnow()


def int_arg(name: str, default: int, *, low: int, high: int | None = None) -> int:
    """A bounded integer query parameter; BadParameter (422) on anything else."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"参数 {name} 须为整数。") from None
    if value < low or (high is not None and value > high):
        bound = f"{low}–{high}" if high is not None else f"≥ {low}"
        raise BadParameter(f"参数 {name} 须在 {bound} 之间。")
    return value


def paging() -> tuple[int, int]:
    """``(offset, limit)`` from the query string (limit 1–200, offset ≥ 0)."""
    return int_arg("offset", 0, low=0), int_arg("limit", DEFAULT_LIMIT, low=1, high=MAX_LIMIT)


def viewer(ref: BoardRef, *, projector: bool = False) -> Viewer:
    _contests, owner = resolve(ref)
    return viewer_for(current_user, owner, projector=projector)


def etag_for(*parts) -> str:
    """A strong validator for one viewer's view of one board version and page."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def viewer_org_id() -> int | None:
    return current_user.organization_id if current_user.is_authenticated else None
