"""Organizer actions on one attempt: more time for a student, or voiding it; both audited."""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, User
from quiz.models.audit import record
from quiz.services import Conflict, DomainError
from quiz.services.signals import attempt_ended, attempt_ending


def extend(attempt: Attempt, seconds: int, *, actor: User, now: datetime) -> Attempt:
    """Give one student more time (accommodation); recorded with who and when."""
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise Conflict("只能为进行中的答题延时。", code="attempt_finished")
    if not 0 < seconds <= 24 * 3600:
        raise DomainError("延长时间须在1秒到24小时之间。", code="bad_extension")
    old_deadline = attempt.deadline
    attempt.extension_seconds += seconds
    attempt.deadline = attempt.deadline + timedelta(seconds=seconds)
    record(
        actor,
        "attempt.extend",
        "attempt",
        attempt.id,
        seconds=seconds,
        old_deadline=old_deadline.isoformat(),
        new_deadline=attempt.deadline.isoformat(),
        at=now.isoformat(),
    )
    db.session.commit()
    return attempt


def void(attempt: Attempt, *, actor: User, now: datetime, reason: str = "") -> Attempt:
    """Void an attempt: it leaves every board and frees the student's try."""
    if attempt.status == AttemptStatus.VOIDED:
        return attempt
    old_status = attempt.status
    attempt.status = AttemptStatus.VOIDED
    attempt.finished_at = attempt.finished_at or now
    record(
        actor,
        "attempt.void",
        "attempt",
        attempt.id,
        old_status=old_status,
        score=attempt.score,
        reason=reason,
        at=now.isoformat(),
    )
    attempt_ending.send(attempt)
    db.session.commit()
    attempt_ended.send(attempt)
    return attempt
