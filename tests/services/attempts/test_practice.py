"""Practice: which questions a student may practise now, and grading one practice answer."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt, Question
from quiz.services import DomainError, NotFound
from quiz.services.attempts.lifecycle import submit
from quiz.services.attempts.practice import (
    DAY_EMPTY,
    DAY_STILL_LIVE,
    NOTHING_IN_REVIEW,
    check_practice_answer,
    day_practicable_from,
    day_question_ids,
    practicable_ids,
    practice_questions,
    public_question,
)
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin

pytestmark = pytest.mark.db
AFTER = NOW + timedelta(hours=3)  # the factories' contests have closed


def right(question) -> dict:
    if question.type == "fill_blank":
        return {"text": question.answer[0]}
    return {"choice": list(question.answer)}


def wrong(question) -> dict:
    if question.type == "fill_blank":
        return {"text": "不知道"}
    return {"choice": [next(i for i in range(len(question.options)) if i not in question.answer)]}


def reviewed(factories, **contest_options):
    """A student with all four questions of a finished (unanswered) attempt in their 错题本."""
    student = factories.student()
    attempt = begin(factories.contest(**contest_options), student)
    submit(attempt, now=NOW, grace_seconds=GRACE)
    return student, [item["question_id"] for item in attempt.paper]


def test_a_day_is_practicable_once_its_open_or_upcoming_contest_closed(factories):
    contest = factories.contest()  # campus, open at NOW
    factories.question(days=("finance",))
    assert day_practicable_from("campus", NOW) == contest.closes_at
    assert day_practicable_from("campus", contest.opens_at - timedelta(days=1)) == contest.closes_at
    assert day_practicable_from("campus", contest.closes_at) is None
    assert day_practicable_from("finance", NOW) is None


def test_a_contest_without_a_day_keeps_every_day_locked(factories):
    contest = factories.contest(themed_day=None)
    factories.question(days=("finance",))
    assert day_practicable_from("finance", NOW) == contest.closes_at
    assert day_practicable_from("finance", AFTER) is None


def test_a_days_questions_are_its_own_approved_ones(factories):
    own = factories.question(days=("law",))
    factories.question(days=("law",), status="draft")
    factories.question(days=("general",))
    factories.question(days=("finance",))
    assert day_question_ids("law") == [own.id]


def test_a_round_is_a_random_sample_of_at_most_size(factories):
    ids = [q.id for q in factories.questions(5, days=("law",))]
    round_ = practice_questions(ids, 3, random.Random(1))
    assert len(round_) == 3 and {q.id for q in round_} <= set(ids)
    assert [q.id for q in practice_questions(ids, 3, random.Random(1))] == [q.id for q in round_]
    assert len(practice_questions(ids, 10, random.Random(2))) == 5
    assert practice_questions([], 10, random.Random(3)) == []


def test_the_browser_gets_no_key(factories):
    question = factories.question(type="fill_blank")
    assert public_question(question) == {
        "id": question.id,
        "type": "fill_blank",
        "stem": question.stem,
        "options": [],
    }


def test_a_day_waits_for_its_contest_then_offers_its_bank(factories):
    factories.contest()
    student = factories.student()
    assert practicable_ids(student, "day", "campus", now=NOW, grace_seconds=GRACE) == (
        [],
        DAY_STILL_LIVE,
    )
    ids, reason = practicable_ids(student, "day", "campus", now=AFTER, grace_seconds=GRACE)
    assert len(ids) == 4 and reason is None


def test_a_day_without_questions_says_so(factories):
    student = factories.student()
    assert practicable_ids(student, "day", "youth", now=NOW, grace_seconds=GRACE) == (
        [],
        DAY_EMPTY,
    )
    assert practicable_ids(student, "day", None, now=NOW, grace_seconds=GRACE) == ([], None)


def test_review_practice_offers_only_disclosed_questions(factories):
    student, qids = reviewed(factories, show_answers="after_close")
    assert practicable_ids(student, "review", None, now=NOW, grace_seconds=GRACE) == (
        [],
        NOTHING_IN_REVIEW,
    )
    ids, reason = practicable_ids(student, "review", None, now=AFTER, grace_seconds=GRACE)
    assert sorted(ids) == sorted(qids) and reason is None


def payload(question, mode="review", **extra) -> dict:
    return {"question_id": question.id, "mode": mode, **right(question), **extra}


def test_a_right_review_answer_masters_the_question(factories):
    student, qids = reviewed(factories)
    question = db.session.get(Question, qids[0])
    verdict = check_practice_answer(student, payload(question), now=NOW, grace_seconds=GRACE)
    assert verdict["correct"] and verdict["mastered"]
    assert verdict["explanation"] == question.explanation
    assert (
        verdict["source"]["sentence"] == "测试文章。" and verdict["source"]["title"] == "测试文章"
    )
    ids, _ = practicable_ids(student, "review", None, now=NOW, grace_seconds=GRACE)
    assert question.id not in ids


def test_a_wrong_answer_gets_the_key_and_stays_on_the_list(factories):
    student, qids = reviewed(factories)
    question = db.session.get(Question, qids[0])
    body = {"question_id": question.id, "mode": "review", **wrong(question)}
    verdict = check_practice_answer(student, body, now=NOW, grace_seconds=GRACE)
    assert not verdict["correct"] and not verdict["mastered"] and verdict["key"]
    ids, _ = practicable_ids(student, "review", None, now=NOW, grace_seconds=GRACE)
    assert question.id in ids


def test_day_practice_never_masters_and_never_makes_attempts(factories):
    factories.contest()
    student = factories.student()
    question = factories.question(days=("campus",))
    verdict = check_practice_answer(
        student, payload(question, mode="day", day="campus"), now=AFTER, grace_seconds=GRACE
    )
    assert verdict["correct"] and not verdict["mastered"]
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


@pytest.mark.parametrize("body", [{}, {"question_id": "1"}, {"question_id": 1.0}])
def test_a_request_without_an_integer_question_id_is_malformed(factories, body):
    with pytest.raises(DomainError) as refused:
        check_practice_answer(factories.student(), body, now=NOW, grace_seconds=GRACE)
    assert refused.value.code == "malformed"


def test_questions_outside_the_mode_are_not_found(factories):
    student = factories.student()
    draft = factories.question(status="draft", days=("finance",))
    approved = factories.question(days=("finance",))
    for body in (
        payload(draft, mode="day", day="finance"),
        payload(approved, mode="day", day="moon"),  # an unknown day practises nothing
        payload(approved, mode="review"),  # not in this student's 错题本
    ):
        with pytest.raises(NotFound):
            check_practice_answer(student, body, now=NOW, grace_seconds=GRACE)


@pytest.mark.parametrize(
    ("qtype", "answer"),
    [
        ("single_choice", {"choice": 0}),
        ("single_choice", {"choice": [9]}),
        ("single_choice", {"choice": [False]}),
        ("fill_blank", {"text": ["72万元"]}),
        ("fill_blank", {"text": "长" * 201}),
    ],
)
def test_a_malformed_answer_is_refused(factories, qtype, answer):
    student = factories.student()
    question = factories.question(type=qtype, days=("law",))
    body = {"question_id": question.id, "mode": "day", "day": "law", **answer}
    with pytest.raises(DomainError) as refused:
        check_practice_answer(student, body, now=NOW, grace_seconds=GRACE)
    assert refused.value.code == "malformed"


def test_a_boolean_question_id_is_malformed(app, factories):
    """``true`` is an int in Python: it must not stand for question 1."""
    student = factories.student()
    with pytest.raises(DomainError) as refusal:
        check_practice_answer(student, {"question_id": True}, now=NOW, grace_seconds=GRACE)
    assert refusal.value.code == "malformed"
