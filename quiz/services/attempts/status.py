"""Attempt statuses, and the status an attempt has once its time may have run out."""

from __future__ import annotations

from datetime import datetime

from quiz.models import Attempt
from quiz.services.timing import is_overdue

IN_PROGRESS, SUBMITTED, EXPIRED, VOIDED = "in_progress", "submitted", "expired", "voided"


def effective_status(attempt: Attempt, now: datetime, grace_seconds: float) -> str:
    """The status as boards and pages must see it: an overdue open attempt is expired."""
    if attempt.status == IN_PROGRESS and is_overdue(now, attempt.deadline, grace_seconds):
        return EXPIRED
    return attempt.status
