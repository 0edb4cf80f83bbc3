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

from sqlalchemy import delete, insert, select, update

from quiz.bank.constants import QuestionStatus, QuestionType
from quiz.bank.formats import FORMATS
from quiz.bank.formats.schema import WHOLE_FILE, RowError
from quiz.extensions import db
from quiz.models import Question, QuestionDay, Source, User
from quiz.models.audit import record
from quiz.services import DomainError
from quiz.services.locking import begin_write
from quiz.services.questions.edit import may_edit, owner_unit_of
from quiz.services.questions.rules import question_problems
from quiz.services.questions.store import ChangeCounts, upsert_sources
from quiz.timeutil import utcnow

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

    What to write is planned from a read made before the write lock is taken; under the lock
    the same read is repeated, and only if another writer changed one of these questions
    meanwhile is the plan made again there. The write itself is a few bulk statements, so
    on SQLite students' answer saves wait for it a fraction of a second, not seconds.
    """
    db.session.rollback()  # plan from a fresh read, holding no snapshot or lock
    uids = [raw["id"] for raw in staged.questions]
    seen = _stored_state(staged, uids)
    plan = _plan(staged, seen, actor)
    begin_write()
    now_seen = _stored_state(staged, uids)
    if now_seen != seen:
        plan = _plan(staged, now_seen, actor)
    if plan.refused:
        db.session.rollback()
        raise BankImportError(plan.refused)
    _write(plan, staged, actor)
    record(actor, "bank.import", "bank", None, filename=staged.filename, **plan.report.__dict__)
    db.session.flush()
    if commit:
        db.session.commit()
    return plan.report


#: The question columns an import compares and writes, besides ``uid`` and the themed days.
_COMPARED = (
    "type", "stem", "answer", "options", "explanation", "difficulty", "status", "fact",
    "source_id", "sentence", "start", "end", "generator_rule", "generator_version",
)  # fmt: skip


@dataclass(frozen=True)
class _StoredState:
    """What the database holds for a file's questions and sources (compared for equality)."""

    questions: dict  # uid -> {column: value, "id", "owner_unit_id", "days": tuple}
    source_ids: frozenset


@dataclass
class _Plan:
    """The rows to insert and update, what is refused, and the counts to report."""

    report: ImportReport
    refused: list[str]
    new_sources: list[str]
    inserts: list[dict]
    updates: list[dict]
    updated_ids: dict  # uid -> id of each updated question
    days: dict  # uid -> sorted themed days, for every inserted or updated question


def _stored_state(staged: StagedBank, uids: list[str]) -> _StoredState:
    """One read of every stored question the file names, with its days, and the sources."""
    columns = [getattr(Question, name) for name in _COMPARED]
    rows = db.session.execute(
        select(Question.id, Question.uid, Question.owner_unit_id, *columns).where(
            Question.uid.in_(uids)
        )
    ).all()
    days: dict[int, list[str]] = {}
    ids = [row.id for row in rows]
    if ids:
        for question_id, day in db.session.execute(
            select(QuestionDay.question_id, QuestionDay.day).where(QuestionDay.question_id.in_(ids))
        ):
            days.setdefault(question_id, []).append(day)
    questions = {
        row.uid: {**row._asdict(), "days": tuple(sorted(days.get(row.id, ())))} for row in rows
    }
    wanted = {s["id"] for s in staged.sources if isinstance(s.get("id"), str)}
    wanted |= {(raw.get("source") or {}).get("id") for raw in staged.questions} - {None, ""}
    known = db.session.execute(select(Source.id).where(Source.id.in_(wanted))).scalars()
    return _StoredState(questions, frozenset(known))


def _plan(staged: StagedBank, state: _StoredState, actor: User | None) -> _Plan:
    """Decide, without writing, what importing the file into ``state`` does."""
    plan = _Plan(ImportReport(), [], [], [], [], {}, {})
    file_sources = {s["id"] for s in staged.sources if isinstance(s.get("id"), str)}
    known = set(state.source_ids) | file_sources
    now = utcnow()
    for raw in staged.questions:
        source_id = (raw.get("source") or {}).get("id")
        if source_id and source_id not in known:
            # A spreadsheet carries only the source's id: keep it rather than drop provenance.
            plan.new_sources.append(source_id)
            known.add(source_id)
        values = _values(raw)
        stored = state.questions.get(raw["id"])
        days = tuple(sorted(set(raw.get("themed_days", stored["days"] if stored else ()))))
        if stored is None:
            plan.inserts.append(_new_row(raw["id"], values, actor, now))
            plan.days[raw["id"]] = days
            continue
        changed = any(stored[name] != value for name, value in values.items())
        if not changed and stored["days"] == days:
            plan.report.unchanged += 1
            continue
        if actor is not None and not may_edit(_Owned(stored["owner_unit_id"]), actor):
            plan.refused.append(
                f"（{raw['id']}）只能修改本单位的题目；题库共享题目仅管理员可修改。"
            )
            continue
        updated_by = actor.id if actor else None
        plan.updates.append(
            {"id": stored["id"], **values, "edited": True, "updated_by_id": updated_by}
            | {"updated_at": now}
        )
        plan.updated_ids[raw["id"]] = stored["id"]
        plan.days[raw["id"]] = days
    plan.report.created = len(plan.inserts)
    plan.report.updated = len(plan.updates)
    plan.report.sources_created = len(plan.new_sources)
    return plan


@dataclass(frozen=True)
class _Owned:
    """The one attribute ``may_edit`` reads of a question, from the planning read."""

    owner_unit_id: int | None


def _new_row(uid: str, values: dict, actor: User | None, now) -> dict:
    """A complete question row (every row of a bulk insert carries the same keys)."""
    return {
        "uid": uid,
        "explanation": "",
        "difficulty": 1,
        "status": QuestionStatus.DRAFT,
        "fact": "",
        "source_id": None,
        "sentence": "",
        "start": None,
        "end": None,
        "generator_rule": "",
        "generator_version": "",
        **values,
        "answer_spans": [],
        "quality_reasons": [],
        "recommended": False,
        "edited": False,
        "updated_by_id": actor.id if actor else None,
        "owner_unit_id": owner_unit_of(actor),
        "shared": True,
        "created_at": now,
        "updated_at": now,
    }


def _write(plan: _Plan, staged: StagedBank, actor: User | None) -> None:
    """Carry out ``plan`` with bulk statements (the caller holds the write lock)."""
    upsert_sources([s for s in staged.sources if isinstance(s.get("id"), str)])
    if plan.new_sources:
        db.session.execute(insert(Source), [{"id": i, "title": i} for i in plan.new_sources])
    if plan.inserts:
        # No RETURNING: on SQLite an ordered RETURNING runs one INSERT per row.
        db.session.execute(insert(Question), plan.inserts)
    ids = dict(
        db.session.execute(
            select(Question.uid, Question.id).where(
                Question.uid.in_([row["uid"] for row in plan.inserts])
            )
        ).all()
    )
    if plan.updates:
        db.session.execute(update(Question), plan.updates)
        updated = [row["id"] for row in plan.updates]
        db.session.execute(delete(QuestionDay).where(QuestionDay.question_id.in_(updated)))
        ids |= plan.updated_ids
    tags = [
        {"question_id": ids[uid], "day": day} for uid, days in plan.days.items() for day in days
    ]
    if tags:
        db.session.execute(insert(QuestionDay), tags)
    db.session.expire_all()  # ORM copies loaded earlier in this session are now stale


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
