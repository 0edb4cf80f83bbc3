"""Bank pages: filter and search, the question with its source, edit, approve, bulk approve."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog, Question
from quiz.services.questions.store import load_bank
from tests.helpers.bank import SOURCE_ID, SOURCE_TEXT, bank_dict

pytestmark = pytest.mark.db


@pytest.fixture
def organizer(client, auth, factories):
    user = factories.organizer("teacher")
    auth.login("teacher")
    load_bank(bank_dict(), source_texts={SOURCE_ID: SOURCE_TEXT})
    return user


@pytest.fixture
def admin(client, auth, factories):
    """The loaded bank has no owner unit: only admins edit it (issue 11 item 2)."""
    user = factories.admin("root")
    auth.login("root")
    load_bank(bank_dict(), source_texts={SOURCE_ID: SOURCE_TEXT})
    return user


def by_uid(uid: str) -> Question:
    db.session.expire_all()
    return db.session.execute(select(Question).filter_by(uid=uid)).scalar_one()


def test_list_shows_counts_and_filters(client, organizer):
    page = client.get("/admin/bank").get_data(as_text=True)
    assert "共 3 道题" in page and "已通过 3" in page and "电信日 2" in page
    telecom = client.get("/admin/bank?day=telecom").get_data(as_text=True)
    assert "共 2 道题" in telecom and "民警提醒" not in telecom
    fill = client.get("/admin/bank?type=fill_blank").get_data(as_text=True)
    assert "共 1 道题" in fill
    assert "共 0 道题" in client.get("/admin/bank?status=draft").get_data(as_text=True)
    assert "共 3 道题" in client.get(f"/admin/bank?source={SOURCE_ID}").get_data(as_text=True)
    # Tampered filter values are ignored, never a 500.
    assert client.get("/admin/bank?day=nope&difficulty=x&page=-3").status_code == 200


def test_search_is_nfkc_and_covers_options_and_sentence(client, organizer):
    # Full-width digits in the query match the half-width ones in the options.
    found = client.get("/admin/bank?q=１６００余起").get_data(as_text=True)
    assert "共 1 道题" in found and "破获电信网络诈骗案件" in found
    by_sentence = client.get("/admin/bank?q=网安支队").get_data(as_text=True)
    assert "共 1 道题" in by_sentence
    assert "共 2 道题" in client.get("/admin/bank?q=安全账户").get_data(as_text=True)
    assert "共 0 道题" in client.get("/admin/bank?q=不存在的词").get_data(as_text=True)


def test_pagination(app, client, organizer, factories):
    app.config["ITEMS_PER_PAGE"] = 2
    first = client.get("/admin/bank").get_data(as_text=True)
    assert "第 1 / 2 页" in first
    assert "第 2 / 2 页" in client.get("/admin/bank?page=2&q=诈骗").get_data(as_text=True)


def test_question_page_highlights_the_sentence_in_its_paragraph(client, organizer):
    question = by_uid("t-0003")
    page = client.get(f"/admin/bank/questions/{question.id}").get_data(as_text=True)
    assert "<mark>民警提醒，凡是要求转账到“安全账户”的都是诈骗。</mark>" in page
    assert "为群众挽回经济损失3500万元。<mark>" in page  # the paragraph around it
    assert "覆盖师生" not in page  # not the next paragraph


def test_source_text_is_escaped(client, organizer):
    question = by_uid("t-0003")
    question.source.text = SOURCE_TEXT.replace("民警提醒", "<script>x</script>民警提醒", 1)
    db.session.commit()
    page = client.get(f"/admin/bank/questions/{question.id}").get_data(as_text=True)
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page


def test_edit_sets_edited_updated_by_and_audit(client, admin):
    question = by_uid("t-0001")
    form = {
        "stem": "今年以来成都共破获电信网络诈骗案件多少起？",
        "option_a": "1200余起",
        "option_b": "1600余起",
        "option_c": "1400余起",
        "option_d": "600余起",
        "answer": "Ａ",
        "explanation": "见原文。",
        "difficulty": "2",
        "days": ["telecom", "law"],
        "status": "approved",
    }
    response = client.post(f"/admin/bank/questions/{question.id}/edit", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)
    question = by_uid("t-0001")
    assert question.edited and question.updated_by_id == admin.id
    assert question.stem.startswith("今年以来成都") and question.difficulty == 2
    assert question.themed_days == ["law", "telecom"] and question.answer == [0]
    audit = db.session.execute(select(AuditLog).filter_by(action="bank.question.edit")).scalar_one()
    assert audit.target_id == question.id and audit.actor_id == admin.id
    assert "stem" in audit.details


@pytest.mark.parametrize(
    ("uid", "changes", "message"),
    [
        ("t-0001", {"answer": "AB"}, "只能有一个正确答案"),
        ("t-0001", {"answer": "XY"}, "字母 A–F"),
        ("t-0001", {"option_d": ""}, "4 个选项"),
        ("t-0002", {"answer": "也许"}, "正确 或 错误"),
        ("t-0003", {"answer": " | "}, "可接受答案"),
        ("t-0003", {"stem": ""}, "请填写题干"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(client, admin, uid, changes, message):
    question = by_uid(uid)
    form = {
        "stem": question.stem,
        "option_a": "1200余起",
        "option_b": "1600余起",
        "option_c": "1400余起",
        "option_d": "600余起",
        "answer": "A" if question.type == "single_choice" else "安全账户",
        "difficulty": "1",
        "status": "approved",
    } | changes
    response = client.post(f"/admin/bank/questions/{question.id}/edit", data=form)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert not by_uid(uid).edited


def test_answer_in_stem_warning(client, admin):
    question = by_uid("t-0003")
    form = {"stem": "转账到安全账户的都是诈骗：____", "answer": "安全账户", "difficulty": "1"}
    response = client.post(
        f"/admin/bank/questions/{question.id}/edit",
        data=form | {"status": "draft"},
        follow_redirects=True,
    )
    assert "题干中出现了答案" in response.get_data(as_text=True)


def test_approve_retire_and_bulk_approve(client, admin):
    questions = [by_uid(uid) for uid in ("t-0001", "t-0002", "t-0003")]
    for question in questions:
        question.status = "draft"
    db.session.commit()
    ids = [question.id for question in questions]
    client.post(f"/admin/bank/questions/{ids[2]}/retire")
    assert by_uid("t-0003").status == "retired"
    response = client.post("/admin/bank/bulk-approve", data={"ids": ids}, follow_redirects=True)
    assert "已通过 2 道题" in response.get_data(as_text=True)
    assert [by_uid(u).status for u in ("t-0001", "t-0002", "t-0003")] == [
        "approved",
        "approved",
        "retired",
    ]
    client.post(f"/admin/bank/questions/{ids[2]}/approve")
    assert by_uid("t-0003").status == "approved"
    actions = set(db.session.execute(select(AuditLog.action)).scalars())
    assert {"bank.question.retired", "bank.question.bulk_approve"} <= actions
    empty = client.post("/admin/bank/bulk-approve", data={}, follow_redirects=True)
    assert "请先勾选" in empty.get_data(as_text=True)


def test_unknown_question_is_404(client, organizer):
    assert client.get("/admin/bank/questions/9999").status_code == 404
    assert client.post("/admin/bank/questions/9999/approve").status_code == 404


def test_edit_does_not_touch_attempt_papers(client, organizer, factories):
    contest = factories.contest()
    from quiz.models import Attempt
    from quiz.timeutil import utcnow

    paper = [{"question_id": 1, "stem": "原来的题干"}]
    attempt = Attempt(
        contest_id=contest.id, user_id=organizer.id, seed=1, deadline=utcnow(), paper=paper
    )
    db.session.add(attempt)
    db.session.commit()
    question = by_uid("t-0003")
    client.post(
        f"/admin/bank/questions/{question.id}/edit",
        data={"stem": "新的题干____。", "answer": "安全账户", "difficulty": "1", "status": "draft"},
    )
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).paper == paper


def test_an_organizer_cannot_edit_or_retire_the_shared_bank(client, organizer):
    question = by_uid("t-0001")
    response = client.get(f"/admin/bank/questions/{question.id}/edit")
    assert response.status_code == 403
    assert "仅管理员可修改" in response.get_data(as_text=True)
    client.post(f"/admin/bank/questions/{question.id}/retire")
    assert by_uid("t-0001").status == question.status
