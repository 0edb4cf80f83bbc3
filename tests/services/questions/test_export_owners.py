"""Issue 11 item 2(b), second half: organizers' new questions get their unit as owner, and an
organizer's export carries keys only for the questions their units own."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Question
from quiz.services.questions.articles import ArticleMeta, save_article
from quiz.services.questions.file_import import BankImportError, import_bank_file
from quiz.services.questions.query import BankFilters, export_payload
from quiz.services.questions.store import load_bank
from tests.helpers.bank import SOURCE_TEXT, bank_dict


def _owned(factories, unit_id: int | None, *, shared: bool) -> Question:
    question = factories.question()
    question.owner_unit_id, question.shared = unit_id, shared
    question.explanation = f"解析{question.uid}"
    db.session.commit()
    return question


def test_an_organizers_article_drafts_belong_to_their_unit(factories):
    organizer = factories.organizer()
    save_article(SOURCE_TEXT, ArticleMeta(id="own-1"), actor=organizer)
    owners = set(db.session.scalars(select(Question.owner_unit_id)))
    assert owners == {organizer.organization_id}


def test_an_admins_article_drafts_have_no_owner(factories):
    save_article(SOURCE_TEXT, ArticleMeta(id="own-2"), actor=factories.admin())
    assert set(db.session.scalars(select(Question.owner_unit_id))) == {None}


def test_an_organizers_file_import_belongs_to_their_unit(factories):
    organizer = factories.organizer()
    import_bank_file("bank.json", json.dumps(bank_dict()).encode(), actor=organizer)
    rows = db.session.execute(select(Question.owner_unit_id, Question.shared)).all()
    assert rows and set(rows) == {(organizer.organization_id, True)}


def test_a_cli_import_stays_ownerless_and_shared(factories):
    import_bank_file("bank.json", json.dumps(bank_dict()).encode(), actor=None)
    rows = db.session.execute(select(Question.owner_unit_id, Question.shared)).all()
    assert rows and set(rows) == {(None, True)}


def test_an_organizers_export_keys_only_what_their_units_own(factories):
    organizer = factories.organizer("org-a", unit="四川省/广元中学")
    other = factories.organizer("org-b", unit="四川省/苍溪中学")
    mine = _owned(factories, organizer.organization_id, shared=False)
    common = _owned(factories, None, shared=True)
    theirs_shared = _owned(factories, other.organization_id, shared=True)
    theirs_private = _owned(factories, other.organization_id, shared=False)
    payload, _ext, _mime = export_payload("json", BankFilters(), actor=organizer)
    exported = {q["id"]: q for q in json.loads(payload)["questions"]}
    assert set(exported) == {mine.uid, common.uid, theirs_shared.uid}
    assert theirs_private.uid not in exported
    assert exported[mine.uid]["answer"] == [0]
    assert exported[mine.uid]["explanation"] == f"解析{mine.uid}"
    for uid in (common.uid, theirs_shared.uid):
        assert exported[uid]["answer"] == [] and exported[uid]["explanation"] == ""
        assert "sentence" not in exported[uid].get("source", {})
    csv_text = export_payload("csv", BankFilters(), actor=organizer)[0].decode("utf-8-sig")
    assert f"解析{mine.uid}" in csv_text and f"解析{common.uid}" not in csv_text
    assert theirs_private.stem not in csv_text
    for fmt in ("gift", "moodle"):
        text = export_payload(fmt, BankFilters(), actor=organizer)[0].decode("utf-8")
        assert mine.stem in text and common.stem not in text and theirs_private.stem not in text


def test_an_admins_export_keys_everything(factories):
    other = factories.organizer("org-b", unit="四川省/苍溪中学")
    private = _owned(factories, other.organization_id, shared=False)
    common = _owned(factories, None, shared=True)
    payload, _ext, _mime = export_payload("json", BankFilters(), actor=factories.admin())
    exported = {q["id"]: q for q in json.loads(payload)["questions"]}
    assert exported[private.uid]["answer"] == [0] and exported[common.uid]["answer"] == [0]


def test_an_organizers_import_cannot_overwrite_questions_they_may_not_edit(factories):
    load_bank(bank_dict())  # the CLI bank: ownerless, shared, admins edit it
    outsider = factories.organizer()
    bank = bank_dict()
    bank["questions"][0]["stem"] = "外校导入改过的题干是什么？"
    with pytest.raises(BankImportError) as refused:
        import_bank_file("bank.json", json.dumps(bank).encode(), actor=outsider)
    assert bank["questions"][0]["id"] in refused.value.problems[0]
    assert "外校" not in db.session.scalar(
        select(Question.stem).where(Question.uid == bank["questions"][0]["id"])
    )
    # An unchanged row of a question they may not edit is fine; so is their own question.
    import_bank_file("bank.json", json.dumps(bank_dict()).encode(), actor=outsider)
