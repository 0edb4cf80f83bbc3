"""A stand-in rank for the submit response, until the full leaderboard replaces it.

The ranking rule: higher score first, then less time used, then earlier submission. A student
ranks one place below every *other* student who has a finished, non-voided attempt beating
theirs (test accounts and previews never count), so a student's own other attempts do not push
them down.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select

from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.services.timing import time_used_ms


def rank_key(score: float, used_ms: int, finished_at: datetime) -> tuple:
    """Sort key of the ranking rule: smaller is better."""
    return (-score, used_ms, finished_at)


def board_frozen(contest: Contest, now: datetime) -> bool:
    return contest.freeze_at is not None and now >= contest.freeze_at


def _finished(now: datetime, grace_seconds: float):
    """SQL condition: finished, or open but past deadline + grace (expired, not yet persisted)."""
    cutoff = now - timedelta(seconds=grace_seconds)
    return or_(
        Attempt.status.in_(("submitted", "expired")),
        and_(Attempt.status == "in_progress", Attempt.deadline < cutoff),
    )


def current_rank(contest: Contest, attempt: Attempt, now: datetime, grace: float) -> int | None:
    """1-based rank of ``attempt`` in ``contest`` as of ``now``; None while the board is frozen."""
    if board_frozen(contest, now) or attempt.status == "voided":
        return None
    conditions = (
        Attempt.contest_id == contest.id,
        Attempt.user_id != attempt.user_id,
        Attempt.is_preview.is_(False),
        User.is_test_account.is_(False),
        _finished(now, grace),
    )
    higher = db.session.execute(
        select(func.count(func.distinct(Attempt.user_id)))
        .select_from(Attempt)
        .join(User, User.id == Attempt.user_id)
        .where(*conditions, Attempt.score > attempt.score)
    ).scalar_one()
    mine = _key(attempt.score, attempt.started_at, attempt.finished_at, attempt.deadline)
    # Equal scores are rare and few: break those ties in Python with the same rule.
    tied = db.session.execute(
        select(
            Attempt.user_id,
            Attempt.score,
            Attempt.started_at,
            Attempt.finished_at,
            Attempt.deadline,
        )
        .join(User, User.id == Attempt.user_id)
        .where(*conditions, Attempt.score == attempt.score)
    ).all()
    ahead = {row.user_id for row in tied if _key(*row[1:]) < mine}
    if ahead:  # a student already counted above (with a higher attempt) counts once
        ahead -= set(
            db.session.execute(
                select(Attempt.user_id)
                .join(User, User.id == Attempt.user_id)
                .where(*conditions, Attempt.user_id.in_(ahead), Attempt.score > attempt.score)
            ).scalars()
        )
    return higher + len(ahead) + 1


def _key(score: float, started_at: datetime, finished_at: datetime | None, deadline: datetime):
    """The rule's key for one attempt (an open, overdue one ends at its deadline)."""
    used = time_used_ms(started_at, finished_at, deadline)
    return rank_key(score, used, min(finished_at or deadline, deadline))
