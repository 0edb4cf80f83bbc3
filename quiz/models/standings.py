"""Standings: the counted result of each student per contest, themed day and week.

These tables are derived data (``quiz.services.boards.standings`` rebuilds them from attempts at any
time). They exist so a board's top N and one student's rank are index reads:
``rank = 1 + count(rows strictly better)`` walks the ``*_board`` index, never the attempts.

The organization ids are denormalized at write time (the user's region, school and class) so
organization boards need no tree walk per row; a moved student is corrected by a rebuild.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from quiz.extensions import db
from quiz.timeutil import utcnow

#: ``EventStanding.day`` of the week board (the sum of the six themed days).
WEEK = "week"


class _OrgColumns:
    """The user's organization at each level, copied when the row is written."""

    region_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    school_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    is_test: Mapped[bool] = mapped_column(Boolean, default=False)


class Standing(_OrgColumns, db.Model):
    """One row per (contest, student): the attempt that counts under the contest's rule."""

    __tablename__ = "standing"
    contest_id: Mapped[int] = mapped_column(
        ForeignKey("contest.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    attempt_number: Mapped[int] = mapped_column(Integer, default=1)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    time_used_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    # The submission time: finished_at, or the deadline for an attempt that ran out.
    finished_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class EventStanding(_OrgColumns, db.Model):
    """One row per (event, themed day or ``week``, student): the day's best or the week's sum."""

    __tablename__ = "event_standing"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[float] = mapped_column(Float, default=0.0)
    time_used_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    finished_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# The board order (score DESC, time, submission) as an index: top N is a range scan and a rank
# is a count over the part of the range before the row.
Index(
    "ix_standing_board",
    Standing.contest_id,
    Standing.is_test,
    Standing.score.desc(),
    Standing.time_used_ms,
    Standing.finished_at,
)
Index(
    "ix_event_standing_board",
    EventStanding.event_id,
    EventStanding.day,
    EventStanding.is_test,
    EventStanding.score.desc(),
    EventStanding.time_used_ms,
    EventStanding.finished_at,
)


class BoardVersion(db.Model):
    """A counter per contest (``c:<id>``) and event (``e:<id>``) for ETags and caches.

    ``version`` bumps on every finished or voided attempt, freeze change and rescoring;
    ``void_version`` only on changes that can alter a frozen board (voids, rescoring, rebuilds,
    freeze changes), so a frozen board stays cached while students keep submitting.
    """

    __tablename__ = "board_version"

    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    void_version: Mapped[int] = mapped_column(BigInteger, default=0)
