"""The quick-start's seed bank: the committed file, or one built from the seed article."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Question, Source
from quiz.services import demo

pytestmark = pytest.mark.db


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question))


def test_seed_bank_loads_once(app):
    lines = demo.load_seed_bank()
    assert lines[-1].startswith("题库: 新增") and count() > 0
    source = db.session.get(Source, demo.SEED_ID)
    assert source.text and source.publisher
    assert demo.load_seed_bank()[-1].startswith("题库: 新增 0 题")


def test_without_the_committed_file_the_bank_is_built_from_the_article(app, monkeypatch):
    monkeypatch.setattr(demo, "SEED_BANK", "question_bank/does-not-exist.json")
    lines = demo.load_seed_bank()
    assert any("生成" in line for line in lines), lines
    assert count() >= 20
    assert set(db.session.execute(select(Question.status)).scalars()) == {"draft"}
    assert db.session.get(Source, demo.SEED_ID).text


def test_nothing_to_load_is_reported(app, monkeypatch):
    monkeypatch.setattr(demo, "SEED_BANK", "question_bank/does-not-exist.json")
    monkeypatch.setattr(demo, "SEED_ARTICLE", "seeds/does-not-exist.txt")
    assert "跳过" in demo.load_seed_bank()[-1] and count() == 0
