"""Contests: create, edit, duplicate and delete, with the checks that a contest can run."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quiz.enums import Access
from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.models.audit import record
from quiz.services import Conflict, DomainError
from quiz.services.contests.entry import new_join_code
from quiz.services.contests.papers import check_runnable
from quiz.services.contests.pools import release_pool
from quiz.services.contests.values import (
    ContestValues,
    apply_values,
    check_references,
    draw_signature,
    validate,
    values_of,
)


def attempt_count(contest: Contest) -> int:
    """Real (non-preview) attempts at ``contest``."""
    return db.session.execute(
        select(func.count())
        .select_from(Attempt)
        .where(Attempt.contest_id == contest.id, Attempt.is_preview.is_(False))
    ).scalar_one()


def has_attempts(contest: Contest) -> bool:
    """Whether any student has started ``contest`` (an unsaved contest has none)."""
    return contest.id is not None and attempt_count(contest) > 0


def prepare(
    contest: Contest, values: ContestValues, actor: User | None, *, check_draw: bool = True
) -> None:
    """Check and apply ``values`` without committing; the session is rolled back on refusal.

    ``check_draw`` False skips the bank check: a fixed pool whose draw is unchanged no longer
    depends on the bank (a question retired since does not block renaming the contest).
    """
    try:
        validate(values)
        check_references(values, actor)
        with db.session.no_autoflush:
            apply_values(contest, values)
            if check_draw:
                check_runnable(contest)
    except DomainError:
        db.session.rollback()
        raise


def save_contest(
    contest: Contest | None,
    values: ContestValues,
    *,
    actor: User | None,
    organization_id: int | None = None,
) -> Contest:
    """Create (contest=None) or update a contest after checking it can run.

    A new contest belongs to ``organization_id`` or else the actor's unit. Once students have
    attempts, the draw may no longer change: their papers are snapshots, but a changed draw
    would make the contest unfair between students. Before that (previews only) a changed
    draw lets a fixed pool go: the next start fixes it from the new rules.
    """
    creating = contest is None
    redrawn = not creating and draw_signature(contest) != draw_signature(values)
    if creating:
        contest = Contest(
            created_by_id=actor.id if actor else None,
            organization_id=organization_id or (actor.organization_id if actor else None),
        )
    elif redrawn and has_attempts(contest):
        raise Conflict(
            "已有学生答题，不能再修改题目数量、抽题规则、分值或主题日；可复制比赛后修改。",
            code="contest_has_attempts",
        )
    pool_kept = not creating and not redrawn and contest.pool_fixed_at is not None
    prepare(contest, values, actor, check_draw=not pool_kept)
    if redrawn:
        release_pool(contest)  # a pool fixed under the old draw (previews only): fix it anew
    db.session.add(contest)  # only now: an autoflush must never see a half-filled contest
    db.session.flush()
    action = "contest.create" if creating else "contest.update"
    record(actor, action, "contest", contest.id, title=contest.title)
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise DomainError("比赛设置无效（数据库约束）。", code="integrity") from error
    return contest


def duplicate(contest: Contest, *, actor: User) -> Contest:
    """A copy with the same rules, owned by the same unit; a join code is never shared."""
    values = values_of(contest)
    values.title = f"{contest.title}（副本）"
    if values.access == Access.CODE:
        values.join_code = new_join_code()
    return save_contest(None, values, actor=actor, organization_id=contest.organization_id)


def delete(contest: Contest, *, actor: User) -> None:
    """Delete a contest without attempts; one with attempts must be kept for the record."""
    if has_attempts(contest):
        raise Conflict("该比赛已有答题记录，不能删除。", code="contest_has_attempts")
    record(actor, "contest.delete", "contest", contest.id, title=contest.title)
    db.session.delete(contest)
    db.session.commit()
