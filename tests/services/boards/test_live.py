"""Where a board's entries come from: live (standings plus unwritten overdue attempts) or frozen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Standing
from quiz.services.boards.live import frozen_source, live_source
from quiz.services.boards.refs import BoardRef
from quiz.services.boards.sources import MemorySource, SqlSource
from tests.clock import GRACE, NOW
from tests.helpers.boards import LATER, attempt, event_with

pytestmark = pytest.mark.db


def contest_ref(contest) -> BoardRef:
    return BoardRef("contest", contest_id=contest.id)


def scores(source) -> dict[int, float]:
    return {entry.user_id: entry.score for entry in source.all()}


def test_without_overdue_attempts_the_board_is_its_standings(contest, factories):
    student = factories.student()
    attempt(contest, student, score=30)
    source, overlay = live_source(
        contest_ref(contest), [contest], now=LATER, grace=GRACE, version=0
    )
    assert isinstance(source, SqlSource) and overlay == {}
    assert scores(source) == {student.id: 30}


def test_an_overdue_attempt_is_overlaid_with_its_name(contest, factories):
    student = factories.student(display_name="王小明")
    attempt(contest, student, score=25, status="in_progress")
    _source, overlay = live_source(
        contest_ref(contest), [contest], now=LATER, grace=GRACE, version=0
    )
    entry = overlay[student.id]
    assert (entry.score, entry.name, entry.org_id) == (25, "王小明", student.organization_id)
    assert db.session.get(Standing, (contest.id, student.id)) is None  # nothing written


def test_the_overlay_applies_the_counting_rule_to_earlier_tries(contest, factories):
    contest.counting, contest.attempts_allowed = "best", 2
    db.session.commit()
    better, worse = factories.student(), factories.student()
    attempt(contest, better, score=35)
    attempt(contest, better, score=10, status="in_progress")
    attempt(contest, worse, score=10)
    attempt(contest, worse, score=35, status="in_progress")
    _source, overlay = live_source(
        contest_ref(contest), [contest], now=LATER, grace=GRACE, version=0
    )
    assert (overlay[better.id].score, overlay[worse.id].score) == (35, 35)


def test_test_accounts_are_never_overlaid(contest, factories):
    attempt(contest, factories.student(is_test_account=True), score=40, status="in_progress")
    assert live_source(contest_ref(contest), [contest], now=LATER, grace=GRACE, version=0)[1] == {}


def test_an_attempt_within_its_grace_is_not_overlaid(contest, factories):
    row = attempt(contest, factories.student(), score=40, status="in_progress")
    now = row.deadline + timedelta(seconds=GRACE)
    assert live_source(contest_ref(contest), [contest], now=now, grace=GRACE, version=0)[1] == {}


def test_overdue_false_skips_the_search(contest, factories):
    attempt(contest, factories.student(), score=40, status="in_progress")
    ref = contest_ref(contest)
    assert live_source(ref, [contest], now=LATER, grace=GRACE, version=0, overdue=False)[1] == {}


def test_the_week_overlay_adds_an_overdue_day_to_the_written_ones(factories):
    event, (campus, law) = event_with(["campus", "law"])
    student = factories.student()
    attempt(campus, student, score=30)
    attempt(law, student, score=15, status="in_progress")
    ref = BoardRef("week", event_id=event.id)
    _source, overlay = live_source(ref, [campus, law], now=LATER, grace=GRACE, version=0)
    week = overlay[student.id]
    assert week.score == 45 and week.days == {"campus": 30, "law": 15}


def test_a_day_overlay_holds_only_that_days_result(factories):
    event, (campus, law) = event_with(["campus", "law"])
    student = factories.student()
    attempt(campus, student, score=30, status="in_progress")
    ref = BoardRef("day", event_id=event.id, day="law")
    assert live_source(ref, [campus, law], now=LATER, grace=GRACE, version=0)[1] == {}
    ref = BoardRef("day", event_id=event.id, day="campus")
    assert (
        live_source(ref, [campus, law], now=LATER, grace=GRACE, version=0)[1][student.id].score
        == 30
    )


def test_a_frozen_board_counts_only_what_was_finished_at_the_freeze(contest, factories):
    early, late = factories.student(), factories.student()
    attempt(contest, early, score=10, start=NOW, used=60)
    attempt(contest, late, score=40, start=NOW, used=540)
    contest.freeze_at = NOW + timedelta(minutes=5)
    db.session.commit()
    source = frozen_source(contest_ref(contest), [contest], [contest], now=LATER, grace=GRACE)
    assert isinstance(source, MemorySource) and scores(source) == {early.id: 10}


def test_a_frozen_week_sums_days_each_cut_at_its_own_freeze(factories):
    event, (campus, law) = event_with(["campus", "law"])
    student = factories.student(display_name="李四海")
    attempt(campus, student, score=30, start=NOW, used=60)
    attempt(law, student, score=20, start=NOW, used=600)
    law.freeze_at = NOW + timedelta(minutes=5)  # the law result came after its freeze
    db.session.commit()
    ref = BoardRef("week", event_id=event.id)
    source = frozen_source(ref, [campus, law], [law], now=LATER, grace=GRACE)
    [week] = source.all()
    assert (week.user_id, week.score, week.name) == (student.id, 30, "李四海")
    assert week.org_id == student.organization_id
