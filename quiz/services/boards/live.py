"""Where a board's entries come from for one viewer class: live (standings + unwritten
overdue attempts, Redis when configured) or frozen (recomputed from attempts at freeze time).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Contest, EventStanding, Standing
from quiz.models.standings import WEEK
from quiz.services.boards import redis_sets
from quiz.services.boards.entries import (
    attempt_entry,
    contest_entries_from_attempts,
    day_and_week,
    event_day_rows,
    overdue_attempts,
    standing_entry,
    user_levels,
)
from quiz.services.boards.ranking import Entry, counted
from quiz.services.boards.refs import BoardRef
from quiz.services.boards.sources import MemorySource, SqlSource, with_names


def live_source(
    ref: BoardRef, contests, *, now: datetime, grace: float, version: int, overdue: bool = True
):
    """(source, overlay) of the live board: standings plus attempts that ran out, unwritten.

    ``version`` is the board version the state was read at (Redis must reflect it);
    ``overdue=False`` (the board's state counted none) skips looking for them.
    """
    if ref.kind == "contest":
        source = SqlSource(Standing, contest_id=ref.contest_id)
        overlay = _contest_overlay(contests[0], now=now, grace=grace) if overdue else {}
    else:
        day = ref.day if ref.kind == "day" else WEEK
        source = SqlSource(EventStanding, event_id=ref.event_id, day=day)
        overlay = _event_overlay(ref, contests, day, now=now, grace=grace) if overdue else {}
    if not overlay:
        # Redis serves boards with nothing to merge; overdue rows are merged by the SQL path.
        source = redis_sets.source(ref.key, source, version)
    return source, with_names(overlay)


def _contest_overlay(contest: Contest, *, now, grace) -> dict[int, Entry]:
    overlay: dict[int, Entry] = {}
    for attempt in overdue_attempts([contest.id], now=now, grace_seconds=grace):
        if attempt.user.is_test_account:
            continue
        entry = attempt_entry(attempt, user_levels(attempt.user))
        row = db.session.get(Standing, (contest.id, attempt.user_id))
        candidates = [entry] + ([standing_entry(row)] if row else [])
        overlay[attempt.user_id] = counted(candidates, contest.counting)
    return overlay


def _event_overlay(ref, contests, day, *, now, grace) -> dict[int, Entry]:
    by_id = {c.id: c for c in contests}
    overdue = [
        a
        for a in overdue_attempts(list(by_id), now=now, grace_seconds=grace)
        if not a.user.is_test_account
    ]
    if not overdue:
        return {}
    users = {a.user_id for a in overdue}
    per_contest: dict[tuple[int, int], Entry] = {
        (row.contest_id, row.user_id): standing_entry(row)
        for _day, row in event_day_rows(ref.event_id, sorted(users))
    }
    for attempt in overdue:
        key = (attempt.contest_id, attempt.user_id)
        entry = attempt_entry(attempt, user_levels(attempt.user))
        per_contest[key] = counted(
            [entry, *([per_contest[key]] if key in per_contest else [])],
            by_id[attempt.contest_id].counting,
        )
    return _day_entries(per_contest, _themed_days(ref.event_id), day)


def _themed_days(event_id: int) -> dict[int, str]:
    rows = db.session.execute(
        select(Contest.id, Contest.themed_day).where(
            Contest.event_id == event_id, Contest.themed_day.is_not(None)
        )
    )
    return dict(rows.all())


def _day_entries(per_contest: dict[tuple[int, int], Entry], day_of, day: str):
    per_user: dict[int, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for (contest_id, user_id), entry in per_contest.items():
        if contest_id in day_of:
            per_user[user_id][day_of[contest_id]].append(entry)
    result = {}
    for user_id, per_day in per_user.items():
        found = day_and_week(per_day).get(day)
        if found is not None:
            result[user_id] = found
    return result


def frozen_source(ref: BoardRef, contests, frozen, *, now, grace) -> MemorySource:
    """The public board computed from attempts, each frozen contest cut at its freeze time."""
    cut = {c.id: c.freeze_at for c in frozen}
    per_contest = {}
    for contest in contests:
        entries = contest_entries_from_attempts(
            contest, now=now, grace_seconds=grace, cutoff=cut.get(contest.id)
        )
        per_contest.update({(contest.id, uid): e for uid, e in entries.items()})
    if ref.kind == "contest":
        return MemorySource(per_contest.values())
    day = ref.day if ref.kind == "day" else WEEK
    named = {uid: e for (_c, uid), e in per_contest.items()}
    entries = _day_entries(per_contest, {c.id: c.themed_day for c in contests}, day)
    return MemorySource(
        replace(e, name=named[uid].name, org_id=named[uid].org_id) for uid, e in entries.items()
    )
