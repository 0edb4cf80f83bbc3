"""New article in the browser: paste or upload, preview (nothing stored), save as drafts."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import AuditLog, Question, Source
from tests.helpers.bank import SOURCE_TEXT

pytestmark = pytest.mark.db

URL = "/admin/bank/articles/new"
META = {
    "title": "成都校园日",
    "publisher": "成都日报",
    "date": "2023-09-12",
    "article_id": "cd-2023",
}


@pytest.fixture
def organizer(client, auth, factories):
    user = factories.organizer("teacher")
    auth.login("teacher")
    return user


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question))


def test_form_page(client, organizer):
    page = client.get(URL).get_data(as_text=True)
    assert "文章全文" in page and "预览生成的题目" in page


def test_paste_preview_stores_nothing(client, organizer):
    # Browsers post textareas with CRLF line ends.
    text = SOURCE_TEXT.replace("\n", "\r\n")
    response = client.post(URL, data={"text": text, "preview": "1", **META})
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "预览：共" in page and "单选" in page and "校园日" in page
    assert "<mark>" in page and "安全账户" in page
    assert "保存为草稿题库" in page
    # Dropped candidates are counted by reason, in Chinese (never a raw code such as "byline").
    assert "记者署名" in page and "byline" not in page
    assert count() == 0 and db.session.get(Source, "cd-2023") is None


def test_save_as_draft_regenerates_and_is_idempotent(client, organizer):
    data = {"text": SOURCE_TEXT.replace("\n", "\r\n"), "save": "1", **META}
    response = client.post(URL, data=data)
    assert response.status_code == 302
    assert "source=cd-2023" in response.headers["Location"]
    saved = count()
    assert saved >= 5
    source = db.session.get(Source, "cd-2023")
    assert source.text == SOURCE_TEXT and source.publisher == "成都日报"
    statuses = set(db.session.execute(select(Question.status)).scalars())
    assert statuses == {"draft"}
    question = db.session.execute(select(Question).where(Question.type == "fill_blank")).scalars()
    one = next(iter(question))
    assert source.text[one.start : one.end] == one.sentence
    assert db.session.execute(select(AuditLog).filter_by(action="bank.article.save")).scalar()
    # Saving the same article again updates in place: no duplicates.
    again = client.post(URL, data=dict(data), follow_redirects=True)
    assert "新增 0" in again.get_data(as_text=True)
    assert count() == saved


def test_the_same_id_for_another_text_is_refused(client, organizer):
    client.post(URL, data={"text": SOURCE_TEXT, "save": "1", **META})
    before = count()
    other = "另一篇文章。\n\n10月11日，某市网络安全宣传周启动，共有30所学校参加。"
    response = client.post(URL, data={"text": other, "save": "1", **META})
    assert response.status_code == 422
    assert "已被另一篇文章使用" in response.get_data(as_text=True)
    assert count() == before


def test_upload_utf8_txt(client, organizer):
    upload = (io.BytesIO(b"\xef\xbb\xbf" + SOURCE_TEXT.encode("utf-8")), "article.txt")
    response = client.post(
        URL, data={"file": upload, "preview": "1"}, content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "预览：共" in page
    assert "成都市公安局网安支队" in page  # the text is put back in the box for saving


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (SOURCE_TEXT.encode("gbk"), "不是 UTF-8 编码"),
        (b"\x00\x01\x02binary", "不是文本文件"),
    ],
)
def test_bad_uploads_get_a_chinese_error(client, organizer, payload, message):
    response = client.post(
        URL,
        data={"file": (io.BytesIO(payload), "article.txt"), "preview": "1"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count() == 0


def test_wrong_file_type_and_empty_text(client, organizer):
    docx = client.post(
        URL,
        data={"file": (io.BytesIO(b"PK\x03\x04"), "article.docx"), "preview": "1"},
        content_type="multipart/form-data",
    )
    assert docx.status_code == 422 and ".txt" in docx.get_data(as_text=True)
    empty = client.post(URL, data={"text": "  \r\n ", "preview": "1"})
    assert empty.status_code == 422 and "文章内容为空" in empty.get_data(as_text=True)
    bad_meta = client.post(URL, data={"text": SOURCE_TEXT, "date": "昨天", "article_id": "中文"})
    body = bad_meta.get_data(as_text=True)
    assert bad_meta.status_code == 422 and "2021-10-11" in body and "编号只能包含" in body
