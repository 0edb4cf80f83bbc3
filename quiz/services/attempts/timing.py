"""Time rules. The server is the only clock: every function takes ``now`` explicitly.

* The deadline is fixed when an attempt starts: ``min(start + limit, close) + extension``.
* An answer is accepted until ``deadline + grace`` (network latency; default 3 s), never after.
* An attempt past ``deadline + grace`` is finished, whether or not anything was written yet.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.enums import AttemptStatus

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def fixed_deadline(
    started_at: datetime, time_limit_seconds: int, closes_at: datetime, extension_seconds: int = 0
) -> datetime:
    """The attempt's deadline: the time limit, cut at the contest's close, plus any extension."""
    limit_end = started_at + timedelta(seconds=time_limit_seconds)
    return min(limit_end, closes_at) + timedelta(seconds=extension_seconds)


def accepts_answers(now: datetime, deadline: datetime, grace_seconds: float) -> bool:
    """True while an answer may still be stored."""
    return now <= deadline + timedelta(seconds=grace_seconds)


def is_overdue(now: datetime, deadline: datetime, grace_seconds: float) -> bool:
    """True once the attempt counts as finished because its time ran out."""
    return not accepts_answers(now, deadline, grace_seconds)


def contest_state(now: datetime, opens_at: datetime, closes_at: datetime) -> str:
    """``upcoming`` before opening, ``open`` until closing, then ``closed``."""
    if now < opens_at:
        return UPCOMING
    if now < closes_at:
        return OPEN
    return CLOSED


def seconds_left(now: datetime, deadline: datetime) -> int:
    return max(0, int((deadline - now).total_seconds()))


def time_used_ms(started_at: datetime, finished_at: datetime | None, deadline: datetime) -> int:
    """Time used: until submission, or the whole allowance for an attempt that ran out."""
    end = min(finished_at, deadline) if finished_at else deadline
    return max(0, int((end - started_at).total_seconds() * 1000))


def effective_status(attempt, now: datetime, grace_seconds: float) -> str:
    """The status as boards and pages must see it: an overdue open attempt is expired.

    ``attempt`` is anything with ``status`` and ``deadline`` (an Attempt row, usually).
    """
    if attempt.status == AttemptStatus.IN_PROGRESS and is_overdue(
        now, attempt.deadline, grace_seconds
    ):
        return AttemptStatus.EXPIRED
    return attempt.status
