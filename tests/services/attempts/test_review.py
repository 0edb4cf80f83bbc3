"""The 错题本: wrong and blank answers are remembered, listed newest first, mastered in practice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import ReviewItem
from quiz.services.attempts.answers import save_answer
from quiz.services.attempts.lifecycle import submit
from quiz.services.attempts.review import (
    mark_mastered,
    remember_wrong_answers,
    review_entries,
    review_entry,
)
from tests.clock import GRACE, NOW
from tests.helpers.attempts import answer_all, begin, right_answer, wrong_answer

pytestmark = pytest.mark.db


def review_items(user) -> dict[int, ReviewItem]:
    rows = db.session.scalars(select(ReviewItem).where(ReviewItem.user_id == user.id))
    return {item.question_id: item for item in rows}


def answer(attempt, index: int, *, right: bool, now=NOW):
    item = attempt.paper[index]
    value = right_answer(item) if right else wrong_answer(item)
    save_answer(attempt, item["question_id"], now=now, grace_seconds=GRACE, **value)


def finished(contest, student, *, right=(), wrong=(), at=NOW):
    """An attempt submitted at ``at`` with the paper items ``right`` and ``wrong`` answered."""
    attempt = begin(contest, student, now=at)
    for index in right:
        answer(attempt, index, right=True, now=at)
    for index in wrong:
        answer(attempt, index, right=False, now=at)
    submit(attempt, now=at, grace_seconds=GRACE)
    return attempt


def test_wrong_and_blank_questions_are_remembered(factories):
    student = factories.student()
    attempt = begin(factories.contest(), student)
    answer(attempt, 0, right=True)
    answer(attempt, 1, right=False)
    assert remember_wrong_answers(attempt, now=NOW) == 3  # one wrong, two left blank
    db.session.commit()
    expected = {item["question_id"] for item in attempt.paper[1:]}
    assert set(review_items(student)) == expected


def test_a_paper_all_right_adds_nothing(factories):
    student = factories.student()
    attempt = begin(factories.contest(), student)
    answer_all(attempt, right=True, now=NOW)
    assert remember_wrong_answers(attempt, now=NOW) == 0 and review_items(student) == {}


def test_preview_attempts_leave_no_trace(factories):
    student = factories.student()
    attempt = begin(factories.contest(), student)
    attempt.is_preview = True
    assert remember_wrong_answers(attempt, now=NOW) == 0 and review_items(student) == {}


def test_a_repeated_mistake_is_counted_and_reactivated(factories):
    student = factories.student()
    contest = factories.contest(attempts_allowed=2)
    first = finished(contest, student, wrong=[0])
    qid = first.paper[0]["question_id"]
    mark_mastered(student.id, qid, now=NOW + timedelta(minutes=1))
    second = begin(contest, student, now=NOW + timedelta(minutes=2))
    assert remember_wrong_answers(second, now=NOW + timedelta(minutes=3)) == 4
    item = review_items(student)[qid]
    assert (item.times_wrong, item.last_wrong_at, item.mastered_at) == (
        2,
        NOW + timedelta(minutes=3),
        None,
    )


def test_mastering_happens_once(factories):
    student = factories.student()
    attempt = finished(factories.contest(), student, wrong=[0])
    qid = attempt.paper[0]["question_id"]
    mark_mastered(student.id, qid, now=NOW + timedelta(minutes=1))
    mark_mastered(student.id, qid, now=NOW + timedelta(minutes=9))
    assert review_items(student)[qid].mastered_at == NOW + timedelta(minutes=1)


def test_mastering_a_question_not_on_the_list_does_nothing(factories):
    student = factories.student()
    mark_mastered(student.id, factories.question().id, now=NOW)
    assert review_items(student) == {}


def test_entries_list_the_newest_mistakes_first_without_mastered_ones(factories):
    student = factories.student()
    older = finished(factories.contest(title="第一场"), student, right=[1, 2, 3], wrong=[0])
    later = NOW + timedelta(minutes=20)
    other_day = factories.contest(title="第二场", now=later, themed_day="telecom")
    newer = finished(other_day, student, right=[1, 2, 3], wrong=[0], at=later)
    entries = review_entries(student, now=later, grace_seconds=GRACE)
    assert [e.question.id for e in entries] == [
        newer.paper[0]["question_id"],
        older.paper[0]["question_id"],
    ]
    mark_mastered(student.id, newer.paper[0]["question_id"], now=later)
    entries = review_entries(student, now=later, grace_seconds=GRACE)
    assert [e.question.id for e in entries] == [older.paper[0]["question_id"]]


def test_an_entry_shows_the_last_answer_in_words(factories):
    student = factories.student()
    attempt = begin(factories.contest(), student)
    choice = next(item for item in attempt.paper if item["type"] == "single_choice")
    blank = next(item for item in attempt.paper if item["type"] == "fill_blank")
    save_answer(
        attempt, choice["question_id"], now=NOW, grace_seconds=GRACE, **wrong_answer(choice)
    )
    submit(attempt, now=NOW, grace_seconds=GRACE)
    by_id = {e.question.id: e for e in review_entries(student, now=NOW, grace_seconds=GRACE)}
    option = wrong_answer(choice)["choice"][0]
    shown = by_id[choice["question_id"]]
    assert shown.answered and shown.last_answer == f"{'ABCD'[option]}. {choice['options'][option]}"
    assert not by_id[blank["question_id"]].answered
    assert by_id[blank["question_id"]].last_answer is None


def test_entries_filter_by_themed_day(factories):
    student = factories.student()
    finished(factories.contest(), student)  # campus questions
    assert review_entries(student, now=NOW, grace_seconds=GRACE, day="finance") == []
    assert len(review_entries(student, now=NOW, grace_seconds=GRACE, day="campus")) == 4


def test_answers_withheld_until_the_close_are_not_disclosed(factories):
    student = factories.student()
    contest = factories.contest(show_answers="after_close")
    finished(contest, student)
    assert not any(e.disclosed for e in review_entries(student, now=NOW, grace_seconds=GRACE))
    after = contest.closes_at + timedelta(seconds=1)
    assert all(e.disclosed for e in review_entries(student, now=after, grace_seconds=GRACE))


def test_one_entry_includes_mastered_questions_but_only_the_students_own(factories):
    student, other = factories.student(), factories.student()
    attempt = finished(factories.contest(), student, wrong=[0])
    qid = attempt.paper[0]["question_id"]
    mark_mastered(student.id, qid, now=NOW)
    entry = review_entry(student, qid, now=NOW, grace_seconds=GRACE)
    assert entry.item.mastered_at == NOW and entry.disclosed
    assert review_entry(other, qid, now=NOW, grace_seconds=GRACE) is None
