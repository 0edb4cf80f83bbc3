"""Reading a request's parameters safely: ids in URLs, bounded integers, paging, redirects, ETags."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from flask import request
from werkzeug.routing import BaseConverter, IntegerConverter

from quiz.services import MAX_ID, DomainError

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


class IdConverter(IntegerConverter):
    """``<int:…>`` that only matches database-sized ids, so a huge one is a 404, not a 500.

    Every id in a URL goes through it: views never check the range again.
    """

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class TextConverter(BaseConverter):
    """``<…>`` / ``<string:…>`` without control characters: ``%00`` in a token or an article id
    is a 404, never a query (PostgreSQL refuses NUL in text and would answer 500)."""

    regex = "[^/\\x00-\\x1f\\x7f]+"


class BadParameter(DomainError):
    code = "bad_parameter"
    status = 422


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


def etag_for(*parts) -> str:
    """A strong validator for one viewer's view of one resource version."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def safe_next(target: str | None) -> str | None:
    """Only local paths are followed after login or an action (no open redirect)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        # A full URL to our own host (from a Referer) is reduced to its path, which must then
        # pass the same checks: http://host//evil.example would otherwise leave the site.
        if parts.netloc and parts.netloc == request.host and parts.path.startswith("/"):
            return safe_next(parts.path + (f"?{parts.query}" if parts.query else ""))
        return None
    if "\\" in target:
        return None
    return target
