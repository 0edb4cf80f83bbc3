"""The bank in the database: load bank files (idempotently) and export the working copy.

Loading never duplicates (questions are matched by their stable ``uid``), never overwrites a
question edited in the UI (it is reported instead), and never deletes: a question that left
the file is retired, so attempts that used it keep their reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.extensions import db
from quiz.models import Question, Source
from quiz.models.bank import ALL_DAY_TAGS, QUESTION_STATUSES, QUESTION_TYPES
from quiz.services import DomainError

SCHEMA_VERSION = 1


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    kept_edited: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"新增 {self.created}，更新 {self.updated}，未变 {self.unchanged}，"
            f"停用 {self.retired}，保留界面修改 {len(self.kept_edited)}"
        )
        return text


def _check_question(raw: dict) -> None:
    problems = []
    if raw.get("type") not in QUESTION_TYPES:
        problems.append(f"题型无效：{raw.get('type')}")
    if raw.get("status", "draft") not in QUESTION_STATUSES:
        problems.append(f"状态无效：{raw.get('status')}")
    if not str(raw.get("stem", "")).strip():
        problems.append("题干为空")
    if unknown := set(raw.get("themed_days", [])) - set(ALL_DAY_TAGS):
        problems.append(f"未知主题日：{sorted(unknown)}")
    if problems:
        raise DomainError(f"题目 {raw.get('id')}：" + "；".join(problems), code="bad_question")


QUESTION_FIELDS = (
    "type",
    "stem",
    "options",
    "answer",
    "explanation",
    "difficulty",
    "status",
    "fact",
)


def _fields_from(raw: dict) -> dict:
    source = raw.get("source") or {}
    generator = raw.get("generator") or {}
    return {
        "type": raw["type"],
        "stem": raw["stem"],
        "options": list(raw.get("options") or []),
        "answer": list(raw.get("answer") or []),
        "explanation": raw.get("explanation", ""),
        "difficulty": int(raw.get("difficulty", 1)),
        "status": raw.get("status", "draft"),
        "fact": raw.get("fact", ""),
        "source_id": source.get("id"),
        "sentence": source.get("sentence", ""),
        "start": source.get("start"),
        "end": source.get("end"),
        "generator_rule": generator.get("rule", ""),
        "generator_version": generator.get("version", ""),
    }


def load_bank(bank: dict, *, source_texts: dict[str, str] | None = None) -> LoadReport:
    """Upsert a bank dict (the JSON file's content) into the database in one transaction."""
    if bank.get("schema_version") != SCHEMA_VERSION:
        raise DomainError(f"不支持的题库格式版本：{bank.get('schema_version')}", code="bad_schema")
    questions = bank.get("questions", [])
    for raw in questions:
        _check_question(raw)
    for raw_source in bank.get("sources", []):
        source = db.session.get(Source, raw_source["id"]) or Source(id=raw_source["id"])
        for name in ("title", "publisher", "date", "path", "sha256"):
            setattr(source, name, raw_source.get(name) or "")
        if source_texts and raw_source["id"] in source_texts:
            source.text = source_texts[raw_source["id"]]
        db.session.add(source)
    db.session.flush()
    existing = {
        q.uid: q
        for q in db.session.execute(select(Question).options(selectinload(Question.days))).scalars()
    }
    report = LoadReport()
    seen: set[str] = set()
    for raw in questions:
        seen.add(raw["id"])
        values = _fields_from(raw)
        question = existing.get(raw["id"])
        if question is None:
            question = Question(uid=raw["id"], **values)
            question.themed_days = raw.get("themed_days", [])
            db.session.add(question)
            report.created += 1
            continue
        if question.edited:
            report.kept_edited.append(question.uid)
            continue
        changed = any(getattr(question, k) != v for k, v in values.items()) or sorted(
            question.themed_days
        ) != sorted(raw.get("themed_days", []))
        if changed:
            for name, value in values.items():
                setattr(question, name, value)
            question.themed_days = raw.get("themed_days", [])
            report.updated += 1
        else:
            report.unchanged += 1
    loaded_sources = {s["id"] for s in bank.get("sources", [])}
    for uid, question in existing.items():
        left_the_file = uid not in seen and question.source_id in loaded_sources
        if left_the_file and not question.edited and question.status != "retired":
            question.status = "retired"
            report.retired += 1
    db.session.commit()
    return report


def question_dict(question: Question) -> dict:
    """A database question in the bank file's schema."""
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
        "source": {
            "id": question.source_id,
            "sentence": question.sentence,
            "start": question.start,
            "end": question.end,
        },
        "generator": {"rule": question.generator_rule, "version": question.generator_version},
    }
    if question.type != "fill_blank":
        item["options"] = list(question.options or [])
    if question.edited:
        item["edited"] = True
    return item


def export_bank(questions: list[Question] | None = None) -> dict:
    """The working copy (or the given questions) as a bank dict."""
    if questions is None:
        questions = list(
            db.session.execute(
                select(Question).options(selectinload(Question.days)).order_by(Question.id)
            ).scalars()
        )
    source_ids = {q.source_id for q in questions if q.source_id}
    sources = [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "date": s.date,
            "path": s.path,
            "sha256": s.sha256,
        }
        for s in db.session.execute(select(Source).where(Source.id.in_(source_ids))).scalars()
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": sorted(sources, key=lambda s: s["id"]),
        "questions": [question_dict(q) for q in questions],
    }
