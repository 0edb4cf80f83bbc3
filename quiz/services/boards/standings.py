"""Keeping the standings tables current: one row per counted result, updated on each change.

:func:`write_standings` runs when an attempt is submitted, expires or is voided (the
``attempt_ending`` signal of :mod:`quiz.services.signals`, inside the finishing transaction); ``rebuild_standings`` recomputes a contest from its attempts (after
rescoring, or from ``flask boards rebuild``). Open attempts whose time ran out are *not* written
here: boards merge them in at read time, so a board is right even
before ``close_overdue`` persists them (see ``quiz.services.board_live``).
"""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlalchemy import delete, select, update

from quiz.enums import GRADED_STATUSES, AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Contest, EventStanding, Standing, User
from quiz.services.boards import redis_sets
from quiz.services.boards.entries import (
    attempt_entry,
    day_and_week,
    event_day_rows,
    org_level_map,
    standing_entry,
    user_levels,
)
from quiz.services.boards.ranking import Entry, counted
from quiz.services.boards.versions import bump, bump_versions
from quiz.services.signals import (
    attempt_ended,
    attempt_ending,
    personal_data_erased,
    personal_data_erasing,
)

log = logging.getLogger(__name__)
#: Session info key: attempt id -> the board versions its finishing transaction made.
_MADE_VERSIONS = "board_versions_made"
#: Session info key: erased user id -> the contests whose boards it is on.
_ERASED_CONTESTS = "board_erased_contests"


# --- writing standings ---------------------------------------------------------------------


def refresh_user(contest: Contest, user: User) -> Entry | None:
    """Recompute ``user``'s Standing for ``contest`` (and their day/week rows); no commit."""
    attempts = (
        db.session.execute(
            select(Attempt).where(
                Attempt.contest_id == contest.id,
                Attempt.user_id == user.id,
                Attempt.status.in_(GRADED_STATUSES),
                Attempt.is_preview.is_(False),
            )
        )
        .scalars()
        .all()
    )
    levels = user_levels(user)
    entry = counted([attempt_entry(a, levels) for a in attempts], contest.counting)
    row = db.session.get(Standing, (contest.id, user.id))
    if entry is None:
        if row is not None:
            db.session.delete(row)
    else:
        if row is None:
            row = Standing(contest_id=contest.id, user_id=user.id)
            db.session.add(row)
        _fill(row, entry, user.is_test_account)
        row.attempt_id, row.attempt_number = entry.attempt_id, entry.attempt_number
        row.max_score = next(a.max_score for a in attempts if a.id == entry.attempt_id)
    db.session.flush()
    if contest.event_id and contest.themed_day:
        refresh_event_user(contest.event_id, user.id, levels, user.is_test_account)
    return entry


def _fill(row, entry: Entry, is_test: bool) -> None:
    row.score, row.time_used_ms, row.finished_at = (
        entry.score,
        entry.time_used_ms,
        entry.submitted_at,
    )
    row.region_id, row.school_id, row.class_id = entry.region_id, entry.school_id, entry.class_id
    row.is_test = is_test


def refresh_event_user(event_id: int, user_id: int, levels: tuple, is_test: bool) -> None:
    per_day: dict[str, list[Entry]] = defaultdict(list)
    for day, row in event_day_rows(event_id, [user_id]):
        per_day[day].append(standing_entry(row))
    wanted = day_and_week(per_day)
    existing = {
        row.day: row
        for row in db.session.execute(
            select(EventStanding).where(
                EventStanding.event_id == event_id, EventStanding.user_id == user_id
            )
        ).scalars()
    }
    for day, row in existing.items():
        if day not in wanted:
            db.session.delete(row)
    for day, entry in wanted.items():
        row = existing.get(day) or EventStanding(event_id=event_id, day=day, user_id=user_id)
        db.session.add(row)
        _fill(row, entry, is_test)
        row.region_id, row.school_id, row.class_id = levels
    db.session.flush()


