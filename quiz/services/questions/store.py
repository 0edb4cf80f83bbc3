"""The bank in the database: load bank files (idempotently) and export the working copy.

Loading never duplicates (questions are matched by their stable ``uid``), never overwrites a
question edited in the UI (it is reported instead), and never deletes: a generated question
that left the file is retired, so attempts and contests that used it keep their reference.

Review state belongs to the database once a question exists: reloading an unchanged question
keeps the status an organizer gave it; only new content (or a retired question coming back to
the file) takes the file's status, because new content has not been reviewed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.bank.constants import (
    READABLE_SCHEMA_VERSIONS,
    SCHEMA_VERSION,
    QuestionStatus,
    QuestionType,
)
from quiz.extensions import db
from quiz.models import Question, Source
from quiz.services import DomainError
from quiz.services.questions.rules import check_questions

SOURCE_FIELDS = ("title", "publisher", "date", "path", "sha256")


@dataclass
class ChangeCounts:
    """How many questions a load or an import created, updated or left as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def counts_text(self) -> str:
        return f"新增 {self.created}，更新 {self.updated}，未变 {self.unchanged}"


@dataclass
class LoadReport(ChangeCounts):
    """What a load did, for the CLI and the flash messages."""

    retired: int = 0
    created_approved: int = 0
    kept_edited: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.counts_text()}，停用 {self.retired}，保留界面修改 {len(self.kept_edited)}"


def _fields_from(raw: dict) -> dict:
    source = raw.get("source") or {}
    generator = raw.get("generator") or {}
    return {
        "type": raw["type"],
        "stem": raw["stem"],
        "options": list(raw.get("options") or []) if raw["type"] != QuestionType.FILL_BLANK else [],
        "answer": list(raw.get("answer") or []),
        "explanation": raw.get("explanation", ""),
        "difficulty": int(raw.get("difficulty", 1)),
        "fact": raw.get("fact", ""),
        "source_id": source.get("id"),
        "sentence": source.get("sentence", ""),
        "start": source.get("start"),
        "end": source.get("end"),
        "answer_spans": [list(span) for span in source.get("answer_spans") or []],
        "generator_rule": generator.get("rule", ""),
        "generator_version": generator.get("version", ""),
        **_quality_from(raw),
    }


def _quality_from(raw: dict) -> dict:
    """The generator's score, reasons and recommendation (schema 2; absent in version 1)."""
    quality = raw.get("quality") or {}
    score = quality.get("score")
    return {
        "quality_score": int(score) if isinstance(score, int | float) else None,
        "quality_reasons": [str(code) for code in quality.get("reasons") or []],
        "recommended": bool(raw.get("recommended")),
    }


def upsert_sources(sources: list[dict], source_texts: dict[str, str] | None = None) -> None:
    """Create or update the given sources; a text is stored only when one is supplied."""
    for raw in sources:
        source = db.session.get(Source, raw["id"]) or Source(id=raw["id"])
        for name in SOURCE_FIELDS:
            # An empty value never wipes what the database already knows (e.g. an old path).
            setattr(source, name, raw.get(name) or getattr(source, name) or "")
        if source_texts and raw["id"] in source_texts:
            source.text = source_texts[raw["id"]]
        db.session.add(source)
    db.session.flush()


def load_bank(
    bank: dict, *, source_texts: dict[str, str] | None = None, owner_unit_id: int | None = None
) -> LoadReport:
    """Upsert a bank dict (the JSON file's content) into the database in one transaction.

    New questions get ``owner_unit_id`` (an organizer's article: their unit); the CLI and
    the seed pass None, so their questions stay ownerless and shared. A reload never moves
    an existing question to another owner.

    Raises DomainError naming every bad question; nothing is written then.
    """
    if bank.get("schema_version") not in READABLE_SCHEMA_VERSIONS:
        raise DomainError(f"不支持的题库格式版本：{bank.get('schema_version')}", code="bad_schema")
    questions = bank.get("questions", [])
    if problems := check_questions(questions):
        raise DomainError("题库文件有误，未导入任何题目：\n" + "\n".join(problems), code="bad_bank")
    sources = bank.get("sources", [])
    if not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in sources):
        raise DomainError("题库文件有误：每个出处都须是带字符串 id 的对象。", code="bad_bank")
    upsert_sources(sources, source_texts)
    existing = {
        q.uid: q
        for q in db.session.execute(select(Question).options(selectinload(Question.days))).scalars()
    }
    report = LoadReport()
    seen: set[str] = set()
    for raw in questions:
        seen.add(raw["id"])
        _load_one(raw, existing.get(raw["id"]), report, owner_unit_id)
    loaded_sources = {s["id"] for s in sources}
    for uid, question in existing.items():
        # Only machine-made questions leave with their file; imported ones stay until retired.
        left_the_file = (
            uid not in seen and question.source_id in loaded_sources and question.generator_rule
        )
        if left_the_file and not question.edited and question.status != QuestionStatus.RETIRED:
            question.status = QuestionStatus.RETIRED
            report.retired += 1
    db.session.commit()
    return report


