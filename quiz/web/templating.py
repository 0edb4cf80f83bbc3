"""What templates share: local times, durations, numbers, and the labels of the app's vocabulary.

Labels come from the one definition of each vocabulary (the ``StrEnum``s of
:mod:`quiz.bank.constants` and :mod:`quiz.enums`) and are translated here, when shown.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from flask_babel import get_locale, gettext, lazy_gettext

from quiz.bank.constants import LabeledEnum, QuestionStatus, QuestionType, ThemedDay
from quiz.enums import AttemptStatus, ContestState
from quiz.services.attempts import option_letter
from quiz.timeutil import iso_utc, to_local

TIME_FORMAT = "%Y-%m-%d %H:%M"
TIME_FORMAT_SECONDS = "%Y-%m-%d %H:%M:%S"


def register_templating(app: Flask) -> None:
    """Filters and globals available in every template."""
    app.jinja_env.filters.update(
        localtime=localtime, duration=duration_text, num=number_text, iso_z=iso_utc
    )
    app.jinja_env.globals.update(
        get_locale=get_locale,
        day_label=day_label,
        type_label=type_label,
        status_label=lambda code: label(QuestionStatus, code),
        attempt_status_label=lambda code: label(AttemptStatus, code),
        state_label=lambda code: label(ContestState, code),
        themed_days=lambda: labels(ThemedDay),
        option_letter=option_letter,
    )
    app.context_processor(lambda: {"languages": app.config["LANGUAGES"]})


def label(vocabulary: type[LabeledEnum], code: str | None, default: str = "") -> str:
    """The translated label of ``code`` in ``vocabulary`` (``default`` when unknown)."""
    raw = vocabulary.label_of(code)
    return gettext(raw) if raw else default


def labels(vocabulary: type[LabeledEnum]) -> dict[str, str]:
    """``{code: translated label}`` of a vocabulary, in its order (for pages)."""
    return {code: gettext(raw) for code, raw in vocabulary.labels().items()}


def choices(vocabulary: type[LabeledEnum]) -> list[tuple[str, object]]:
    """``[(code, lazily translated label)]`` for a form's choices, built at import time."""
    return [(code, lazy_gettext(raw)) for code, raw in vocabulary.labels().items()]


def day_label(code: str | None) -> str:
    return label(ThemedDay, code)


def type_label(code: str | None) -> str:
    return label(QuestionType, code, default=code or "")


def localtime(value, seconds: bool = False) -> str:
    """How every time is shown: ``2026-12-01 15:43`` in Beijing time (Asia/Shanghai).

    ``value`` is a stored naive-UTC datetime, an aware one, or an ISO 8601 string (what the
    services hand the JSON API, e.g. a board's ``frozen_at``), so no page prints an ISO or UTC
    time raw. ``seconds`` adds ``:SS``, for the organizer's logs where order within a minute
    matters. The scripts' twin is ``QuizTime.beijing`` in static/js/time.js.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value  # not a time: shown as given rather than failing the page
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return to_local(value).strftime(TIME_FORMAT_SECONDS if seconds else TIME_FORMAT)


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
