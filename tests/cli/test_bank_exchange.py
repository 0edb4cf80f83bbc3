"""``flask bank export`` and ``flask bank import``: filters, all-or-nothing, lossless round trip."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Question, Source
from tests.helpers.bank import SOURCE_ID, write_bank

pytestmark = pytest.mark.db


def snapshot() -> dict:
    rows = db.session.execute(select(Question).order_by(Question.uid)).scalars()
    return {
        q.uid: (q.stem, q.options, q.answer, q.source_id, q.sentence, q.start, q.end, q.themed_days)
        for q in rows
    }


@pytest.fixture
def loaded(runner, tmp_path):
    result = runner.invoke(args=["bank", "load", str(write_bank(tmp_path))])
    assert result.exit_code == 0, result.output
    return snapshot()


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_export_then_import_neither_duplicates_nor_loses_source(runner, tmp_path, loaded, fmt):
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(args=["bank", "export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    imported = runner.invoke(args=["bank", "import", str(out)])
    assert imported.exit_code == 0, imported.output
    assert "新增 0" in imported.output and "未变 3" in imported.output
    db.session.expire_all()
    assert snapshot() == loaded


def test_import_into_an_empty_bank_keeps_uid_and_source(app, runner, tmp_path, loaded):
    out = tmp_path / "export.csv"
    runner.invoke(args=["bank", "export", "--format", "csv", "--out", str(out)])
    db.session.execute(Question.__table__.delete())
    db.session.execute(Source.__table__.delete())
    db.session.commit()
    result = runner.invoke(args=["bank", "import", str(out)])
    assert result.exit_code == 0, result.output
    assert "新增 3" in result.output and "新建出处 1" in result.output
    db.session.expire_all()
    assert snapshot() == loaded
    assert db.session.get(Source, SOURCE_ID) is not None


def test_export_filters_by_status_and_day(runner, tmp_path, loaded):
    question = db.session.execute(select(Question).filter_by(uid="t-0002")).scalar_one()
    question.status = "draft"
    db.session.commit()
    out = tmp_path / "approved.json"
    args = ["bank", "export", "--out", str(out), "--status", "approved", "--day", "telecom"]
    assert runner.invoke(args=args).exit_code == 0
    bank = json.loads(out.read_text(encoding="utf-8"))
    assert [q["id"] for q in bank["questions"]] == ["t-0001"]
    assert [s["id"] for s in bank["sources"]] == [SOURCE_ID]


@pytest.mark.parametrize(("fmt", "marker"), [("moodle", b"<quiz>"), ("gift", b"::")])
def test_export_lms_formats(runner, tmp_path, loaded, fmt, marker):
    out = tmp_path / f"bank.{fmt}"
    result = runner.invoke(args=["bank", "export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert marker in out.read_bytes()


CSV_WITH_BAD_ROWS = (
    "题型,题干,选项A,选项B,选项C,选项D,答案,主题日\n"
    "单选,好的题目？,甲,乙,丙,丁,A,校园日\n"
    "单选,两个答案的单选？,甲,乙,丙,丁,AB,校园日\n"
    "判断,好的判断。,,,,,正确,电信日\n"
    "填空,没有答案的填空____。,,,,,,法治日\n"
    "多选,未知主题日？,甲,乙,丙,丁,AB,开学日\n"
)


def test_import_is_all_or_nothing_and_names_each_bad_line(runner, tmp_path, loaded):
    path = tmp_path / "bad.csv"
    path.write_text(CSV_WITH_BAD_ROWS, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code != 0
    assert "未导入任何题目" in result.output
    for line in ("第 3 行", "第 5 行", "第 6 行"):
        assert line in result.output
    assert "第 2 行" not in result.output and "第 4 行" not in result.output
    db.session.expire_all()
    assert snapshot() == loaded


def test_import_rejects_bad_json_questions_with_their_line(runner, tmp_path, loaded):
    bank = {
        "schema_version": 1,
        "sources": [],
        "questions": [
            {"id": "ok-1", "type": "fill_blank", "stem": "填____。", "answer": ["空"]},
            {
                "id": "bad-1",
                "type": "single_choice",
                "stem": "选？",
                "options": ["甲"],
                "answer": [3],
            },
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bank, ensure_ascii=False, indent=2), encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code != 0
    assert "bad-1" in result.output and "第 " in result.output and "ok-1" not in result.output
    db.session.expire_all()
    assert snapshot() == loaded


def test_import_changes_mark_question_edited(runner, tmp_path, loaded):
    path = tmp_path / "edit.csv"
    path.write_text(
        "id,题型,题干,答案,状态\nt-0003,填空,改过的题干：“____”。,安全账户,已通过\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "更新 1" in result.output
    question = db.session.execute(select(Question).filter_by(uid="t-0003")).scalar_one()
    assert question.edited and question.stem == "改过的题干：“____”。"
    assert question.source_id == SOURCE_ID  # a sheet without provenance keeps the source
    assert db.session.scalar(select(func.count()).select_from(Question)) == 3


def test_import_unknown_extension(runner, tmp_path):
    path = tmp_path / "bank.docx"
    path.write_bytes(b"PK\x03\x04")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code != 0 and "不支持的文件类型" in result.output


def test_import_rejects_values_the_database_cannot_hold(runner, tmp_path, loaded):
    bank = {
        "schema_version": 1,
        "sources": [],
        "questions": [
            {"id": "x" * 65, "type": "fill_blank", "stem": "填____。", "answer": ["空"]},
            {
                "id": "bad-offsets",
                "type": "fill_blank",
                "stem": "填____。",
                "answer": ["空"],
                "source": {"id": SOURCE_ID, "start": "3", "end": 1},
            },
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bank, ensure_ascii=False, indent=2), encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code != 0
    assert "过长" in result.output and "起止位置" in result.output
    db.session.expire_all()
    assert snapshot() == loaded
