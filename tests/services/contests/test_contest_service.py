"""services.contests directly: refusals, the draw lock and the week without an actor."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.services import Conflict, DomainError, attempts
from quiz.services.contests.editing import save_contest, values_of
from quiz.services.contests.papers import build_paper
from quiz.services.contests.values import ContestValues
from quiz.services.contests.week import create_week, week_type_counts
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


def values(**overrides) -> ContestValues:
    base = ContestValues(
        title="校园日",
        opens_at=NOW,
        closes_at=NOW + timedelta(hours=1),
        themed_day="campus",
        question_count=4,
        type_counts={"single_choice": 2, "true_false": 1, "fill_blank": 1},
    )
    for name, value in overrides.items():
        setattr(base, name, value)
    return base


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"closes_at": NOW}, "close_before_open"),
        ({"time_limit_seconds": 0}, "bad_time_limit"),
        ({"auto_submit_after_switches": 0}, "bad_switches"),
        ({"type_counts": {"single_choice": 4}}, "not_enough_questions"),
    ],
)
def test_unrunnable_values_are_refused(factories, campus_bank, overrides, code):
    with pytest.raises(DomainError) as refused:
        save_contest(None, values(**overrides), actor=factories.organizer())
    assert refused.value.code == code


def test_difficulty_change_is_locked_after_attempts(factories, clock):
    contest = factories.contest(now=NOW)
    attempts.start_attempt(
        contest, factories.student(), now=NOW, grace_seconds=GRACE, paper_builder=build_paper
    )
    changed = values_of(contest)
    changed.difficulty_counts = {"1": 4}
    with pytest.raises(Conflict):
        save_contest(contest, changed, actor=factories.organizer())
    unchanged = values_of(contest)
    unchanged.closes_at += timedelta(hours=1)
    assert save_contest(contest, unchanged, actor=factories.organizer()).closes_at == (
        NOW + timedelta(hours=3)
    )


def test_week_without_actor_and_short_papers(factories, week_bank):
    event = create_week(title="  ", start=NOW.date(), actor=None, now=NOW, question_count=4)
    assert event.title == "四川省2021年国家网络安全宣传周" and event.created_by_id is None
    assert all(c.question_count == 4 for c in event.contests)
    assert sum(week_type_counts(4).values()) <= 4


def test_week_sizes_each_day_on_its_own(factories, week_bank):
    event = create_week(
        title="周",
        start=NOW.date(),
        actor=None,
        now=NOW,
        question_count=4,
        question_counts={"law": 5},
    )
    sizes = {c.themed_day: c.question_count for c in event.contests}
    assert sizes == {"campus": 4, "telecom": 4, "law": 5, "finance": 4, "youth": 4, "privacy": 4}
    law = next(c for c in event.contests if c.themed_day == "law")
    assert law.draw_rules["types"] == week_type_counts(5)
