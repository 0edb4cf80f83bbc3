"""Importing an organizer's bank file: every row valid or nothing changes, matched by id."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Question, Source
from quiz.services import DomainError
from quiz.services.questions.file_import import (
    BankImportError,
    ImportReport,
    format_for,
    import_bank_file,
)
from quiz.services.questions.store import load_bank
from tests.helpers.audit import audit
from tests.helpers.bank import SOURCE_ID, SOURCE_TEXT, bank_dict

pytestmark = pytest.mark.db


def as_json(bank: dict) -> bytes:
    return json.dumps(bank, ensure_ascii=False, indent=2).encode()


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question))


def by_uid(uid: str) -> Question:
    return db.session.scalars(select(Question).where(Question.uid == uid)).one()


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.json", "json"), ("题库.CSV", "csv"), ("b.xlsx", "xlsx")]
)
def test_the_format_follows_the_extension(name, fmt):
    assert format_for(name) == fmt


@pytest.mark.parametrize("name", ["bank.docx", "bank", "", None])
def test_other_files_are_refused(name):
    with pytest.raises(DomainError) as refused:
        format_for(name)
    assert refused.value.code == "bad_type"


def test_a_json_bank_is_created_with_its_sources(factories):
    actor = factories.organizer()
    report = import_bank_file("bank.json", as_json(bank_dict()), actor=actor)
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert count() == 3 and db.session.get(Source, SOURCE_ID).publisher == "成都日报"
    assert by_uid("t-0002").updated_by_id == actor.id and not by_uid("t-0002").edited


def test_importing_the_same_file_again_changes_nothing(factories):
    import_bank_file("bank.json", as_json(bank_dict()), actor=None)
    report = import_bank_file("bank.json", as_json(bank_dict()), actor=None)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3) and count() == 3


def test_a_changed_question_is_updated_and_marked_edited(app):
    load_bank(bank_dict(), source_texts={SOURCE_ID: SOURCE_TEXT})
    csv = "id,题型,题干,答案,状态\nt-0003,填空,改过的题干：“____”。,安全账户,已通过\n"
    report = import_bank_file("edit.csv", csv.encode(), actor=None)
    assert (report.created, report.updated) == (0, 1)
    question = by_uid("t-0003")
    assert question.edited and question.stem == "改过的题干：“____”。"
    assert question.source_id == SOURCE_ID  # a sheet without provenance keeps the source


def test_a_spreadsheet_naming_an_unknown_source_keeps_its_id(app):
    csv = "id,题型,题干,答案,出处\nn-1,填空,网络安全为人民，网络安全靠____。,人民,new-article\n"
    report = import_bank_file("bank.csv", csv.encode(), actor=None)
    assert report.sources_created == 1
    assert db.session.get(Source, "new-article").title == "new-article"
    assert by_uid("n-1").source_id == "new-article"
    assert report.summary() == "新增 1，更新 0，未变 0，新建出处 1（只有编号，无原文）"


def test_the_summary_of_a_plain_import():
    assert ImportReport(created=2, unchanged=1).summary() == "新增 2，更新 0，未变 1"


def test_a_bad_json_question_is_named_by_its_line_and_nothing_is_imported(app):
    bank = bank_dict()
    bank["questions"][1]["answer"] = [0, 1]  # a true/false question with two answers
    data = as_json(bank)
    line = next(
        n for n, text in enumerate(data.decode().splitlines(), 1) if '"id": "t-0002"' in text
    )
    with pytest.raises(BankImportError) as refused:
        import_bank_file("bank.json", data, actor=None)
    [problem] = refused.value.problems
    assert f"第 {line} 行" in problem and "t-0002" in problem
    assert refused.value.message == "文件中有 1 处错误，未导入任何题目。"
    assert count() == 0 and db.session.get(Source, SOURCE_ID) is None


def test_bad_spreadsheet_rows_are_all_named(app):
    csv = (
        "题型,题干,选项A,选项B,选项C,选项D,答案\n"
        "单选,好题？,甲,乙,丙,丁,A\n"
        "单选,坏题？,甲,乙,丙,丁,E\n"
        "问答,未知题型？,,,,,随便\n"
    )
    with pytest.raises(BankImportError) as refused:
        import_bank_file("bank.csv", csv.encode(), actor=None)
    assert len(refused.value.problems) == 2
    assert "第 3 行" in refused.value.problems[0] and "第 4 行" in refused.value.problems[1]
    assert count() == 0


def test_the_import_is_audited(factories):
    actor = factories.organizer()
    import_bank_file("bank.json", as_json(bank_dict()), actor=actor)
    [entry] = audit("bank.import")
    assert entry.actor_id == actor.id
    assert entry.details == {
        "filename": "bank.json",
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "sources_created": 0,
    }


def meanwhile(monkeypatch, change):
    """Run ``change`` on its own connection (another writer) after the import has planned its
    rows and before it takes the write lock."""
    from quiz.services.questions import file_import

    take_lock = file_import.begin_write

    def begin_write_after_the_other_writer():
        with db.engine.begin() as other:
            change(other)
        take_lock()

    monkeypatch.setattr(file_import, "begin_write", begin_write_after_the_other_writer)


def test_a_question_moved_to_another_unit_after_planning_is_refused(factories, monkeypatch):
    teacher = factories.organizer()
    import_bank_file("bank.json", as_json(bank_dict()), actor=teacher)
    elsewhere = factories.organizer(unit="四川省/另一中学").organization_id
    meanwhile(
        monkeypatch,
        lambda other: other.execute(
            Question.__table__.update()
            .where(Question.uid == "t-0003")
            .values(owner_unit_id=elsewhere)
        ),
    )
    csv = "id,题型,题干,答案\nt-0003,填空,改过的题干：“____”。,安全账户\n"
    with pytest.raises(BankImportError) as refused:
        import_bank_file("edit.csv", csv.encode(), actor=teacher)
    assert "t-0003" in refused.value.problems[0]
    db.session.expire_all()
    assert by_uid("t-0003").stem != "改过的题干：“____”。"


def test_a_question_created_after_planning_is_updated_not_duplicated(app, monkeypatch):
    csv = "id,题型,题干,答案\nn-1,填空,网络安全为人民，网络安全靠____。,人民\n"
    meanwhile(
        monkeypatch,
        lambda other: other.execute(
            Question.__table__.insert().values(
                uid="n-1", type="fill_blank", stem="旧题干____。", answer=["旧"], options=[]
            )
        ),
    )
    report = import_bank_file("bank.csv", csv.encode(), actor=None)
    assert (report.created, report.updated) == (0, 1) and count() == 1
    assert by_uid("n-1").stem == "网络安全为人民，网络安全靠____。"
