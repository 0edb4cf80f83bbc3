"""The student's catalog of contests: one computation behind the HTML contest list, the contest
page and the JSON API's ``GET /contests``.

A contest restricted to organizations is hidden from students outside them; one protected by a
join code is listed but locked until the code is entered (see ``services.contests.may_enter``).
Reading the catalog is the student's "next request": an open attempt whose time ran out is
recorded as expired on the way, so every view shows the same status.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from quiz.enums import Access, AttemptStatus, ContestState, Counting
from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.services.attempts.lifecycle import persist_if_overdue
from quiz.services.attempts.timing import contest_state, time_used_ms
from quiz.services.contests import entered_contests, may_enter

#: Closed contests are history: only the most recent ones are listed on the contest page.
CLOSED_SHOWN = 30


@dataclass
class ContestCard:
    """One contest as one student sees it: its state, whether it is locked, their attempts."""

    contest: Contest
    state: str
    locked: bool = False
    attempts: list[Attempt] = field(default_factory=list)  # newest first, voided left out

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == AttemptStatus.IN_PROGRESS), None)

    @property
    def attempts_used(self) -> int:
        return len(self.attempts)

    @property
    def attempts_left(self) -> int:
        return max(0, self.contest.attempts_allowed - self.attempts_used)

    @property
    def finished(self) -> list[Attempt]:
        """Finished attempts, newest first."""
        return [a for a in self.attempts if a.status != AttemptStatus.IN_PROGRESS]

    @property
    def counted_score(self) -> float | None:
        """The score that counts under the contest's rule (best, first or last try)."""
        done = self.finished
        if not done:
            return None
        if self.contest.counting == Counting.FIRST:
            return done[-1].score
        if self.contest.counting == Counting.LAST:
            return done[0].score
        return min(
            done, key=lambda a: (-a.score, time_used_ms(a.started_at, a.finished_at, a.deadline))
        ).score

    @property
    def can_start(self) -> bool:
        """A start (or resume) button makes sense: open, unlocked, with a try left or open."""
        if self.state != ContestState.OPEN or self.locked:
            return False
        return self.open_attempt is not None or self.attempts_left > 0


def catalog(
    user: User,
    session: Mapping,
    *,
    now: datetime,
    grace_seconds: float,
    contests: list[Contest] | None = None,
) -> list[ContestCard]:
    """Cards of the contests ``user`` may see (all of them, or of ``contests``), opening order.

    ``session`` is the browser session's mapping, which remembers the code-protected contests
    unlocked in it.
    """
    entered = entered_contests(session)
    if contests is None:
        contests = list(
            db.session.execute(select(Contest).order_by(Contest.opens_at, Contest.id)).scalars()
        )
    visible = []
    for contest in contests:
        if may_enter(contest, user, entered_codes=entered):
            visible.append((contest, False))
        elif contest.access == Access.CODE:
            visible.append((contest, True))  # listed, so the student finds where to type it
    attempts = _attempts_of(user, [c.id for c, _locked in visible], now, grace_seconds)
    return [
        ContestCard(
            contest=contest,
            state=contest_state(now, contest.opens_at, contest.closes_at),
            locked=locked,
            attempts=attempts.get(contest.id, []),
        )
        for contest, locked in visible
    ]


def _attempts_of(
    user: User, contest_ids: list[int], now: datetime, grace_seconds: float
) -> dict[int, list[Attempt]]:
    """The user's non-voided attempts per contest, newest first; overdue ones persisted."""
    found: dict[int, list[Attempt]] = {}
    if not contest_ids:
        return found
    rows = db.session.execute(
        select(Attempt)
        .where(
            Attempt.user_id == user.id,
            Attempt.contest_id.in_(contest_ids),
            Attempt.status != AttemptStatus.VOIDED,
        )
        .order_by(Attempt.number.desc())
    ).scalars()
    for attempt in rows:
        persist_if_overdue(attempt, now=now, grace_seconds=grace_seconds)
        found.setdefault(attempt.contest_id, []).append(attempt)
    return found


def contest_list(
    user: User, session: Mapping, *, now: datetime, grace_seconds: float
) -> dict[str, list[ContestCard]]:
    """The contest page's sections: open (closing soonest first), upcoming, recent closed."""
    sections: dict[str, list[ContestCard]] = {state: [] for state in ContestState.values()}
    for card in catalog(user, session, now=now, grace_seconds=grace_seconds):
        sections[card.state].append(card)
    sections[ContestState.OPEN].sort(key=lambda c: c.contest.closes_at)
    closed = sorted(sections[ContestState.CLOSED], key=lambda c: c.contest.closes_at, reverse=True)
    sections[ContestState.CLOSED] = closed[:CLOSED_SHOWN]
    return sections


def contest_card(
    contest: Contest, user: User, session: Mapping, *, now: datetime, grace_seconds: float
) -> ContestCard | None:
    """The card for one contest, or None when the student may not even see it."""
    cards = catalog(user, session, now=now, grace_seconds=grace_seconds, contests=[contest])
    return cards[0] if cards else None