def _load_one(
    raw: dict, question: Question | None, report: LoadReport, owner_unit_id: int | None
) -> None:
    values = _fields_from(raw)
    status = raw.get("status", "draft")
    if question is None:
        question = Question(uid=raw["id"], status=status, owner_unit_id=owner_unit_id, **values)
        question.themed_days = raw.get("themed_days", [])
        db.session.add(question)
        report.created += 1
        report.created_approved += status == QuestionStatus.APPROVED
        return
    if question.edited:
        report.kept_edited.append(question.uid)
        return
    content_changed = any(getattr(question, k) != v for k, v in values.items())
    days_changed = sorted(question.themed_days) != sorted(raw.get("themed_days", []))
    back_from_retired = (
        question.status == QuestionStatus.RETIRED and status != QuestionStatus.RETIRED
    )
    if not (content_changed or days_changed or back_from_retired):
        report.unchanged += 1
        return
    for name, value in values.items():
        setattr(question, name, value)
    question.themed_days = raw.get("themed_days", [])
    if content_changed or back_from_retired:
        question.status = status
    report.updated += 1


def read_source_texts(bank: dict, root: Path) -> tuple[dict[str, str], list[str]]:
    """Full texts of the bank's sources read from their ``path`` (relative to ``root``).

    A text whose SHA-256 differs from the bank's is not returned (its offsets would point at
    the wrong characters); a warning says so instead.
    """
    texts: dict[str, str] = {}
    warnings: list[str] = []
    for source in bank.get("sources", []):
        if not source.get("path"):
            continue
        path = Path(source["path"])
        path = path if path.is_absolute() else root / path
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            warnings.append(f"出处 {source['id']}：无法读取原文 {path}（{error}），未保存原文")
            continue
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if source.get("sha256") and digest != source["sha256"]:
            warnings.append(
                f"出处 {source['id']}：原文 {path} 的 SHA-256 与题库记录不一致（文章可能已修改），"
                "未保存原文；请重新生成题库"
            )
            continue
        texts[source["id"]] = text
    return texts, warnings


def question_dict(question: Question) -> dict:
    """A database question in the bank file's schema (what every exporter takes)."""
    item = {
        "id": question.uid,
        "type": question.type,
        "stem": question.stem,
        "answer": list(question.answer or []),
        "explanation": question.explanation,
        "difficulty": question.difficulty,
        "themed_days": question.themed_days,
        "status": question.status,
        "fact": question.fact,
    }
    if question.source_id:
        source = {"id": question.source_id, "sentence": question.sentence}
        if question.start is not None and question.end is not None:
            source |= {"start": question.start, "end": question.end}
        if question.answer_spans:
            source["answer_spans"] = [list(span) for span in question.answer_spans]
        item["source"] = source
    if question.quality_score is not None:
        item["quality"] = {"score": question.quality_score, "reasons": question.quality_reasons}
        item["recommended"] = question.recommended
    if question.generator_rule or question.generator_version:
        item["generator"] = {"rule": question.generator_rule, "version": question.generator_version}
    if question.type != QuestionType.FILL_BLANK:
        item["options"] = list(question.options or [])
    if question.edited:
        item["edited"] = True
    return item


def source_dict(source: Source) -> dict:
    return {"id": source.id, **{name: getattr(source, name) for name in SOURCE_FIELDS}}


def export_bank(questions: list[Question] | None = None) -> dict:
    """The working copy (or the given questions) as a bank dict, with the sources they cite."""
    if questions is None:
        statement = select(Question).options(selectinload(Question.days)).order_by(Question.id)
        questions = list(db.session.execute(statement).scalars())
    source_ids = {q.source_id for q in questions if q.source_id}
    sources = db.session.execute(select(Source).where(Source.id.in_(source_ids))).scalars()
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": sorted((source_dict(s) for s in sources), key=lambda s: s["id"]),
        "questions": [question_dict(q) for q in questions],
    }
