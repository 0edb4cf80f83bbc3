"""A first end-to-end pass over the attempt service: start, answer, submit, late answer."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE

pytestmark = pytest.mark.db


def test_start_answer_submit(factories):
    contest = factories.contest()
    student = factories.student()
    now = contest.opens_at + timedelta(minutes=5)
    attempt, created = attempts.start_attempt(
        contest, student, now=now, grace_seconds=GRACE, paper_builder=build_paper
    )
    assert created and len(attempt.paper) == 4
    again, created_again = attempts.start_attempt(
        contest, student, now=now, grace_seconds=GRACE, paper_builder=build_paper
    )
    assert again.id == attempt.id and not created_again
    item = attempt.paper[0]
    if item["type"] == "fill_blank":
        attempts.save_answer(
            attempt, item["question_id"], text=item["key"][0], now=now, grace_seconds=GRACE
        )
    else:
        attempts.save_answer(
            attempt, item["question_id"], choice=item["key"], now=now, grace_seconds=GRACE
        )
    assert attempt.score == 10
    late = attempt.deadline + timedelta(seconds=GRACE + 1)
    with pytest.raises(attempts.LateAnswer):
        attempts.save_answer(
            attempt,
            attempt.paper[1]["question_id"],
            choice=[0],
            text="x",
            now=late,
            grace_seconds=GRACE,
        )
    assert attempt.status == "expired" and attempt.score == 10
    assert len(attempt.answers) == 1
