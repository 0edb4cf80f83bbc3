"""Reviewing the bank by hand: edits within the rules, approve and retire, approve many."""

from __future__ import annotations

import pytest

from quiz.services import DomainError, NotFound
from quiz.services.questions.edit import (
    QuestionInvalid,
    answer_warnings,
    bulk_approve,
    edit_question,
    get_question,
    set_status,
)
from tests.helpers.audit import audit
from tests.helpers.bank import edit_of

pytestmark = pytest.mark.db


def test_a_missing_question_is_not_found(app):
    with pytest.raises(NotFound):
        get_question(999)


def test_an_edit_is_applied_marked_and_audited_with_its_changes(factories):
    question = factories.question(days=("campus",))
    organizer = factories.admin()
    edit_question(
        question, edit_of(question, stem="新题干？", themed_days=["law"]), actor=organizer
    )
    assert question.stem == "新题干？" and question.themed_days == ["law"]
    assert question.edited and question.updated_by_id == organizer.id
    [entry] = audit("bank.question.edit")
    assert entry.details["stem"][1] == "新题干？"
    assert entry.details["themed_days"] == [["campus"], ["law"]]
    assert set(entry.details) == {"uid", "stem", "themed_days"}


def test_an_unchanged_save_records_nothing(factories):
    question = factories.question()
    edit_question(question, edit_of(question), actor=factories.admin())
    assert not question.edited and audit("bank.question.edit") == []


def test_an_edit_breaking_a_rule_changes_nothing(factories):
    question = factories.question(type="single_choice")
    bad = edit_of(question, stem=" ", answer=[0, 1])
    with pytest.raises(QuestionInvalid) as refused:
        edit_question(question, bad, actor=factories.admin())
    assert set(refused.value.problems) == {"stem", "answer"}
    assert refused.value.message.startswith("题目未保存：")
    assert question.stem != " " and question.answer == [0]


def test_a_stem_giving_the_answer_away_is_flagged(factories):
    question = factories.question(options=["国家反诈中心", "乙", "丙", "丁"], answer=[0])
    question.stem = "请下载国家反诈中心APP。哪个机构发布了它？"
    assert answer_warnings(question) == [
        "注意：题干中出现了答案「国家反诈中心」，学生可能直接看出答案。"
    ]


def test_fill_in_answers_are_checked_too_but_one_character_is_not(factories):
    fill = factories.question(type="fill_blank", answer=["72万元", "元"], stem="共72万元，即____。")
    assert answer_warnings(fill) == ["注意：题干中出现了答案「72万元」，学生可能直接看出答案。"]


def test_true_false_questions_get_no_warning(factories):
    question = factories.question(type="true_false", stem="这句话是错误的。")
    assert answer_warnings(question) == []


def test_approving_and_retiring_are_audited(factories):
    question = factories.question(status="draft")
    organizer = factories.admin()
    set_status(question, "approved", actor=organizer)
    set_status(question, "retired", actor=organizer)
    assert question.status == "retired" and question.edited  # a reload keeps it retired
    assert audit("bank.question.approved")[0].details == {"before": "draft"}
    assert audit("bank.question.retired")[0].details == {"before": "approved"}


def test_setting_the_same_status_records_nothing(factories):
    question = factories.question(status="approved")
    set_status(question, "approved", actor=factories.admin())
    assert audit("bank.question.approved") == []


def test_an_unknown_status_is_refused(factories):
    with pytest.raises(DomainError, match="无效的状态"):
        set_status(factories.question(), "published", actor=factories.admin())


def test_a_question_breaking_the_rules_cannot_be_approved(factories):
    broken = factories.question(status="draft", answer=[0, 1])  # single choice, two answers
    with pytest.raises(DomainError, match="不符合出题规则"):
        set_status(broken, "approved", actor=factories.admin())
    assert broken.status == "draft"


def test_bulk_approve_skips_retired_and_broken_questions(factories):
    drafts = factories.questions(2, status="draft")
    retired = factories.question(status="retired")
    broken = factories.question(status="draft", answer=[0, 1])
    done = factories.question(status="approved")
    organizer = factories.admin()
    wanted = [q.id for q in (*drafts, retired, broken, done)] + [2**40, 0]
    assert bulk_approve(wanted, actor=organizer) == (2, 2)
    assert [q.status for q in (*drafts, retired, broken)] == [
        "approved",
        "approved",
        "retired",
        "draft",
    ]
    assert audit("bank.question.bulk_approve")[0].details == {"ids": [q.id for q in drafts]}


def test_bulk_approve_needs_a_selection(factories):
    with pytest.raises(DomainError, match="请先勾选"):
        bulk_approve([], actor=factories.admin())
