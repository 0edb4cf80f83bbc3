"""Import an organizer's bank file (JSON, CSV or XLSX): all rows valid, or nothing changes.

Questions are matched by ``uid`` (the file's ``id`` column), so importing an export of this
bank neither duplicates questions nor loses their source. An import is a person's deliberate
edit: a question whose content it changes is marked ``edited`` (a later ``bank load`` of the
generator's file then leaves it alone). Fields a file does not carry (a sheet without the
provenance columns, say) keep their current values; nothing is ever deleted or retired.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.bank.constants import QuestionType
from quiz.bank.formats import FORMATS
from quiz.bank.formats.schema import WHOLE_FILE, RowError
from quiz.extensions import db
from quiz.models import Question, Source, User
from quiz.models.audit import record
from quiz.services import DomainError
from quiz.services.locking import begin_write
from quiz.services.questions.edit import may_edit, owner_unit_of
from quiz.services.questions.rules import question_problems
from quiz.services.questions.store import ChangeCounts, upsert_sources

IMPORT_EXTENSIONS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


class BankImportError(DomainError):
    """The file has problems; ``problems`` names each bad row and why. Nothing was imported."""

    code = "bad_rows"

    def __init__(self, problems: list[str], message: str | None = None):
        super().__init__(message or f"文件中有 {len(problems)} 处错误，未导入任何题目。")
        self.problems = problems


@dataclass
class ImportReport(ChangeCounts):
    """What a spreadsheet or JSON import did."""

    sources_created: int = 0

    def summary(self) -> str:
        text = self.counts_text()
        if self.sources_created:
            text += f"，新建出处 {self.sources_created}（只有编号，无原文）"
        return text


def format_for(filename: str) -> str:
    """The import format named by the file's extension, or a DomainError."""
    fmt = IMPORT_EXTENSIONS.get(PurePath(filename or "").suffix.lower())
    if fmt is None:
        raise DomainError("不支持的文件类型：请上传 .json、.csv 或 .xlsx 文件。", code="bad_type")
    return fmt


@dataclass
class StagedBank:
    """A parsed and fully validated bank file, ready to commit (nothing written yet)."""

    filename: str
    questions: list[dict]
    sources: list[dict]


#: Bank files larger than this are imported by a background job (docs/deploy.md).
BANK_JOB_BYTES = 256 * 1024


def stage_bank_file(filename: str, data: bytes) -> StagedBank:
    """Parse and validate every question of the file: the slow part, with no transaction open."""
    db.session.rollback()  # hold no snapshot or lock while parsing
    fmt = format_for(filename)
    result = FORMATS[fmt].importer(data)
    problems = [str(error) for error in result.errors]
    if not problems:
        problems = _deep_problems(fmt, data, result.questions)
    if problems:
        raise BankImportError(problems)
    return StagedBank(filename, result.questions, result.sources)


def commit_bank_file(
    staged: StagedBank, *, actor: User | None, commit: bool = True
) -> ImportReport:
    """Upsert the staged questions in one short write transaction (all or none).

    An organizer's file may not change a question they may not edit (``may_edit``): the
    rows that would are named and nothing is imported. ``actor`` None is the CLI.
    """
    begin_write()
    known = set(db.session.execute(select(Source.id)).scalars())
    file_sources = [s for s in staged.sources if isinstance(s.get("id"), str)]
    upsert_sources(file_sources)
    report = ImportReport()
    known |= {s["id"] for s in file_sources}
    for raw in staged.questions:
        source_id = (raw.get("source") or {}).get("id")
        if source_id and source_id not in known:
            # A spreadsheet carries only the source's id: keep it rather than drop provenance.
            db.session.add(Source(id=source_id, title=source_id))
            known.add(source_id)
            report.sources_created += 1
    db.session.flush()
    existing = {
        q.uid: q
        for q in db.session.execute(
            select(Question)
            .options(selectinload(Question.days))
            .where(Question.uid.in_([raw["id"] for raw in staged.questions]))
        ).scalars()
    }
    if actor is not None:
        refused = [
            f"（{raw['id']}）只能修改本单位的题目；题库共享题目仅管理员可修改。"
            for raw in staged.questions
            if (question := existing.get(raw["id"])) is not None
            and _would_change(raw, question)
            and not may_edit(question, actor)
        ]
        if refused:
            db.session.rollback()
            raise BankImportError(refused)
    for raw in staged.questions:
        _upsert(raw, existing.get(raw["id"]), actor, report)
    record(actor, "bank.import", "bank", None, filename=staged.filename, **report.__dict__)
    db.session.flush()
    if commit:
        db.session.commit()
    return report


