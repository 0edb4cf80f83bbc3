"""Focus tracking: the quiz page reports when it is hidden or loses focus, and when it is back.

Browsers often fire ``visibilitychange`` and ``blur`` together for one tab switch, so a loss
reported within a short window (1 s) after another loss counts once; likewise the matching
``visible`` + ``focus`` pair adds the time away once. The time away is capped at the time the
attempt has been running, so a wrong client clock cannot inflate it. When the contest sets
``auto_submit_after_switches``, reaching that many losses hands the attempt in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, IntegrityEvent
from quiz.services import Conflict, DomainError
from quiz.services.attempts.lifecycle import AttemptResult, finish, submit
from quiz.services.attempts.timing import is_overdue

LOSS_KINDS = ("hidden", "blur")
RETURN_KINDS = ("visible", "focus")
EVENT_KINDS = LOSS_KINDS + RETURN_KINDS
PAIR_WINDOW = timedelta(seconds=1)


@dataclass
class EventOutcome:
    focus_losses: int
    focus_away_ms: int
    counted: bool
    auto_submitted: bool = False
    result: AttemptResult | None = None


def is_same_switch(kind: str, previous: IntegrityEvent | None, now: datetime, window) -> bool:
    """True when ``kind`` repeats the previous event's side (loss/return) within the window."""
    if previous is None or now - previous.server_time > window:
        return False
    return (kind in LOSS_KINDS) == (previous.kind in LOSS_KINDS)


def record_event(
    attempt: Attempt,
    kind: str,
    *,
    client_time: datetime | None,
    away_ms: int,
    now: datetime,
    grace_seconds: float,
    window: timedelta = PAIR_WINDOW,
) -> EventOutcome:
    """Store one focus event and update the attempt's counters (may auto-submit)."""
    if kind not in EVENT_KINDS:
        raise DomainError("未知的事件类型。", code="malformed")
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise Conflict("本次答题已结束。", code="attempt_finished")
    if is_overdue(now, attempt.deadline, grace_seconds):
        finish(attempt, now=now, status=AttemptStatus.EXPIRED)
        raise Conflict("答题时间已到。", code="deadline_passed")
    previous = db.session.execute(
        select(IntegrityEvent)
        .where(IntegrityEvent.attempt_id == attempt.id)
        .order_by(IntegrityEvent.server_time.desc(), IntegrityEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    counted = not is_same_switch(kind, previous, now, window)
    elapsed_ms = max(0, int((now - attempt.started_at).total_seconds() * 1000))
    away = min(max(0, away_ms), elapsed_ms) if kind in RETURN_KINDS else 0
    db.session.add(
        IntegrityEvent(
            attempt_id=attempt.id,
            kind=kind,
            client_time=client_time,
            server_time=now,
            away_ms=away,
        )
    )
    if counted and kind in LOSS_KINDS:
        attempt.focus_losses += 1
    if counted and kind in RETURN_KINDS:
        attempt.focus_away_ms += away
    db.session.commit()
    outcome = EventOutcome(attempt.focus_losses, attempt.focus_away_ms, counted)
    limit = attempt.contest.auto_submit_after_switches
    if limit and attempt.focus_losses >= limit:
        outcome.result = submit(attempt, now=now, grace_seconds=grace_seconds)
        outcome.auto_submitted = True
    return outcome
