"""What the contest list and the contest page show a student (reads only; no Flask).

A contest restricted to organizations is hidden from students outside them; one protected by a
join code is listed but locked until the code is entered (see services.contests.may_enter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.services.attempts import IN_PROGRESS, VOIDED, effective_status
from quiz.services.contests import may_enter
from quiz.services.timing import CLOSED, OPEN, UPCOMING, contest_state

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
        return [a for a in self.attempts if a.status != IN_PROGRESS]

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
                Attempt.status != VOIDED,
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
                if a.status == IN_PROGRESS
                and effective_status(a, now, grace_seconds) == IN_PROGRESS
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
