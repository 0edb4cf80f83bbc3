"""Helpers for board tests: attempts with chosen scores and times, and reading boards."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt, Contest, Event, User
from quiz.services import attempts as attempt_service
from quiz.services.attempts.timing import fixed_deadline
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.pages import board_page
from quiz.services.boards.refs import BoardRef, Viewer
from quiz.services.boards.state import board_state
from tests.clock import GRACE, NOW

#: When boards are read unless a test says otherwise: an hour into the factories' contests.
LATER = NOW + timedelta(hours=1)


def attempt(
    contest: Contest,
    user: User,
    *,
    score: float,
    used: float = 60,
    start: datetime | None = None,
    status: str = "submitted",
    number: int | None = None,
    preview: bool = False,
) -> Attempt:
    """An attempt scoring ``score`` that took ``used`` seconds, finished through the service."""
    start = start or contest.opens_at + timedelta(seconds=30)
    if number is None:
        number = 1 + db.session.scalar(
            select(func.count())
            .select_from(Attempt)
            .where(Attempt.contest_id == contest.id, Attempt.user_id == user.id)
        )
    row = Attempt(
        contest_id=contest.id,
        user_id=user.id,
        number=number,
        seed=number,
        status="in_progress",
        started_at=start,
        deadline=fixed_deadline(start, contest.time_limit_seconds, contest.closes_at),
        score=score,
        max_score=40.0,
        paper=[],
        is_preview=preview,
    )
    db.session.add(row)
    db.session.commit()
    if status == "submitted":
        attempt_service.finish(row, now=start + timedelta(seconds=used))
    elif status == "expired":
        attempt_service.finish(
            row, now=row.deadline + timedelta(seconds=GRACE + 1), status="expired"
        )
    return row


def read(ref: BoardRef, viewer: Viewer | None = None, *, now=None, offset=0, limit=50, cache=None):
    """One page of a board as ``viewer`` sees it at ``now`` (default LATER)."""
    now = now or LATER
    state = board_state(ref, viewer=viewer or Viewer(), now=now, grace=GRACE)
    return board_page(
        state, offset=offset, limit=limit, now=now, grace=GRACE, cache=cache or BoardCache()
    )


def ranks(page) -> list[tuple[int, str, float]]:
    """(rank, name, score) of each row of a board page."""
    return [(row["rank"], row["name"], row["score"]) for row in page.rows]


def event_with(days: list[str], *, counting: str = "best", per_day: int = 1):
    """An event with ``per_day`` contests for each themed day in ``days`` (no bank needed)."""
    event = Event(title="四川省网安周", start_date="2026-10-11")
    db.session.add(event)
    db.session.flush()
    contests = []
    for day in days:
        for n in range(per_day):
            contest = Contest(
                event_id=event.id,
                title=f"{day}-{n}",
                themed_day=day,
                opens_at=NOW - timedelta(minutes=1),
                closes_at=NOW + timedelta(hours=2),
                counting=counting,
            )
            db.session.add(contest)
            contests.append(contest)
    db.session.commit()
    return event, contests
