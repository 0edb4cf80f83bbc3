"""Review the bank by hand: edit a question, approve, retire, approve many at once.

Every change records an audit row. Editing never touches attempts: a paper is a snapshot
taken when the attempt started, so students keep seeing (and are graded on) what they saw.
Nor does it touch a contest whose pool is fixed: the pool holds question versions
(services.questions.versions), and an edit makes a new version the pool does not use.
A question edited here is marked ``edited`` so ``bank load`` never overwrites it; retiring
is an editorial decision too, so a reload does not bring the question back either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from quiz.bank.constants import QuestionStatus, QuestionType
from quiz.extensions import db
from quiz.models import Question, Source, User
from quiz.models.audit import record
from quiz.services import DomainError, Forbidden, NotFound, storable_id
from quiz.services.accounts import managed_ids
from quiz.services.questions.rules import question_problems
from quiz.services.questions.versions import version_if_pooled

EDITABLE = ("stem", "options", "answer", "explanation", "difficulty", "status")


class QuestionInvalid(DomainError):
    """The edit breaks a question rule; ``problems`` maps a field name to its messages."""

    def __init__(self, problems: dict[str, list[str]]):
        super().__init__("题目未保存：" + "；".join(m for ms in problems.values() for m in ms))
        self.problems = problems


@dataclass
class QuestionEdit:
    """The editable fields of a question, as parsed from the edit form."""

    stem: str
    options: list[str]
    answer: list
    explanation: str = ""
    difficulty: int = 1
    status: str = QuestionStatus.DRAFT
    themed_days: list[str] = field(default_factory=list)


def may_edit(question: Question, actor: User) -> bool:
    """Admins edit every question; an organizer only those owned by a unit in their scope.

    A question without an owner (the CLI bank, the seed) is shared and edited by admins only.
    """
    if actor.is_admin:
        return True
    if question.owner_unit_id is None:
        return False
    scope = managed_ids(actor)
    return scope is None or question.owner_unit_id in scope


def owner_unit_of(actor: User | None) -> int | None:
    """The owner a question made by ``actor`` gets: an organizer's unit; None for an admin or
    the CLI/seed (``actor`` None), whose questions stay shared and admin-edited."""
    if actor is None or actor.is_admin:
        return None
    return actor.organization_id


def export_access(questions: list[Question], actor: User | None) -> tuple[list[Question], set]:
    """What ``actor`` may export: (the questions, ids of those to export WITHOUT keys).

    Admins and the CLI (``actor`` None) get everything with keys. An organizer gets keys for
    the questions their units own, shared questions of others without keys, and never the
    private questions of other units.
    """
    if actor is None or actor.is_admin:
        return list(questions), set()
    scope = managed_ids(actor) or set()
    kept, keyless = [], set()
    for question in questions:
        if question.owner_unit_id is not None and question.owner_unit_id in scope:
            kept.append(question)
        elif question.shared:
            kept.append(question)
            keyless.add(question.id)
    return kept, keyless


def require_editable(question: Question, actor: User) -> None:
    """Forbidden unless ``actor`` may edit or retire ``question`` (:func:`may_edit`)."""
    if not may_edit(question, actor):
        raise Forbidden(
            "只能编辑或停用本单位的题目；题库共享题目仅管理员可修改。", code="not_owner"
        )


def get_question(question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None:
        raise NotFound("题目不存在。")
    return question


def _snapshot(question: Question) -> dict:
    values = {name: getattr(question, name) for name in EDITABLE}
    return values | {"themed_days": list(question.themed_days)}


def edit_question(question: Question, values: QuestionEdit, *, actor: User) -> list[str]:
    """Apply an edit (or raise QuestionInvalid); returns warnings worth a second look."""
    require_editable(question, actor)
    candidate = {"type": question.type, **values.__dict__}
    problems: dict[str, list[str]] = {}
    for name, message in question_problems(candidate):
        problems.setdefault(name, []).append(message)
    if problems:
        raise QuestionInvalid(problems)
    before = _snapshot(question)
    for name in EDITABLE:
        setattr(question, name, getattr(values, name))
    question.themed_days = values.themed_days
    after = _snapshot(question)
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        question.edited = True
        question.updated_by_id = actor.id
        record(actor, "bank.question.edit", "question", question.id, uid=question.uid, **changes)
        # A contest whose pool is fixed keeps the version it fixed; this is the new one.
        version_if_pooled(question)
    db.session.commit()
    return answer_warnings(question)


def answer_warnings(question: Question) -> list[str]:
    """Warn when the stem gives the answer away (the answer text appears in the stem)."""
    if question.type == QuestionType.FILL_BLANK:
        answers = [str(a) for a in question.answer or []]
    elif question.type == QuestionType.TRUE_FALSE:
        return []
    else:
        options = question.options or []
        answers = [str(options[i]) for i in question.answer or [] if 0 <= i < len(options)]
    given_away = [a for a in answers if len(a.strip()) > 1 and a.strip() in question.stem]
    if given_away:
        return [f"注意：题干中出现了答案「{'、'.join(given_away)}」，学生可能直接看出答案。"]
    return []


def set_status(question: Question, status: str, *, actor: User) -> None:
    """Approve or retire one question (retiring keeps it: attempts still refer to it)."""
    if status not in ("approved", "retired", "draft"):
        raise DomainError(f"无效的状态：{status}")
    require_editable(question, actor)
    if status == QuestionStatus.APPROVED and question_problems(_as_raw(question)):
        raise DomainError("该题目不符合出题规则，请先编辑修正后再通过。")
    if question.status == status:
        return
    record(actor, f"bank.question.{status}", "question", question.id, before=question.status)
    question.status = status
    question.updated_by_id = actor.id
    if status == QuestionStatus.RETIRED:
        question.edited = True
    db.session.commit()


def bulk_approve(question_ids: list[int], *, actor: User) -> tuple[int, int]:
    """Approve the given draft questions; returns (approved, skipped as invalid or retired)."""
    if not question_ids:
        raise DomainError("请先勾选要通过的题目。")
    wanted = [i for i in question_ids if storable_id(i)]
    questions = db.session.execute(select(Question).where(Question.id.in_(wanted))).scalars()
    return _approve(list(questions), actor=actor, action="bank.question.bulk_approve")


def approve_recommended(source_id: str, *, actor: User) -> tuple[int, int]:
    """Approve every question the generator recommends from one article (one action, audited);
    returns (approved, skipped as invalid or retired)."""
    # A NUL or other control character cannot be an id (and PostgreSQL refuses it in a query).
    if not source_id.isprintable() or not db.session.get(Source, source_id):
        raise NotFound("文章不存在。")
    questions = db.session.execute(
        select(Question).where(Question.source_id == source_id, Question.recommended.is_(True))
    ).scalars()
    chosen = [q for q in questions if q.status == QuestionStatus.DRAFT]
    if not chosen:
        raise DomainError("这篇文章没有待审核的推荐题目。", code="nothing_recommended")
    return _approve(chosen, actor=actor, action="bank.source.approve_recommended", source=source_id)


def _approve(questions: list[Question], *, actor: User, action: str, **details) -> tuple[int, int]:
    approved, skipped = [], 0
    for question in questions:
        if not may_edit(question, actor):
            skipped += 1
            continue
        if question.status == QuestionStatus.APPROVED:
            continue
        # A retired question comes back only one at a time, on purpose.
        if question.status == QuestionStatus.RETIRED or question_problems(_as_raw(question)):
            skipped += 1
            continue
        question.status = QuestionStatus.APPROVED
        question.updated_by_id = actor.id
        approved.append(question.id)
    if approved:
        record(actor, action, "question", None, ids=approved, **details)
    db.session.commit()
    return len(approved), skipped


def _as_raw(question: Question) -> dict:
    return {
        "type": question.type,
        "stem": question.stem,
        "options": list(question.options or []),
        "answer": list(question.answer or []),
        "difficulty": question.difficulty,
        "status": question.status,
        "themed_days": question.themed_days,
    }
