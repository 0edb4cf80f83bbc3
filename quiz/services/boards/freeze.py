"""Freezing a contest's public board (封榜) from a chosen time, and unfreezing it.

While ``Contest.freeze_at`` is set and has passed, students and the projector see the board as
it stood at that moment (attempts submitted later count as not finished yet); the contest's
organizers keep seeing the live board. Clearing it reveals the final board.
"""

from __future__ import annotations

from datetime import datetime

from quiz.extensions import db
from quiz.models import Contest, User
from quiz.models.audit import record
from quiz.services import DomainError
from quiz.services.boards.versions import bump_versions
from quiz.services.contests import require_manageable


def set_freeze(contest: Contest, freeze_at: datetime | None, *, actor: User, now: datetime):
    """Set (or clear, with None) the freeze time; recorded in the audit log."""
    require_manageable(contest, actor)
    if freeze_at is not None and not contest.opens_at <= freeze_at <= contest.closes_at:
        raise DomainError("封榜时间须在比赛开始与结束之间。", code="bad_freeze_time")
    old = contest.freeze_at
    contest.freeze_at = freeze_at
    record(
        actor,
        "contest.freeze" if freeze_at else "contest.unfreeze",
        "contest",
        contest.id,
        old=old.isoformat() if old else None,
        new=freeze_at.isoformat() if freeze_at else None,
        at=now.isoformat(),
    )
    # A freeze change alters what the public sees: both version counters move.
    bump_versions(contest, void=True)
    db.session.commit()
    return contest
