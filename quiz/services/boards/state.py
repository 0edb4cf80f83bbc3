"""A board's state for one viewer: its contests, what is frozen, and its version token.

Everything a conditional request needs comes from **one** SQL statement: the contest (or the
event with its themed-day contests), the scope's version counters and, per contest, how many
open attempts have run out (they join the board without a write). A poll that the client
already has is then answered with a 304 after that single statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, literal, select

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import BoardVersion, Contest, Event
from quiz.services import NotFound
from quiz.services.boards.entries import overdue_before
from quiz.services.boards.refs import BoardRef, Viewer, frozen_contests, viewer_for


@dataclass(frozen=True)
class BoardState:
    """What a board is right now for one viewer."""

    ref: BoardRef
    viewer: Viewer
    token: str
    contests: list[Contest]
    frozen: list[Contest]
    owner: Contest | Event
    #: Open attempts that ran out and count on this viewer's board (0: nothing to merge in).
    overdue: int = 0
    #: The scope's version counter as read (a Redis board must reflect at least this).
    version: int = 0


@dataclass(frozen=True)
class _Facts:
    contests: list[Contest]
    owner: Contest | Event
    version: int
    void_version: int
    overdue_live: dict[int, int]  # contest id -> attempts that ran out before now - grace
    overdue_frozen: dict[int, int]  # ... before min(now - grace, the contest's freeze time)


def board_state(
    ref: BoardRef,
    user=None,
    *,
    viewer: Viewer | None = None,
    projector: bool = False,
    now: datetime,
    grace: float,
) -> BoardState:
    """The state of ``ref`` for ``viewer`` (or for ``user``, anonymous allowed); NotFound when
    the contest, event or day does not exist."""
    facts = _facts(ref, now=now, grace=grace)
    if viewer is None:
        viewer = viewer_for(user, facts.owner, projector=projector)
    frozen = frozen_contests(facts.contests, viewer, now)
    token, overdue = _token(facts, frozen)
    return BoardState(
        ref, viewer, token, facts.contests, frozen, facts.owner, overdue, facts.version
    )


def _token(facts: _Facts, frozen: list[Contest]) -> tuple[str, int]:
    """A string that changes whenever the board's content can have changed, and the number of
    overdue attempts it counts.

    Live part: the scope's version counter (bumped on every finished/voided attempt) and the
    number of open attempts that ran out. A board whose contests are all frozen only follows the
    void counter and the attempts that ran out before the freeze, so it stays cached while
    students keep submitting.
    """
    freezes = ",".join(f"{c.id}@{c.freeze_at.isoformat()}" for c in frozen)
    if frozen and len(frozen) == len(facts.contests):
        overdue = sum(facts.overdue_frozen[c.id] for c in frozen)
        return f"f{facts.void_version}.{overdue}.{freezes}", overdue
    overdue = sum(facts.overdue_live[c.id] for c in facts.contests)
    return f"v{facts.version}.{overdue}.{freezes}", overdue


def _facts(ref: BoardRef, *, now: datetime, grace: float) -> _Facts:
    cutoff = now - timedelta(seconds=grace)
    frozen_cutoff = case(
        (and_(Contest.freeze_at.is_not(None), Contest.freeze_at < cutoff), Contest.freeze_at),
        else_=literal(cutoff),
    )
    columns = (
        BoardVersion.version,
        BoardVersion.void_version,
        overdue_before(Contest.id, cutoff).label("overdue_live"),
        overdue_before(Contest.id, frozen_cutoff).label("overdue_frozen"),
    )
    if ref.kind == "contest":
        query = (
            select(Contest, *columns)
            .outerjoin(BoardVersion, BoardVersion.scope == f"c:{ref.contest_id}")
            .where(Contest.id == ref.contest_id)
        )
        row = db.session.execute(query).first()
        if row is None:
            raise NotFound("比赛不存在。")
        contest = row[0]
        return _Facts(
            [contest],
            contest,
            row.version or 0,
            row.void_version or 0,
            {contest.id: row.overdue_live},
            {contest.id: row.overdue_frozen},
        )
    if ref.kind == "day" and ref.day not in THEMED_DAYS:
        raise NotFound("主题日不存在。")
    on_board = and_(Contest.event_id == Event.id, Contest.themed_day.is_not(None))
    if ref.kind == "day":
        on_board = and_(on_board, Contest.themed_day == ref.day)
    query = (
        select(Event, Contest, *columns)
        .outerjoin(Contest, on_board)
        .outerjoin(BoardVersion, BoardVersion.scope == f"e:{ref.event_id}")
        .where(Event.id == ref.event_id)
        .order_by(Contest.opens_at, Contest.id)
    )
    rows = db.session.execute(query).all()
    if not rows:
        raise NotFound("活动不存在。")
    contests = [row[1] for row in rows if row[1] is not None]
    return _Facts(
        contests,
        rows[0][0],
        rows[0].version or 0,
        rows[0].void_version or 0,
        {row[1].id: row.overdue_live for row in rows if row[1] is not None},
        {row[1].id: row.overdue_frozen for row in rows if row[1] is not None},
    )
