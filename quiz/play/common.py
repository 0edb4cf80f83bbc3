"""Helpers shared by the play views: config lookups, labels, the student menu, errors."""

from __future__ import annotations

from flask import abort, current_app, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.services import DomainError

#: Themed-day codes → Chinese labels (lazy: translated when rendered).
DAY_LABELS = {
    "campus": _l("校园日"),
    "telecom": _l("电信日"),
    "law": _l("法治日"),
    "finance": _l("金融日"),
    "youth": _l("青少年日"),
    "privacy": _l("个人信息保护日"),
}

TYPE_LABELS = {
    "single_choice": _l("单选题"),
    "multiple_choice": _l("多选题"),
    "true_false": _l("判断题"),
    "fill_blank": _l("填空题"),
}

SHOW_ANSWERS_LABELS = {
    "after_submit": _l("交卷后立即公布答案与解析"),
    "after_close": _l("比赛结束后公布答案与解析"),
    "never": _l("本比赛不公布答案"),
}

#: Seconds after the deadline during which an answer in flight is still accepted.
DEFAULT_GRACE_SECONDS = 3


def grace_seconds() -> float:
    """The answer grace period (network latency), shared with the JSON API's config key."""
    return float(current_app.config.get("ANSWER_GRACE_SECONDS", DEFAULT_GRACE_SECONDS))


def day_label(code: str | None) -> str:
    return str(DAY_LABELS.get(code or "", "")) if code else ""


def abort_for(error: DomainError):
    """Turn a service refusal (404 missing / 403 not yours) into the styled error page."""
    abort(error.status if error.status in (403, 404, 409) else 400)


def student_nav() -> dict:
    """The menu entries of the student pages (organizers use the organizer back office)."""
    if not current_user.is_authenticated or current_user.is_organizer:
        return {}
    return {
        "nav_items": [
            {"url": url_for("play.contests"), "label": _l("比赛")},
            {"url": url_for("play.review"), "label": _l("错题本")},
            {"url": url_for("play.practice"), "label": _l("练习")},
        ]
    }


def duration_text(value) -> str:
    """A span of time for people: ``2天3小时`` / ``3小时12分`` / ``4分05秒`` (never negative)."""
    seconds = int(value.total_seconds()) if hasattr(value, "total_seconds") else int(value)
    seconds = max(0, seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return gettext("%(d)s天%(h)s小时", d=days, h=hours)
    if hours:
        return gettext("%(h)s小时%(m)s分", h=hours, m=minutes)
    return gettext("%(m)s分%(s)02d秒", m=minutes, s=secs)


def number_text(value) -> str:
    """A score or count without a useless ``.0`` (12.5 stays, 10.0 becomes 10)."""
    if value is None:
        return ""
    return f"{float(value):.1f}".rstrip("0").rstrip(".")


def type_label(code: str) -> str:
    return str(TYPE_LABELS.get(code, code))


#: Ids are 32-bit in PostgreSQL: a larger one in a URL is simply not found (not a 500).
MAX_ID = 2**31 - 1


def get_row(model, ident: int):
    """``db.session.get`` for an id taken from a URL (None when out of range or missing)."""
    from quiz.extensions import db

    return db.session.get(model, ident) if 0 < ident <= MAX_ID else None
