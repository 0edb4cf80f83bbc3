"""Attempts as board entries: what counts as finished, time and submission, and the units."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Attempt, Standing
from quiz.models.standings import WEEK
from quiz.services.accounts.organizations import find_by_path
from quiz.services.boards.entries import (
    attempt_entry,
    contest_entries_from_attempts,
    day_and_week,
    event_day_rows,
    org_level_map,
    overdue_attempts,
    overdue_before,
    standing_entry,
    user_levels,
)
from quiz.services.boards.ranking import Entry
from tests.clock import GRACE, NOW
from tests.helpers.boards import LATER, attempt, event_with

pytestmark = pytest.mark.db


def levels_of(path: str) -> tuple:
    """(region, school, class) ids along ``path``."""
    parts = path.split("/")
    ids = [find_by_path("/".join(parts[: n + 1])).id for n in range(len(parts))]
    return tuple(ids + [None] * (3 - len(ids)))


def test_a_units_levels_are_itself_and_its_ancestors(school_a, school_b):
    levels = org_level_map()
    assert levels[school_a.id] == levels_of("四川省/广元中学/高一(1)班")
    school = find_by_path("四川省/广元中学")
    assert levels[school.id] == (school.parent_id, school.id, None)
    assert levels[school.parent_id] == (school.parent_id, None, None)


def test_a_students_levels_come_from_their_class(factories, school_b):
    assert user_levels(factories.student(organization=school_b)) == levels_of(
        "四川省/成都七中/高二(3)班"
    )
    assert user_levels(factories.admin()) == (None, None, None)


def test_a_submitted_attempt_is_timed_from_start_to_finish(contest, factories):
    row = attempt(contest, factories.student(), score=30, used=95)
    entry = attempt_entry(row, (1, 2, 3))
    assert (entry.score, entry.time_used_ms) == (30, 95_000)
    assert entry.submitted_at == row.finished_at and entry.attempt_id == row.id
    assert (entry.region_id, entry.school_id, entry.class_id) == (1, 2, 3)


def test_an_attempt_that_ran_out_is_submitted_at_its_deadline(contest, factories):
    row = attempt(contest, factories.student(), score=10, status="in_progress")
    entry = attempt_entry(row)
    assert entry.submitted_at == row.deadline
    assert entry.time_used_ms == contest.time_limit_seconds * 1000


def test_overdue_attempts_are_open_unpreviewed_and_past_the_grace(contest, factories):
    late = attempt(contest, factories.student(), score=5, status="in_progress")
    attempt(contest, factories.student(), score=5, status="in_progress", preview=True)
    attempt(contest, factories.student(), score=5)
    deadline = late.deadline
    assert (
        overdue_attempts([contest.id], now=deadline + timedelta(seconds=GRACE), grace_seconds=GRACE)
        == []
    )
    found = overdue_attempts(
        [contest.id], now=deadline + timedelta(seconds=GRACE + 1), grace_seconds=GRACE
    )
    assert [a.id for a in found] == [late.id]
    assert overdue_attempts([], now=LATER, grace_seconds=GRACE) == []


def test_overdue_before_counts_in_sql(contest, factories):
    row = attempt(contest, factories.student(), score=5, status="in_progress")
    count = overdue_before(contest.id, row.deadline + timedelta(seconds=1))
    assert db.session.scalar(select(count)) == 1
    assert db.session.scalar(select(overdue_before(contest.id, row.deadline))) == 0


@pytest.mark.parametrize(("counting", "score"), [("best", 40), ("first", 20), ("last", 30)])
def test_entries_from_attempts_count_one_attempt_per_student(contest, factories, counting, score):
    contest.counting, contest.attempts_allowed = counting, 3
    db.session.commit()
    student = factories.student(display_name="王小明")
    for points in (20, 40, 30):
        attempt(contest, student, score=points)
    [entry] = contest_entries_from_attempts(contest, now=LATER, grace_seconds=GRACE).values()
    assert entry.score == score and entry.name == "王小明"
    assert entry.org_id == student.organization_id


def test_entries_leave_out_test_accounts_previews_voided_and_open_attempts(contest, factories):
    tester = factories.student(is_test_account=True)
    attempt(contest, tester, score=40)
    attempt(contest, factories.student(), score=40, preview=True)
    voided = attempt(contest, factories.student(), score=40)
    voided.status = "voided"
    running = factories.student()
    attempt(contest, running, score=40, status="in_progress", start=LATER - timedelta(minutes=1))
    db.session.commit()
    assert contest_entries_from_attempts(contest, now=LATER, grace_seconds=GRACE) == {}


def test_an_overdue_attempt_counts_without_being_written(contest, factories):
    student = factories.student()
    row = attempt(contest, student, score=25, status="in_progress")
    entries = contest_entries_from_attempts(contest, now=LATER, grace_seconds=GRACE)
    assert entries[student.id].score == 25
    db.session.expire_all()
    assert db.session.get(Attempt, row.id).status == "in_progress"


def test_a_cutoff_keeps_only_what_was_finished_by_then(contest, factories):
    early, late, ran_out = factories.student(), factories.student(), factories.student()
    start = NOW
    attempt(contest, early, score=10, start=start, used=60)
    attempt(contest, late, score=40, start=start, used=600)  # finishes at NOW + 10 min
    attempt(contest, ran_out, score=30, start=start + timedelta(minutes=3), status="in_progress")
    cut = start + timedelta(minutes=5)
    entries = contest_entries_from_attempts(contest, now=LATER, grace_seconds=GRACE, cutoff=cut)
    assert set(entries) == {early.id}


def test_a_standing_row_reads_back_as_the_entry_it_stores(contest, factories):
    student = factories.student()
    row = attempt(contest, student, score=30, used=80)
    standing = db.session.get(Standing, (contest.id, student.id))
    assert standing_entry(standing) == attempt_entry(row, user_levels(student))


def test_event_day_rows_pair_standings_with_their_day(factories):
    event, (campus, law) = event_with(["campus", "law"])
    a, b = factories.student(), factories.student()
    attempt(campus, a, score=10)
    attempt(law, a, score=20)
    attempt(law, b, score=30)
    rows = event_day_rows(event.id)
    assert sorted((day, row.user_id, row.score) for day, row in rows) == sorted(
        [("campus", a.id, 10), ("law", a.id, 20), ("law", b.id, 30)]
    )
    assert [(day, row.user_id) for day, row in event_day_rows(event.id, [b.id])] == [("law", b.id)]


def entry(score, used_s, at_s=0, user_id=1) -> Entry:
    return Entry(user_id, score, used_s * 1000, NOW + timedelta(seconds=at_s))


def test_day_and_week_take_each_days_best_and_sum_them():
    result = day_and_week(
        {"campus": [entry(20, 50), entry(30, 90, 5)], "law": [entry(15, 40, 9)], "youth": []}
    )
    assert result["campus"].score == 30 and result["law"].score == 15 and "youth" not in result
    week = result[WEEK]
    assert (week.score, week.time_used_ms, week.submitted_at) == (
        45,
        130_000,
        NOW + timedelta(seconds=9),
    )
    assert week.days == {"campus": 30, "law": 15}


def test_no_days_no_week():
    assert day_and_week({}) == {}
