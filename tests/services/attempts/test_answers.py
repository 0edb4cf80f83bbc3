"""Saving an answer: the question must be on the paper, the response well formed, in time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Answer
from quiz.services import Conflict, DomainError, NotFound
from quiz.services.attempts.answers import (
    MAX_TEXT_LENGTH,
    LateAnswer,
    paper_item,
    save_answer,
    validated_response,
)
from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin, right_answer, wrong_answer

SINGLE = {"type": "single_choice", "options": ["甲", "乙", "丙", "丁"]}
MULTIPLE = {"type": "multiple_choice", "options": ["甲", "乙", "丙", "丁", "戊"]}
TRUE_FALSE = {"type": "true_false", "options": ["正确", "错误"]}
FILL = {"type": "fill_blank", "options": []}


def test_choices_are_deduplicated_and_sorted():
    assert validated_response(MULTIPLE, [4, 0, 4], None) == ([0, 4], None)


def test_an_empty_choice_is_a_blank_answer():
    assert validated_response(SINGLE, [], None) == ([], None)


def test_fill_in_text_is_stripped_and_its_choice_ignored():
    assert validated_response(FILL, [1], "  72万元 ") == (None, "72万元")


def test_the_longest_fill_in_is_accepted():
    assert validated_response(FILL, None, "长" * MAX_TEXT_LENGTH) == (None, "长" * MAX_TEXT_LENGTH)


@pytest.mark.parametrize(
    ("item", "choice", "text"),
    [
        (FILL, None, None),
        (FILL, None, 7),
        (FILL, None, "长" * (MAX_TEXT_LENGTH + 1)),
        (SINGLE, 0, None),
        (SINGLE, "0", None),
        (SINGLE, None, "甲"),
        (SINGLE, [True], None),
        (SINGLE, [1.0], None),
        (SINGLE, [4], None),
        (SINGLE, [-1], None),
        (SINGLE, [0, 1], None),
        (TRUE_FALSE, [0, 1], None),
        (MULTIPLE, [0, 5], None),
    ],
)
def test_malformed_responses_are_refused(item, choice, text):
    with pytest.raises(DomainError) as refused:
        validated_response(item, choice, text)
    assert refused.value.code == "malformed"


def test_paper_item_finds_the_snapshot():
    paper = [{"question_id": 3, "type": "true_false"}, {"question_id": 9, "type": "fill_blank"}]
    attempt = type("Attempt", (), {"paper": paper})
    assert paper_item(attempt, 9)["type"] == "fill_blank"
    with pytest.raises(NotFound) as refused:
        paper_item(attempt, 4)
    assert refused.value.code == "not_in_paper"


@pytest.fixture
def attempt(factories):
    return begin(factories.contest(), factories.student())


def answer_rows(attempt) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Answer).where(Answer.attempt_id == attempt.id)
    )


@pytest.mark.db
def test_a_saved_answer_is_graded_against_the_paper(attempt):
    item = attempt.paper[0]
    saved = save_answer(
        attempt, item["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(item)
    )
    assert saved.is_correct and saved.points == item["points"] and saved.saved_at == NOW
    assert attempt.score == item["points"]


@pytest.mark.db
def test_answering_again_replaces_the_answer_and_the_score(attempt):
    item = attempt.paper[0]
    save_answer(attempt, item["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(item))
    later = NOW + timedelta(seconds=30)
    again = save_answer(
        attempt, item["question_id"], now=later, grace_seconds=GRACE, **wrong_answer(item)
    )
    assert not again.is_correct and again.saved_at == later
    assert answer_rows(attempt) == 1 and attempt.score == 0


@pytest.mark.db
def test_the_score_is_the_sum_of_the_answers(attempt):
    for item in attempt.paper[:3]:
        save_answer(
            attempt, item["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(item)
        )
    assert attempt.score == sum(item["points"] for item in attempt.paper[:3])


@pytest.mark.db
def test_a_question_off_the_paper_is_not_stored(attempt, factories):
    stranger = factories.question()
    with pytest.raises(NotFound):
        save_answer(attempt, stranger.id, choice=[0], now=NOW, grace_seconds=GRACE)
    assert answer_rows(attempt) == 0


@pytest.mark.db
def test_a_malformed_answer_is_not_stored(attempt):
    item = next(i for i in attempt.paper if i["type"] == "single_choice")
    with pytest.raises(DomainError):
        save_answer(attempt, item["question_id"], choice=[0, 1], now=NOW, grace_seconds=GRACE)
    assert answer_rows(attempt) == 0


@pytest.mark.db
def test_the_last_instant_of_the_grace_is_accepted(attempt):
    item = attempt.paper[0]
    last = attempt.deadline + timedelta(seconds=GRACE)
    save_answer(attempt, item["question_id"], now=last, grace_seconds=GRACE, **right_answer(item))
    assert attempt.status == "in_progress" and answer_rows(attempt) == 1


@pytest.mark.db
def test_a_late_answer_is_refused_and_expires_the_attempt(attempt):
    first, second = attempt.paper[0], attempt.paper[1]
    save_answer(attempt, first["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(first))
    late = attempt.deadline + timedelta(seconds=GRACE, milliseconds=1)
    with pytest.raises(LateAnswer) as refused:
        save_answer(
            attempt, second["question_id"], now=late, grace_seconds=GRACE, **right_answer(second)
        )
    assert refused.value.code == "deadline_passed" and refused.value.status == 409
    assert attempt.status == "expired" and attempt.finished_at == attempt.deadline
    assert answer_rows(attempt) == 1 and attempt.score == first["points"]


@pytest.mark.db
def test_a_finished_attempt_takes_no_answers(attempt):
    submit(attempt, now=NOW, grace_seconds=GRACE)
    item = attempt.paper[0]
    with pytest.raises(Conflict) as refused:
        save_answer(
            attempt, item["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(item)
        )
    assert refused.value.code == "attempt_finished" and answer_rows(attempt) == 0
