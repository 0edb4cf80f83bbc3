"""Attempts as board entries: which attempts count as finished, their time and submission,
and the students' organization at each level. Read-only helpers shared by the standings writer,
the live overlay and frozen boards.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select

from quiz.enums import GRADED_STATUSES, AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Contest, EventStanding, Organization, Standing, User
from quiz.models.standings import WEEK
from quiz.services.attempts import time_used_ms
from quiz.services.boards.ranking import Entry, counted, day_best, week_total


def attempt_entry(attempt: Attempt, levels: tuple = (None, None, None)) -> Entry:
    """A finished (or run-out) attempt as a ranking entry."""
    return Entry(
        user_id=attempt.user_id,
        score=attempt.score,
        time_used_ms=time_used_ms(attempt.started_at, attempt.finished_at, attempt.deadline),
        submitted_at=attempt.finished_at or attempt.deadline,
        attempt_id=attempt.id,
        attempt_number=attempt.number,
        region_id=levels[0],
        school_id=levels[1],
        class_id=levels[2],
    )


def org_level_map() -> dict[int, tuple[int | None, int | None, int | None]]:
    """Every organization id → (region id, school id, class id) of itself and its ancestors."""
    rows = {
        org_id: (level, parent)
        for org_id, level, parent in db.session.execute(
            select(Organization.id, Organization.level, Organization.parent_id)
        )
    }
    result = {}
    for org_id in rows:
        found = {"region": None, "school": None, "class": None}
        node = org_id
        while node is not None and node in rows:
            level, parent = rows[node]
            found[level] = node
            node = parent
        result[org_id] = (found["region"], found["school"], found["class"])
    return result


def user_levels(user: User) -> tuple[int | None, int | None, int | None]:
    org = user.organization
    if org is None:
        return (None, None, None)
    return tuple(
        getattr(org.at_level(level), "id", None) for level in ("region", "school", "class")
    )


def overdue_attempts(contest_ids: list[int], *, now: datetime, grace_seconds: float):
    """Open, non-preview attempts of these contests whose time (plus grace) has run out."""
    if not contest_ids:
        return []
    cutoff = now - timedelta(seconds=grace_seconds)
    return (
        db.session.execute(
            select(Attempt).where(
                Attempt.contest_id.in_(contest_ids),
                Attempt.status == AttemptStatus.IN_PROGRESS,
                Attempt.is_preview.is_(False),
                Attempt.deadline < cutoff,
            )
        )
        .scalars()
        .all()
    )


def overdue_before(contest_id, before):
    """A scalar subquery: open, non-preview attempts of ``contest_id`` (a value or a column, for
    a correlated count) whose deadline is before ``before`` (a value or an SQL expression)."""
    return (
        select(func.count())
        .select_from(Attempt)
        .where(
            Attempt.contest_id == contest_id,
            Attempt.status == AttemptStatus.IN_PROGRESS,
            Attempt.is_preview.is_(False),
            Attempt.deadline < before,
        )
        .correlate_except(Attempt)
        .scalar_subquery()
    )


def counted_attempts(
    contest_id: int, *, now: datetime, grace_seconds: float, cutoff: datetime | None = None
) -> list:
    """SQL conditions (to join ``Attempt`` with ``User``) for the attempts a board counts.

    Non-preview attempts of non-test students that are finished, or still open past their
    deadline plus grace (they ran out without a write). With ``cutoff`` (a freeze time), only
    those finished — or run out — by then.
    """
    ran_out_before = now - timedelta(seconds=grace_seconds)
    finished = Attempt.status.in_(GRADED_STATUSES)
    if cutoff is not None:
        ran_out_before = min(ran_out_before, cutoff)
        finished = and_(finished, func.coalesce(Attempt.finished_at, Attempt.deadline) <= cutoff)
    ran_out = and_(Attempt.status == AttemptStatus.IN_PROGRESS, Attempt.deadline < ran_out_before)
    return [
        User.id == Attempt.user_id,
        Attempt.contest_id == contest_id,
        Attempt.is_preview.is_(False),
        User.is_test_account.is_(False),
        or_(finished, ran_out),
    ]


def contest_entries_from_attempts(
    contest: Contest, *, now: datetime, grace_seconds: float, cutoff: datetime | None = None
) -> dict[int, Entry]:
    """Each non-test student's counted entry computed from attempts (no standings).

    With ``cutoff`` (a freeze time) attempts submitted after it count as not finished yet.
    Used for frozen boards, rebuilds and as the reference the fast paths are tested against.
    """
    query = select(Attempt, User.organization_id, User.display_name).where(
        *counted_attempts(contest.id, now=now, grace_seconds=grace_seconds, cutoff=cutoff)
    )
    levels = org_level_map()
    per_user: dict[int, list[Entry]] = defaultdict(list)
    for attempt, org_id, name in db.session.execute(query):
        entry = attempt_entry(attempt, levels.get(org_id, (None, None, None)))
        if cutoff is not None and entry.submitted_at > cutoff:
            continue  # expired after the freeze: its deadline is after the cutoff
        per_user[attempt.user_id].append(_named(entry, name, org_id))
    return {uid: counted(items, contest.counting) for uid, items in per_user.items()}


def _named(entry: Entry, name: str, org_id: int | None) -> Entry:
    return replace(entry, name=name, org_id=org_id)


def standing_entry(row: Standing | EventStanding, name: str = "", org_id=None) -> Entry:
    """A standings row (contest, or themed day / week) as a ranking entry."""
    return Entry(
        user_id=row.user_id,
        score=row.score,
        time_used_ms=row.time_used_ms,
        submitted_at=row.finished_at,
        attempt_id=getattr(row, "attempt_id", None),
        attempt_number=getattr(row, "attempt_number", 1),
        name=name,
        org_id=org_id,
        region_id=row.region_id,
        school_id=row.school_id,
        class_id=row.class_id,
    )


def event_day_rows(event_id: int, user_ids: list[int] | None = None):
    """(themed_day, Standing) pairs of the event's themed-day contests, optionally for some users."""
    query = (
        select(Contest.themed_day, Standing)
        .join(Contest, Contest.id == Standing.contest_id)
        .where(Contest.event_id == event_id, Contest.themed_day.is_not(None))
    )
    if user_ids is not None:
        query = query.where(Standing.user_id.in_(user_ids))
    return db.session.execute(query).all()


def day_and_week(per_day: dict[str, list[Entry]]) -> dict[str, Entry]:
    """A student's best entry per themed day plus the ``week`` sum."""
    days = {day: day_best(items) for day, items in per_day.items() if items}
    result = dict(days)
    week = week_total(days)
    if week is not None:
        result[WEEK] = week
    return result
