"""Browse the bank: filters, NFKC text search, counts per status and themed day, pages.

Text search runs in Python, not SQL: the stem, the options (a JSON column whose Chinese
SQLite stores as ``\\uXXXX`` escapes) and the source sentence must be compared after NFKC
normalization (full-width ``，`` and ``１０`` match ``,`` and ``10``), which no database does
for us. A bank holds hundreds to a few thousand questions, so that stays cheap.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from quiz.bank.constants import THEMED_DAYS, QuestionStatus, QuestionType
from quiz.bank.formats import FORMATS
from quiz.extensions import db
from quiz.models import Question, QuestionDay, Source, User
from quiz.services import DomainError
from quiz.services.paging import Page, clamp_page
from quiz.services.questions.edit import export_access
from quiz.services.questions.store import export_bank


@dataclass
class BankFilters:
    """What the organizer narrowed the bank to; empty values mean "any"."""

    day: str = ""
    type: str = ""
    difficulty: int = 0
    status: str = ""
    source: str = ""
    q: str = ""
    recommended: bool = False  # only those the generator recommends


def normalize(text: str) -> str:
    """NFKC + casefold, so full-width, half-width and case variants compare equal."""
    return unicodedata.normalize("NFKC", text or "").casefold()


def filtered(filters: BankFilters) -> Select:
    """The SQL part of the filters (everything but the text search), ordered by id."""
    statement = select(Question).options(selectinload(Question.days)).order_by(Question.id)
    if filters.day:
        statement = statement.where(
            Question.id.in_(select(QuestionDay.question_id).where(QuestionDay.day == filters.day))
        )
    if filters.type:
        statement = statement.where(Question.type == filters.type)
    if filters.difficulty:
        statement = statement.where(Question.difficulty == filters.difficulty)
    if filters.status:
        statement = statement.where(Question.status == filters.status)
    if filters.source:
        statement = statement.where(Question.source_id == filters.source)
    if filters.recommended:
        statement = statement.where(Question.recommended.is_(True))
    return statement


def matches(question: Question, needle: str) -> bool:
    """Does the normalized ``needle`` occur in the stem, an option or the source sentence?"""
    haystacks = [question.stem, question.sentence, *(str(o) for o in question.options or [])]
    if question.type == QuestionType.FILL_BLANK:
        haystacks.extend(str(a) for a in question.answer or [])
    return any(needle in normalize(text) for text in haystacks)


def find_questions(filters: BankFilters) -> list[Question]:
    """Every question passing the filters and the text search (for export and bulk actions)."""
    questions = db.session.execute(filtered(filters)).scalars().all()
    needle = normalize(filters.q).strip()
    return [q for q in questions if matches(q, needle)] if needle else list(questions)


def page_of_questions(filters: BankFilters, *, page: int, per_page: int) -> Page:
    """One page of the filtered bank; paginated in SQL unless a text search is given."""
    if normalize(filters.q).strip():
        found = find_questions(filters)
        page = clamp_page(page, len(found), per_page)
        start = (page - 1) * per_page
        return Page(found[start : start + per_page], len(found), page, per_page)
    statement = filtered(filters)
    total = db.session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page = clamp_page(page, total, per_page)
    items = db.session.execute(statement.limit(per_page).offset((page - 1) * per_page))
    return Page(list(items.scalars()), total, page, per_page)


def status_counts() -> dict[str, int]:
    """Questions per status across the whole bank."""
    rows = db.session.execute(select(Question.status, func.count()).group_by(Question.status))
    return {status: count for status, count in rows}


def day_counts(status: str = "") -> dict[str, int]:
    """Questions per themed day (optionally of one status); a question may count on many days."""
    statement = select(QuestionDay.day, func.count()).group_by(QuestionDay.day)
    if status:
        statement = statement.join(Question).where(Question.status == status)
    return {day: count for day, count in db.session.execute(statement)}


def source_choices() -> list[tuple[str, str]]:
    """(id, label) of every source article, newest first, for the filter and export forms."""
    sources = db.session.execute(select(Source).order_by(Source.date.desc(), Source.id)).scalars()
    return [
        (s.id, f"{s.title or s.id}（{s.date}）" if s.date else s.title or s.id) for s in sources
    ]


#: Formats whose question cannot be written without its key (GIFT marks the right option
#: with ``=``, Moodle XML with ``fraction="100"``, and Moodle refuses a question with none):
#: a question exported without its key is left out of these files.
KEYED_ONLY_FORMATS = frozenset({"moodle", "gift"})


def export_payload(fmt: str, filters: BankFilters, *, actor: User | None) -> tuple[bytes, str, str]:
    """(bytes, file extension, mimetype) of the filtered bank in one exchange format.

    ``actor`` decides the keys (:func:`~quiz.services.questions.edit.export_access`; None is
    the CLI, which exports everything): a shared question of another unit goes out with an
    empty answer and explanation and no source sentence in JSON, CSV and XLSX, and not at all
    in Moodle XML and GIFT; private questions of other units never.

    CSV/XLSX neutralize formula-like cells and CSV carries a UTF-8 BOM (the formats module
    does both). A question the format cannot express is a DomainError naming it.
    """
    if fmt not in FORMATS:
        raise DomainError(f"不支持的导出格式：{fmt}", code="bad_format")
    exporter, _importer, extension, mimetype = FORMATS[fmt]
    try:
        payload = exporter(_bank_for(fmt, find_questions(filters), actor))
    except ValueError as error:
        raise DomainError(f"无法导出为 {fmt}：{error}", code="unexportable") from error
    return payload, extension, mimetype


def _bank_for(fmt: str, found: list[Question], actor: User | None) -> dict:
    chosen, keyless = export_access(found, actor)
    if fmt in KEYED_ONLY_FORMATS:
        chosen = [q for q in chosen if q.id not in keyless]
    bank = export_bank(chosen)
    keyless_uids = {q.uid for q in chosen if q.id in keyless}
    for item in bank["questions"]:
        if item["id"] in keyless_uids:
            _strip_key(item)
    return bank


def _strip_key(item: dict) -> None:
    """Remove what gives the answer away: the key, the explanation, the fact it tests and the
    article sentence (with its offsets) the question was cut from; the source id stays."""
    item["answer"] = []
    item["explanation"] = ""
    item["fact"] = ""
    if "source" in item:
        item["source"] = {"id": item["source"]["id"]}


def pickable_questions() -> list[tuple[int, str]]:
    """(id, label) of every approved question, for the hand-picked set's checkbox list."""
    questions = db.session.scalars(
        select(Question)
        .where(Question.status == QuestionStatus.APPROVED)
        .options(selectinload(Question.days))
        .order_by(Question.id)
    )
    return [
        (
            q.id,
            f"[{QuestionType.label_of(q.type, q.type)}·难度{q.difficulty}·"
            f"{'、'.join(THEMED_DAYS.get(d, '通用') for d in q.themed_days) or '未标注'}] {q.stem}",
        )
        for q in questions
    ]
