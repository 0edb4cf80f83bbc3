"""A pasted article: decoded, previewed (nothing stored), saved as drafts, never overwriting."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Question, Source
from quiz.services import Conflict, DomainError
from quiz.services.questions.articles import (
    MAX_ARTICLE_CHARS,
    ArticleMeta,
    clean_text,
    decode_upload,
    preview_article,
    save_article,
)
from tests.helpers.audit import audit
from tests.helpers.bank import SOURCE_TEXT

META = ArticleMeta(id="cd-2023", title="成都校园日", publisher="成都日报", date="2023-09-12")


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question))


def test_an_upload_is_utf8_with_or_without_a_bom():
    assert decode_upload("校园日".encode("utf-8-sig")) == "校园日"
    assert decode_upload("校园日".encode()) == "校园日"


def test_a_gbk_upload_is_refused_with_where_it_failed():
    with pytest.raises(DomainError) as refused:
        decode_upload("网安周".encode("gbk"))
    assert refused.value.code == "encoding" and "第 0 字节处" in refused.value.message


def test_a_binary_upload_is_refused():
    with pytest.raises(DomainError) as refused:
        decode_upload(b"PK\x03\x04\x00\x00")
    assert refused.value.code == "binary"


def test_line_ends_become_one_convention():
    assert clean_text("第一段\r\n第二段\r第三段") == "第一段\n第二段\n第三段"


@pytest.mark.parametrize("text", ["", " \r\n ", None])
def test_an_empty_article_is_refused(text):
    with pytest.raises(DomainError) as refused:
        clean_text(text)
    assert refused.value.code == "empty"


def test_an_overlong_article_is_refused():
    with pytest.raises(DomainError, match="文章过长"):
        clean_text("字" * (MAX_ARTICLE_CHARS + 1))


def test_a_preview_is_drafts_with_counts_and_stores_nothing(app):
    preview = preview_article(SOURCE_TEXT.replace("\n", "\r\n"), META)
    assert (preview.article_id, preview.title, preview.publisher) == (
        "cd-2023",
        "成都校园日",
        "成都日报",
    )
    assert preview.questions and {q["status"] for q in preview.questions} == {"draft"}
    assert sum(preview.by_type.values()) == len(preview.questions)
    assert all(q["source"]["id"] == "cd-2023" for q in preview.questions)
    assert "\r" not in preview.text
    assert count() == 0 and db.session.get(Source, "cd-2023") is None


def test_without_an_id_the_article_is_named_by_its_text(app):
    first = preview_article(SOURCE_TEXT, ArticleMeta())
    assert first.article_id.startswith("article-") and len(first.article_id) == 20
    assert preview_article(SOURCE_TEXT, ArticleMeta()).article_id == first.article_id
    assert preview_article(SOURCE_TEXT + "补记。\n", ArticleMeta()).article_id != first.article_id


@pytest.mark.db
def test_saving_stores_the_text_and_drafts_and_is_idempotent(factories):
    actor = factories.organizer()
    preview, report = save_article(SOURCE_TEXT, META, actor=actor)
    assert report.created == len(preview.questions) == count()
    assert db.session.get(Source, "cd-2023").text == SOURCE_TEXT
    assert set(db.session.scalars(select(Question.status))) == {"draft"}
    _again, second = save_article(SOURCE_TEXT, META, actor=actor)
    assert second.created == 0 and count() == report.created
    entries = audit("bank.article.save")
    assert [e.details["created"] for e in entries] == [report.created, 0]
    assert entries[0].details["source"] == "cd-2023"


@pytest.mark.db
def test_an_id_used_by_another_text_is_refused(factories):
    actor = factories.organizer()
    save_article(SOURCE_TEXT, META, actor=actor)
    before = count()
    other = SOURCE_TEXT.replace("1200余起", "1300余起")
    with pytest.raises(Conflict, match="已被另一篇文章使用"):
        save_article(other, META, actor=actor)
    assert count() == before
    assert db.session.get(Source, "cd-2023").text == SOURCE_TEXT
