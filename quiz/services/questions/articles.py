"""A new source article from the browser: decode it, preview its questions, save as draft.

Stateless on purpose: the preview keeps nothing on the server. Saving posts the same text
again and regenerates; the generator is deterministic, so the saved questions are the ones
the organizer saw. Everything saved is a draft until reviewed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from quiz.bank import ArticleError, article_from_text, generate
from quiz.extensions import db
from quiz.models import Source, User
from quiz.models.audit import record
from quiz.services import Conflict, DomainError
from quiz.services.questions.edit import owner_unit_of
from quiz.services.questions.store import LoadReport, load_bank

MAX_ARTICLE_CHARS = 200_000


@dataclass
class ArticleMeta:
    """Optional metadata typed beside the text; empty values are guessed by the generator."""

    id: str = ""
    title: str = ""
    publisher: str = ""
    date: str = ""


@dataclass
class Preview:
    """What the generator made of the article (nothing stored)."""

    article_id: str
    title: str
    publisher: str
    date: str
    questions: list[dict]
    by_type: dict[str, int]
    by_day: dict[str, int]
    # Recommended questions per themed day (on-topic: the day's own tag, ``general`` apart).
    recommended_by_day: dict[str, int] = field(default_factory=dict)
    # reason code -> (count, an example message)
    dropped: dict[str, tuple[int, str]] = field(default_factory=dict)
    bank: dict = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)


def decode_upload(data: bytes) -> str:
    """The text of an uploaded .txt file: UTF-8 (BOM allowed), or a DomainError saying why not."""
    if b"\x00" in data[:4096]:
        raise DomainError("这不是文本文件：请上传 UTF-8 编码的 .txt 文件。", code="binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(
            "文件不是 UTF-8 编码（可能是 GBK/GB2312）：请在记事本或 WPS 中“另存为”并选择 "
            f"UTF-8 编码后重新上传（第 {error.start} 字节处无法识别）。",
            code="encoding",
        ) from error


def clean_text(text: str) -> str:
    """One newline convention: browsers post CRLF, files may hold either."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DomainError("文章内容为空：请粘贴文章全文或上传 .txt 文件。", code="empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise DomainError(f"文章过长（上限 {MAX_ARTICLE_CHARS} 字），请拆分后分别生成。")
    return text


def _article(text: str, meta: ArticleMeta):
    text = clean_text(text)
    article_id = meta.id.strip() or "article-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    try:
        return article_from_text(
            text,
            id=article_id,
            title=meta.title.strip() or None,
            publisher=meta.publisher.strip() or None,
            date=meta.date.strip() or None,
        )
    except ArticleError as error:
        raise DomainError(str(error)) from error


def preview_article(text: str, meta: ArticleMeta) -> Preview:
    """Generate the article's questions (all drafts) without storing anything."""
    article = _article(text, meta)
    try:
        result = generate([article])
    except ArticleError as error:  # too few usable facts: say why, in Chinese
        raise DomainError(str(error), code="unusable_article") from error
    questions = result.bank["questions"]
    for question in questions:
        question["status"] = "draft"
    dropped: dict[str, tuple[int, str]] = {}
    counts = Counter(code for _label, code, _message in result.dropped)
    for _label, code, message in result.dropped:
        dropped.setdefault(code, (counts[code], message))
    return Preview(
        article_id=article.id,
        title=article.title,
        publisher=article.publisher,
        date=article.date,
        questions=questions,
        by_type=dict(Counter(q["type"] for q in questions)),
        by_day=dict(Counter(day for q in questions for day in q.get("themed_days", []))),
        recommended_by_day=dict(
            Counter(
                day for q in questions if q.get("recommended") for day in q.get("themed_days", [])
            )
        ),
        dropped=dropped,
        bank=result.bank,
        text=article.text,
    )


def save_article(text: str, meta: ArticleMeta, *, actor: User) -> tuple[Preview, LoadReport]:
    """Store the article (full text) and its questions as drafts; reloading the same text
    updates rather than duplicates. An id already used by a different text is refused."""
    preview = preview_article(text, meta)
    source = preview.bank["sources"][0]
    existing = db.session.get(Source, source["id"])
    if existing is not None and existing.text and existing.sha256 != source["sha256"]:
        raise Conflict(f"文章编号「{source['id']}」已被另一篇文章使用，请换一个编号。")
    report = load_bank(
        preview.bank, source_texts={source["id"]: preview.text}, owner_unit_id=owner_unit_of(actor)
    )
    record(
        actor,
        "bank.article.save",
        "source",
        None,
        source=source["id"],
        created=report.created,
        updated=report.updated,
    )
    db.session.commit()
    return preview, report
