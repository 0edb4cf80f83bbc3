"""Helpers for the organizer's contest pages: a logged-in organizer, a bank, and form data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

#: 2021-10-12 10:00 in Asia/Shanghai: the morning of 校园日.
NOW = datetime(2021, 10, 12, 2, 0, 0)


@pytest.fixture
def clock(time_machine):
    """Freeze the clock at NOW (naive UTC) and return it."""
    time_machine.move_to(NOW.replace(tzinfo=UTC), tick=False)
    return NOW


@pytest.fixture
def organizer(factories, auth):
    """An organizer of 广元中学, logged in."""
    user = factories.organizer("teacher", unit="四川省/广元中学")
    auth.login("teacher")
    return user


@pytest.fixture
def campus_bank(factories):
    """Exactly two single-choice, one true/false and one fill-in question for 校园日."""
    return [
        *factories.questions(2, type="single_choice", days=("campus",)),
        factories.question(type="true_false", days=("campus",)),
        factories.question(type="fill_blank", days=("campus",)),
    ]


@pytest.fixture
def week_bank(factories):
    """Week-wide (general) questions: enough for each of the six days' default paper."""
    counts = {"single_choice": 5, "multiple_choice": 2, "true_false": 2, "fill_blank": 1}
    return [
        q
        for qtype, n in counts.items()
        for q in factories.questions(n, type=qtype, days=("general",))
    ]


def contest_form(**overrides) -> dict:
    """A valid POST body for the contest form (times as typed, in Asia/Shanghai)."""
    data = {
        "title": "校园日知识竞赛",
        "description": "面向全校学生",
        "themed_day": "campus",
        "opens_at": "2021-10-12T09:00",
        "closes_at": "2021-10-12T21:00",
        "time_limit_minutes": "10",
        "question_count": "4",
        "draw_mode": "rules",
        "count_single_choice": "2",
        "count_multiple_choice": "0",
        "count_true_false": "1",
        "count_fill_blank": "1",
        "difficulty_1": "",
        "difficulty_2": "",
        "difficulty_3": "",
        "points_per_question": "10",
        "attempts_allowed": "1",
        "counting": "best",
        "access": "everyone",
        "join_code": "",
        "show_answers": "after_submit",
        "auto_submit_after_switches": "",
        "freeze_at": "",
        "submit": "保存",
    }
    data.update({k: v for k, v in overrides.items() if v is not None})
    for key in [k for k, v in overrides.items() if v is None]:
        data.pop(key, None)
    return data
