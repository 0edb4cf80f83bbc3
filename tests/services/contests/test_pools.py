"""Contest pools (issue 11 item 2): fixed at the first start after ``opens_at`` as a snapshot
of question versions; later edits and approvals reach only contests not yet fixed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from quiz.extensions import db
from quiz.models import Question
from quiz.services import Conflict, DomainError
from quiz.services.contests.papers import build_paper
from quiz.services.contests.pools import fix_pool, refresh_pool
from quiz.services.contests.practicable import KeyLocks
from quiz.services.questions.edit import edit_question, set_status
from tests.clock import NOW
from tests.helpers.attempts import begin
from tests.helpers.bank import edit_of

pytestmark = pytest.mark.db
SEEDS = range(24)


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
    assert sorted(served["options"]) == sorted(item["options"])  # the same version's options
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


def pool_of(contest) -> dict[int, int]:
    from quiz.services.contests import pool_versions

    return pool_versions(contest.id)


def test_an_edit_of_a_pooled_question_makes_a_new_version_the_pool_does_not_use(factories):
    from quiz.models import QuestionVersion

    contest = factories.contest(now=NOW)
    begin(contest, factories.student())
    before = pool_of(contest)
    question = db.session.get(Question, next(iter(before)))
    edit_question(question, edit_of(question, stem="新版本的题干是什么？"), actor=factories.admin())
    versions = db.session.scalars(
        select(QuestionVersion).where(QuestionVersion.question_id == question.id)
    ).all()
    assert [v.content["stem"] for v in versions] == [
        db.session.get(QuestionVersion, before[question.id]).content["stem"],
        "新版本的题干是什么？",
    ]
    assert pool_of(contest) == before


def test_a_pool_is_not_fixed_before_opening_nor_twice(factories):
    contest = factories.contest(now=NOW)
    assert not fix_pool(contest, now=contest.opens_at - timedelta(seconds=1))
    assert contest.pool_fixed_at is None and pool_of(contest) == {}
    assert fix_pool(contest, now=NOW)
    db.session.commit()
    fixed = pool_of(contest)
    # Another worker's copy still says "not fixed": its conditional UPDATE finds it fixed.
    set_committed_value(contest, "pool_fixed_at", None)
    assert not fix_pool(contest, now=NOW + timedelta(minutes=1))
    assert contest.pool_fixed_at == NOW and pool_of(contest) == fixed


def test_refresh_is_refused_unfixed_or_when_the_bank_cannot_fill_a_paper(factories):
    contest = factories.contest(now=NOW)
    admin = factories.admin()
    with pytest.raises(Conflict) as unfixed:
        refresh_pool(contest, actor=admin, now=NOW)
    assert unfixed.value.code == "pool_not_fixed"
    attempt = begin(contest, factories.student())
    before = pool_of(contest)
    set_status(db.session.get(Question, attempt.paper[0]["question_id"]), "retired", actor=admin)
    with pytest.raises(DomainError) as short:
        refresh_pool(contest, actor=admin, now=NOW)
    assert short.value.code == "not_enough_questions"
    assert pool_of(contest) == before
    assert begin(contest, factories.student()).paper  # still drawn from the fixed pool
    late = factories.question(days=("campus",), type=attempt.paper[0]["type"])
    done = refresh_pool(contest, actor=admin, now=NOW + timedelta(minutes=5))
    assert done.added == [late.id] and done.removed == [attempt.paper[0]["question_id"]]
    assert contest.pool_fixed_at == NOW + timedelta(minutes=5)


def test_changing_the_draw_before_real_attempts_lets_the_pool_go(factories):
    from quiz.services.contests.editing import save_contest
    from quiz.services.contests.values import values_of

    owner = factories.organizer()
    contest = factories.contest(now=NOW, owner=owner)
    begin(contest, owner)  # a preview fixes the pool too
    assert contest.pool_fixed_at is not None
    changed = values_of(contest)
    changed.points_per_question = 5
    save_contest(contest, changed, actor=owner)
    assert contest.pool_fixed_at is None and pool_of(contest) == {}
    begin(contest, factories.student())
    assert contest.pool_fixed_at is not None and len(pool_of(contest)) == 4


def test_a_fixed_pool_is_not_blocked_by_the_bank_when_its_draw_is_unchanged(factories):
    from quiz.services.contests.editing import save_contest
    from quiz.services.contests.values import values_of

    owner = factories.organizer()
    contest = factories.contest(now=NOW, owner=owner)
    attempt = begin(contest, factories.student())
    question = db.session.get(Question, attempt.paper[0]["question_id"])
    set_status(question, "retired", actor=factories.admin())  # the bank is one short now
    renamed = values_of(contest)
    renamed.title = "校园日知识竞赛（更名）"
    assert save_contest(contest, renamed, actor=owner).title == "校园日知识竞赛（更名）"
    assert question.id in pool_of(contest)


#: A themed day's bank as big as the seed's largest (law: 86 questions), plus fillers.
BIG_DAY = 120


def test_statements_of_a_start_fixing_and_reading_a_pool(factories, app):
    """Fixing costs a handful of statements whatever the bank's size (chunked inserts); a
    later draw reads the pool in one statement where the bank took three."""
    from sqlalchemy import event

    for qtype, count in {"single_choice": 60, "true_false": 30, "fill_blank": 30}.items():
        factories.questions(count, type=qtype, days=("campus",))
    contest = factories.contest(now=NOW, with_questions=False)
    student = factories.student()
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    def counted(call) -> int:
        db.session.expire_all()
        mark = len(seen)
        call()
        return len(seen) - mark

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        from_bank = counted(lambda: build_paper(contest, 1))
        first_start = counted(lambda: begin(contest, student))
        from_pool = counted(lambda: build_paper(contest, 1))
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    # Measured (SQLite): bank draw 4 (contest, questions, sources, days), first start 15, pool
    # draw 2 (contest, pool).
    assert from_pool == 2 < from_bank == 4
    assert first_start <= 16