def import_bank_file(filename: str, data: bytes, *, actor: User | None) -> ImportReport:
    """Validate every question of the file (no transaction open), then upsert them in one."""
    return commit_bank_file(stage_bank_file(filename, data), actor=actor)


def _deep_problems(fmt: str, data: bytes, questions: list[dict]) -> list[str]:
    """The rules the readers leave to the bank (JSON is only envelope-checked by its reader)."""
    problems = []
    lines = _json_lines(data) if fmt == "json" else {}
    for position, raw in enumerate(questions, start=1):
        where = lines.get(raw["id"])
        for _field, message in question_problems(raw):
            line = where or WHOLE_FILE
            column = "" if where else f"第 {position} 题"
            problems.append(str(RowError(line, column, f"（{raw['id']}）{message}")))
    return problems


def _json_lines(data: bytes) -> dict[str, int]:
    """Question id -> the text line of its ``"id"`` key, so JSON errors can name a line."""
    found: dict[str, int] = {}
    text = data.decode("utf-8-sig", errors="replace")
    # Source objects have ids too; only lines after the "questions" key name questions.
    first = text[: text.find('"questions"')].count("\n") + 1 if '"questions"' in text else 1
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().rstrip(",")
        if number < first or not stripped.startswith('"id":'):
            continue
        try:
            found.setdefault(json.loads(stripped.split(":", 1)[1]), number)
        except (ValueError, TypeError):
            continue
    return found


def _values(raw: dict) -> dict:
    """The columns the file sets; a missing key leaves the database's value in place."""
    values = {
        "type": raw["type"],
        "stem": raw["stem"],
        "answer": list(raw["answer"]),
        "options": list(raw.get("options") or []) if raw["type"] != QuestionType.FILL_BLANK else [],
    }
    for key in ("explanation", "difficulty", "status", "fact"):
        if key in raw:
            values[key] = raw[key]
    if source := raw.get("source"):
        values["source_id"] = source["id"]
        for key in ("sentence", "start", "end"):
            if key in source:
                values[key] = source[key]
    if generator := raw.get("generator"):
        values["generator_rule"] = str(generator.get("rule", ""))
        values["generator_version"] = str(generator.get("version", ""))
    return values


def _would_change(raw: dict, question: Question) -> bool:
    """Whether importing ``raw`` changes the stored ``question`` (what ``_upsert`` compares)."""
    values = _values(raw)
    days = list(raw.get("themed_days", question.themed_days))
    changed = any(getattr(question, k) != v for k, v in values.items())
    return changed or sorted(question.themed_days) != sorted(days)


def _upsert(raw: dict, question: Question | None, actor: User | None, report: ImportReport):
    values = _values(raw)
    days = list(raw.get("themed_days", question.themed_days if question else []))
    if question is None:
        question = Question(
            uid=raw["id"],
            updated_by_id=actor.id if actor else None,
            owner_unit_id=owner_unit_of(actor),
            **values,
        )
        question.themed_days = days
        db.session.add(question)
        report.created += 1
        return
    changed = any(getattr(question, k) != v for k, v in values.items())
    if not changed and sorted(question.themed_days) == sorted(days):
        report.unchanged += 1
        return
    for name, value in values.items():
        setattr(question, name, value)
    question.themed_days = days
    question.edited = True
    question.updated_by_id = actor.id if actor else None
    report.updated += 1
