"""``flask bank load``: idempotent, keeps UI edits, retires (never deletes), stores source text."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Question, Source
from tests.helpers.bank import SOURCE_ID, SOURCE_TEXT, bank_dict, write_bank

pytestmark = pytest.mark.db


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question))


def by_uid(uid: str) -> Question:
    return db.session.execute(select(Question).filter_by(uid=uid)).scalar_one()


def test_load_twice_is_idempotent_and_stores_the_source_text(runner, tmp_path):
    path = write_bank(tmp_path)
    first = runner.invoke(args=["bank", "load", str(path)])
    assert first.exit_code == 0, first.output
    assert "新增 3" in first.output
    assert count() == 3
    source = db.session.get(Source, SOURCE_ID)
    assert source.text == SOURCE_TEXT and source.publisher == "成都日报"
    again = runner.invoke(args=["bank", "load", str(path)])
    assert again.exit_code == 0, again.output
    assert "新增 0" in again.output and "未变 3" in again.output
    assert count() == 3


def test_edited_question_is_kept_and_reported(runner, tmp_path):
    path = write_bank(tmp_path)
    runner.invoke(args=["bank", "load", str(path)])
    question = by_uid("t-0002")
    question.stem, question.edited = "组织者改过的题干。", True
    db.session.commit()
    bank = bank_dict(tmp_path / "article.txt")
    bank["questions"][1]["stem"] = "生成器的新题干。"
    path.write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(args=["bank", "load", str(path)])
    assert result.exit_code == 0, result.output
    assert "保留界面修改 1" in result.output and "t-0002" in result.output
    db.session.expire_all()
    assert by_uid("t-0002").stem == "组织者改过的题干。"


def test_question_missing_from_file_is_retired_not_deleted(runner, tmp_path):
    path = write_bank(tmp_path)
    runner.invoke(args=["bank", "load", str(path)])
    bank = bank_dict(tmp_path / "article.txt")
    bank["questions"] = bank["questions"][:2]
    path.write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(args=["bank", "load", str(path)])
    assert result.exit_code == 0, result.output
    assert "停用 1" in result.output
    db.session.expire_all()
    assert count() == 3
    assert by_uid("t-0003").status == "retired"


def test_changed_content_updates_without_duplicating(runner, tmp_path):
    path = write_bank(tmp_path)
    runner.invoke(args=["bank", "load", str(path)])
    bank = bank_dict(tmp_path / "article.txt")
    bank["questions"][0]["explanation"] = "新的解析。"
    path.write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(args=["bank", "load", str(path)])
    assert "更新 1" in result.output
    db.session.expire_all()
    assert count() == 3 and by_uid("t-0001").explanation == "新的解析。"


def test_sha256_mismatch_warns_and_keeps_no_wrong_text(runner, tmp_path):
    path = write_bank(tmp_path)
    (tmp_path / "article.txt").write_text(SOURCE_TEXT + "后来加的一段。\n", encoding="utf-8")
    result = runner.invoke(args=["bank", "load", str(path)])
    assert result.exit_code == 0, result.output
    assert "SHA-256" in result.output and "警告" in result.output
    assert db.session.get(Source, SOURCE_ID).text == ""


def test_bad_bank_file_loads_nothing(runner, tmp_path):
    bank = bank_dict()
    bank["questions"][0]["answer"] = [0, 1]  # single choice with two answers
    bank["questions"][2]["type"] = "essay"
    path = write_bank(tmp_path, bank)
    result = runner.invoke(args=["bank", "load", str(path)])
    assert result.exit_code != 0
    assert "t-0001" in result.output and "t-0003" in result.output and "题型无效" in result.output
    assert count() == 0
    not_json = tmp_path / "broken.json"
    not_json.write_bytes("{ 不是 json".encode("gbk"))
    broken = runner.invoke(args=["bank", "load", str(not_json)])
    assert broken.exit_code != 0 and "UTF-8" in broken.output
