"""What the contest list and the contest page show a student (reads only; no Flask).

A contest restricted to organizations is hidden from students outside them; one protected by a
join code is listed but locked until the code is entered (see services.contests.may_enter).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.services.attempts.lifecycle import persist_if_overdue
from quiz.services.attempts.timing import (
    CLOSED,
    OPEN,
    UPCOMING,
    contest_state,
    effective_status,
    time_used_ms,
)
from quiz.services.contests import entered_contests, may_enter

#: Closed contests are history: only the most recent ones are listed.
CLOSED_SHOWN = 30


@dataclass
class ContestCard:
    """One contest as one student sees it."""

    contest: Contest
    state: str
    locked: bool = False
    attempts: list[Attempt] = field(default_factory=list)  # newest first, voided left out
    open_attempt: Attempt | None = None

    @property
    def attempts_used(self) -> int:
        return len(self.attempts)

    @property
    def attempts_left(self) -> int:
        return max(0, self.contest.attempts_allowed - self.attempts_used)

    @property
    def finished(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status != AttemptStatus.IN_PROGRESS]

    @property
    def can_start(self) -> bool:
        """A start (or resume) button makes sense: open, unlocked, with a try left or open."""
        if self.state != OPEN or self.locked:
            return False
        return self.open_attempt is not None or self.attempts_left > 0


def _cards_for(
    contests, user: User, *, now: datetime, grace_seconds: float, entered: set[int]
) -> list[ContestCard]:
    ids = [c.id for c in contests]
    attempts_by_contest: dict[int, list[Attempt]] = {}
    if ids:
        rows = db.session.execute(
            select(Attempt)
            .where(
                Attempt.user_id == user.id,
                Attempt.contest_id.in_(ids),
                Attempt.status != AttemptStatus.VOIDED,
            )
            .order_by(Attempt.number.desc())
        ).scalars()
        for attempt in rows:
            attempts_by_contest.setdefault(attempt.contest_id, []).append(attempt)
    cards = []
    for contest in contests:
        code_locked = contest.access == "code" and not may_enter(
            contest, user, entered_codes=entered
        )
        if not code_locked and not may_enter(contest, user, entered_codes=entered):
            continue  # restricted to other organizations: not shown at all
        mine = attempts_by_contest.get(contest.id, [])
        current = next(
            (
                a
                for a in mine
                if a.status == AttemptStatus.IN_PROGRESS
                and effective_status(a, now, grace_seconds) == AttemptStatus.IN_PROGRESS
            ),
            None,
        )
        cards.append(
            ContestCard(
                contest=contest,
                state=contest_state(now, contest.opens_at, contest.closes_at),
                locked=code_locked,
                attempts=mine,
                open_attempt=current,
            )
        )
    return cards


def contest_board(
    user: User, *, now: datetime, grace_seconds: float, entered: set[int]
) -> dict[str, list[ContestCard]]:
    """Open, upcoming and (recent) closed contests for ``user``."""
    contests = db.session.execute(select(Contest).order_by(Contest.opens_at, Contest.id)).scalars()
    cards = _cards_for(list(contests), user, now=now, grace_seconds=grace_seconds, entered=entered)
    board: dict[str, list[ContestCard]] = {OPEN: [], UPCOMING: [], CLOSED: []}
    for card in cards:
        board[card.state].append(card)
    # Closing soonest first among open ones; most recently closed first among history.
    board[OPEN].sort(key=lambda c: c.contest.closes_at)
    board[CLOSED] = sorted(board[CLOSED], key=lambda c: c.contest.closes_at, reverse=True)[
        :CLOSED_SHOWN
    ]
    return board


def contest_card(
    contest: Contest, user: User, *, now: datetime, grace_seconds: float, entered: set[int]
) -> ContestCard | None:
    """The card for one contest, or None when the student may not even see it."""
    cards = _cards_for([contest], user, now=now, grace_seconds=grace_seconds, entered=entered)
    return cards[0] if cards else None


def visible_contests(user: User, session: MutableMapping) -> list[tuple[Contest, bool]]:
    """Contests ``user`` may see, oldest opening first, each with ``requires_code``.

    Code-protected contests are listed (flagged) so a student can find where to type the code;
    contests restricted to other organizations are not listed at all.
    """
    entered = entered_contests(session)
    contests = db.session.execute(select(Contest).order_by(Contest.opens_at, Contest.id)).scalars()
    listed = []
    for contest in contests:
        if may_enter(contest, user, entered_codes=entered):
            listed.append((contest, False))
        elif contest.access == "code":
            listed.append((contest, True))
    return listed


@dataclass
class AttemptSummary:
    """A student's attempts at one contest, for contest lists."""

    used: int = 0
    allowed: int = 1
    finished: int = 0
    open_attempt_id: int | None = None
    counted_score: float | None = None

    @property
    def remaining(self) -> int:
        return max(0, self.allowed - self.used)


def summaries(
    user: User, contests: list[Contest], *, now: datetime, grace_seconds: float
) -> dict[int, AttemptSummary]:
    """Per contest id: tries used and left, the open attempt, and the score that counts.

    Overdue open attempts are persisted as expired on the way (the student's next request).
    """
    by_id = {contest.id: contest for contest in contests}
    result = {c.id: AttemptSummary(allowed=c.attempts_allowed) for c in contests}
    if not by_id:
        return result
    rows = db.session.execute(
        select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.contest_id.in_(by_id))
        .order_by(Attempt.number)
    ).scalars()
    finished: dict[int, list[Attempt]] = {}
    for attempt in rows:
        persist_if_overdue(attempt, now=now, grace_seconds=grace_seconds)
        summary = result[attempt.contest_id]
        if attempt.status == AttemptStatus.VOIDED:
            continue
        summary.used += 1
        if attempt.status == AttemptStatus.IN_PROGRESS:
            summary.open_attempt_id = attempt.id
        else:
            summary.finished += 1
            finished.setdefault(attempt.contest_id, []).append(attempt)
    for contest_id, done in finished.items():
        counting = by_id[contest_id].counting
        chosen = done[0] if counting == "first" else done[-1]
        if counting == "best":
            chosen = min(
                done,
                key=lambda a: (-a.score, time_used_ms(a.started_at, a.finished_at, a.deadline)),
            )
        result[contest_id].counted_score = chosen.score
    return result
