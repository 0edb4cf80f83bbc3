"""Contest pools (issue 11 item 2): fixed at the first start after ``opens_at`` as a snapshot
of question versions; later edits and approvals reach only contests not yet fixed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Question
from quiz.services.contests.papers import build_paper
from quiz.services.contests.practicable import KeyLocks
from quiz.services.questions.edit import QuestionEdit, edit_question, set_status
from tests.clock import NOW
from tests.helpers.attempts import begin

pytestmark = pytest.mark.db
SEEDS = range(24)


def edit_of(question: Question, **changes) -> QuestionEdit:
    values = QuestionEdit(
        stem=question.stem,
        options=list(question.options),
        answer=list(question.answer),
        explanation=question.explanation,
        difficulty=question.difficulty,
        status=question.status,
        themed_days=list(question.themed_days),
    )
    for name, value in changes.items():
        setattr(values, name, value)
    return values


def drawn_ids(contest) -> set[int]:
    return {item["question_id"] for seed in SEEDS for item in build_paper(contest, seed)}


def test_an_edit_after_the_pool_is_fixed_does_not_reach_the_next_attempt(factories):
    contest = factories.contest(now=NOW)
    first = begin(contest, factories.student())  # the first start fixes the pool
    item = first.paper[0]
    question = db.session.get(Question, item["question_id"])
    edit_question(question, edit_of(question, stem="改过的题干是什么？"), actor=factories.admin())
    second = begin(contest, factories.student())
    served = next(i for i in second.paper if i["question_id"] == question.id)
    assert served["stem"] == item["stem"] != "改过的题干是什么？"
    assert served["key"] == sorted(served["key"])  # still a whole paper item
    # The bank itself has the edit: practice and the next (unfixed) contest see it.
    assert db.session.get(Question, question.id).stem == "改过的题干是什么？"


def test_an_approval_after_fixing_reaches_only_unfixed_contests(factories):
    running = factories.contest(now=NOW)
    upcoming = factories.contest(
        now=NOW + timedelta(days=1), title="明天的校园日", with_questions=False
    )
    begin(running, factories.student())  # fixes the running contest's pool
    late = factories.question(status="draft", days=("campus",))
    set_status(late, "approved", actor=factories.admin())
    assert late.id not in drawn_ids(running)
    assert late.id in drawn_ids(upcoming)  # not yet open: its pool follows the bank


def test_the_practicable_rule_reads_the_fixed_pool(factories):
    contest = factories.contest(now=NOW)
    attempt = begin(contest, factories.student())
    in_pool = db.session.get(Question, attempt.paper[0]["question_id"])
    late = factories.question(status="draft", days=("campus",))
    admin = factories.admin()
    set_status(late, "approved", actor=admin)
    set_status(in_pool, "retired", actor=admin)
    locks = KeyLocks(NOW)
    # The running contest can no longer draw the late question: its key may be practised.
    assert locks.practicable(late.id)
    # Retired from the bank, but still in the contest's fixed pool: its key stays back.
    assert locks.locked_until(in_pool.id) == contest.closes_at
    assert not KeyLocks(NOW).practicable(in_pool.id)
