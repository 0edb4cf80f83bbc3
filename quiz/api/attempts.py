"""Attempt endpoints: read, save one answer, submit, and focus events. Owner only (no IDOR)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app, jsonify

from quiz.api import bp
from quiz.api.common import json_object, login_required
from quiz.api.serializers import attempt_json, result_json
from quiz.models import Attempt
from quiz.services import DomainError
from quiz.services import attempts as service
from quiz.services.attempts import EVENT_KINDS, EventOutcome, record_event
from quiz.services.boards import attempt_rank
from quiz.timeutil import iso_utc, utcnow
from quiz.web.guards import owned_attempt
from quiz.web.settings import board_cache, grace_seconds


def _result(attempt: Attempt, result: service.AttemptResult, now: datetime, grace: float) -> dict:
    return result_json(result, attempt_rank(attempt, now=now, grace=grace, cache=board_cache()))


@bp.get("/attempts/<int:attempt_id>")
@login_required
def get_attempt(attempt_id: int):
    """The attempt's state; an overdue open attempt is recorded as expired first."""
    now, grace = utcnow(), grace_seconds()
    attempt = owned_attempt(attempt_id)
    service.persist_if_overdue(attempt, now=now, grace_seconds=grace)
    return jsonify(attempt_json(attempt, now=now, grace_seconds=grace))


@bp.put("/attempts/<int:attempt_id>/answers/<int:question_id>")
@login_required
def save_answer(attempt_id: int, question_id: int):
    """Save ``{"choice": [indices]}`` or ``{"text": "…"}``; refused (409) after deadline + grace."""
    now, grace = utcnow(), grace_seconds()
    attempt = owned_attempt(attempt_id)
    payload = json_object()
    answer = service.save_answer(
        attempt,
        question_id,
        choice=payload.get("choice"),
        text=payload.get("text"),
        now=now,
        grace_seconds=grace,
    )
    return jsonify(
        {
            "question_id": question_id,
            "saved_at": iso_utc(answer.saved_at),
            "answered": len(attempt.answers),
        }
    )


@bp.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int):
    """Hand in (idempotent): score, max score, rank (null while the board is frozen), time used."""
    now, grace = utcnow(), grace_seconds()
    attempt = owned_attempt(attempt_id)
    result = service.submit(attempt, now=now, grace_seconds=grace)
    return jsonify(_result(attempt, result, now, grace))


def _client_time(value) -> datetime | None:
    """An ISO 8601 client timestamp as naive UTC (a zone-less one is taken as UTC)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise DomainError("client_time 须为 ISO 8601 时间。", code="malformed")
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:  # year 1 or 9999 with an offset overflows here
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise DomainError("client_time 须为 ISO 8601 时间。", code="malformed") from None
    return parsed


@bp.post("/attempts/<int:attempt_id>/events")
@login_required
def focus_event(attempt_id: int):
    """Record a focus event ``{"kind", "client_time", "away_ms"}``; may auto-submit."""
    now, grace = utcnow(), grace_seconds()
    attempt = owned_attempt(attempt_id)
    kind, client_time, away_ms = _focus_payload(json_object())
    window = timedelta(milliseconds=current_app.config["FOCUS_PAIR_WINDOW_MS"])
    outcome = record_event(
        attempt,
        kind,
        client_time=client_time,
        away_ms=away_ms,
        now=now,
        grace_seconds=grace,
        window=window,
    )
    body = _focus_counts(outcome)
    if outcome.result is not None:
        body.update(_result(attempt, outcome.result, now, grace))
    return jsonify(body)


def _focus_counts(outcome: EventOutcome) -> dict:
    """The attempt's focus tallies after an event, and whether it was counted or auto-submitted."""
    return {
        "focus_losses": outcome.focus_losses,
        "focus_away_ms": outcome.focus_away_ms,
        "counted": outcome.counted,
        "auto_submitted": outcome.auto_submitted,
    }


def _focus_payload(payload: dict) -> tuple[str, datetime | None, int]:
    """A focus event's (kind, client time, away_ms), or a 422 naming the malformed field."""
    kind, away_ms = payload.get("kind"), payload.get("away_ms", 0)
    if isinstance(away_ms, float) and away_ms.is_integer():
        away_ms = int(away_ms)  # 121.0 is an integer to JSON Schema (and to the document)
    if kind not in EVENT_KINDS:
        raise DomainError("kind 须为 hidden、visible、blur 或 focus。", code="malformed")
    if not isinstance(away_ms, int) or isinstance(away_ms, bool) or away_ms < 0:
        raise DomainError("away_ms 须为非负整数。", code="malformed")
    return kind, _client_time(payload.get("client_time")), away_ms