def rebuild_event(event_id: int) -> int:
    """Recompute every day/week row of an event from its contests' standings; no commit."""
    db.session.execute(delete(EventStanding).where(EventStanding.event_id == event_id))
    per_user: dict[int, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    flags: dict[int, bool] = {}
    for day, row in event_day_rows(event_id):
        per_user[row.user_id][day].append(standing_entry(row))
        flags[row.user_id] = row.is_test
    rows = []
    for user_id, per_day in per_user.items():
        for day, entry in day_and_week(per_day).items():
            row = EventStanding(event_id=event_id, day=day, user_id=user_id)
            _fill(row, entry, flags[user_id])
            rows.append(row)
    db.session.add_all(rows)
    db.session.flush()
    return len(rows)


def rebuild_standings(contest: Contest, *, commit: bool = True) -> int:
    """Recompute a contest's standings (and its event's day/week rows) from its attempts."""
    db.session.execute(delete(Standing).where(Standing.contest_id == contest.id))
    levels = org_level_map()
    per_user: dict[int, list[Entry]] = defaultdict(list)
    max_scores, tests = {}, {}
    query = (
        select(Attempt, User.organization_id, User.is_test_account)
        .join(User, User.id == Attempt.user_id)
        .where(
            Attempt.contest_id == contest.id,
            Attempt.status.in_(GRADED_STATUSES),
            Attempt.is_preview.is_(False),
        )
    )
    for attempt, org_id, is_test in db.session.execute(query):
        per_user[attempt.user_id].append(attempt_entry(attempt, levels.get(org_id, (None,) * 3)))
        max_scores[attempt.id], tests[attempt.user_id] = attempt.max_score, is_test
    rows = []
    for user_id, items in per_user.items():
        entry = counted(items, contest.counting)
        row = Standing(contest_id=contest.id, user_id=user_id, attempt_id=entry.attempt_id)
        _fill(row, entry, tests[user_id])
        row.attempt_number, row.max_score = entry.attempt_number, max_scores[entry.attempt_id]
        rows.append(row)
    db.session.add_all(rows)
    db.session.flush()
    if contest.event_id:
        rebuild_event(contest.event_id)
    bump_versions(contest, void=True)
    if commit:
        db.session.commit()
        _sync_redis_contest(contest)
    return len(rows)


# --- when an attempt ends (signals from the attempts aggregate) ------------------------------


@attempt_ending.connect
def write_standings(attempt: Attempt) -> None:
    """Update the student's standings and the board versions, inside the finishing transaction.

    Runs before the attempt's commit, so the attempt and its board rows commit (or fail)
    together: a board can never show a result that the attempt does not have.
    """
    if attempt.is_preview:
        return
    contest = attempt.contest
    refresh_user(contest, attempt.user)
    made = bump_versions(contest, void=attempt.status == AttemptStatus.VOIDED)
    # The Redis mirror applies the change with exactly these versions, after the commit.
    db.session.info.setdefault(_MADE_VERSIONS, {})[attempt.id] = made


@attempt_ended.connect
def sync_redis(attempt: Attempt) -> None:
    """Mirror the committed standings into Redis (a no-op without Redis; errors are logged)."""
    made = db.session.info.get(_MADE_VERSIONS, {}).pop(attempt.id, None)
    if made is not None:
        redis_sets.sync_user(attempt.contest, attempt.user_id, made)


def _sync_redis_contest(contest: Contest) -> None:
    redis_sets.rebuild_contest(contest)


# --- when a student's personal data is erased (signals from the accounts aggregate) ----------


@personal_data_erasing.connect
def forget_units(user_id: int) -> None:
    """Keep the erased student's rows (same score, time and rank) but drop their units.

    Inside the erasing transaction: the rows then say what a rebuild would (the account has no
    unit any more), so a board never shows the class of an anonymous entry. The versions bump
    as for a void, since frozen boards and caches carry the old name and unit too.
    """
    contests = (
        db.session.execute(
            select(Contest)
            .join(Standing, Standing.contest_id == Contest.id)
            .where(Standing.user_id == user_id)
        )
        .scalars()
        .all()
    )
    blank = {"region_id": None, "school_id": None, "class_id": None}
    for model in (Standing, EventStanding):
        db.session.execute(update(model).where(model.user_id == user_id).values(**blank))
    scopes = {f"c:{c.id}" for c in contests} | {f"e:{c.event_id}" for c in contests if c.event_id}
    for scope in sorted(scopes):  # each once, in one order (the counters' row locks)
        bump(scope, void=True)
    db.session.info.setdefault(_ERASED_CONTESTS, {})[user_id] = [c.id for c in contests]


@personal_data_erased.connect
def resync_erased(user_ids: tuple[int, ...]) -> None:
    """Reload, once each, the Redis boards the erased students are on (no-op without Redis)."""
    pending = db.session.info.get(_ERASED_CONTESTS, {})
    contest_ids = sorted({c for user_id in user_ids for c in pending.pop(user_id, [])})
    for contest_id in contest_ids:
        contest = db.session.get(Contest, contest_id)
        if contest is not None:
            redis_sets.rebuild_contest(contest)
