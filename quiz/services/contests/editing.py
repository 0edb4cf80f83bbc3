"""Contests and events: validation, create/edit/duplicate/delete, the week, scope and entry rules."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from quiz.extensions import db
from quiz.models import Attempt, Contest, Event, Organization, Question, User
from quiz.models.audit import record
from quiz.services import Conflict, DomainError, Forbidden, NotFound
from quiz.services.contest_values import (  # noqa: F401  (re-exported: the public names live here)
    DEFAULT_TYPE_COUNTS,
    THEMED_DAYS,
    ContestValues,
    apply_values,
    check_references,
    draw_signature,
    normalize_code,
    validate,
)
from quiz.services.draw import TYPE_LABELS
from quiz.services.organizations import descendant_ids, managed_ids
from quiz.services.papers import check_runnable
from quiz.timeutil import from_local

DEFAULT_WEEK_TITLE = "四川省2021年国家网络安全宣传周"


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


def _prepare(contest: Contest, values: ContestValues, actor: User | None) -> None:
    """Check and apply ``values`` without committing; the session is rolled back on refusal."""
    try:
        validate(values)
        check_references(values, actor)
        with db.session.no_autoflush:
            apply_values(contest, values)
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
    would make the contest unfair between students.
    """
    creating = contest is None
    if creating:
        contest = Contest(
            created_by_id=actor.id if actor else None,
            organization_id=organization_id or (actor.organization_id if actor else None),
        )
    elif has_attempts(contest) and draw_signature(contest) != draw_signature(values):
        raise Conflict(
            "已有学生答题，不能再修改题目数量、抽题规则、分值或主题日；可复制比赛后修改。",
            code="contest_has_attempts",
        )
    _prepare(contest, values, actor)
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


def values_of(contest: Contest) -> ContestValues:
    """The editable values of a contest (for edit forms and duplication)."""
    rules = contest.draw_rules or {}
    return ContestValues(
        title=contest.title,
        description=contest.description,
        themed_day=contest.themed_day,
        opens_at=contest.opens_at,
        closes_at=contest.closes_at,
        time_limit_seconds=contest.time_limit_seconds,
        question_count=contest.question_count,
        draw_mode=contest.draw_mode,
        type_counts=dict(rules.get("types", {})),
        difficulty_counts=dict(rules.get("difficulty", {})),
        fixed_question_ids=[link.question_id for link in contest.fixed_questions],
        points_per_question=contest.points_per_question,
        partial_credit=contest.partial_credit,
        attempts_allowed=contest.attempts_allowed,
        counting=contest.counting,
        access=contest.access,
        join_code=contest.join_code,
        organization_ids=[link.organization_id for link in contest.allowed_organizations],
        show_answers=contest.show_answers,
        auto_submit_after_switches=contest.auto_submit_after_switches,
        event_id=contest.event_id,
        freeze_at=contest.freeze_at,
    )


def duplicate(contest: Contest, *, actor: User) -> Contest:
    """A copy with the same rules, owned by the same unit; a join code is never shared."""
    values = values_of(contest)
    values.title = f"{contest.title}（副本）"
    if values.access == "code":
        values.join_code = new_join_code()
    return save_contest(None, values, actor=actor, organization_id=contest.organization_id)


def delete(contest: Contest, *, actor: User) -> None:
    """Delete a contest without attempts; one with attempts must be kept for the record."""
    if has_attempts(contest):
        raise Conflict("该比赛已有答题记录，不能删除。", code="contest_has_attempts")
    record(actor, "contest.delete", "contest", contest.id, title=contest.title)
    db.session.delete(contest)
    db.session.commit()


def week_type_counts(question_count: int) -> dict[str, int]:
    """The default mix of types, scaled down for shorter papers (the rest is any type)."""
    if question_count >= sum(DEFAULT_TYPE_COUNTS.values()):
        return dict(DEFAULT_TYPE_COUNTS)
    scale = question_count / sum(DEFAULT_TYPE_COUNTS.values())
    return {k: int(v * scale) for k, v in DEFAULT_TYPE_COUNTS.items() if int(v * scale)}


def create_week(
    *,
    title: str,
    start: date,
    actor: User | None,
    open_now: bool = False,
    now: datetime,
    time_limit_seconds: int = 600,
    question_count: int = 10,
    organization_id: int | None = None,
) -> Event:
    """An event with the six themed-day contests, one day each from ``start`` (Asia/Shanghai).

    ``open_now`` opens all six at once for a week from ``now`` (rehearsals and demos). The
    event belongs to ``organization_id`` when given (scripts), else to the actor's unit.
    """
    title = (title or "").strip() or DEFAULT_WEEK_TITLE
    if organization_id is None and actor is not None:
        organization_id = actor.organization_id
    event = Event(
        title=title,
        start_date=start.isoformat(),
        organization_id=organization_id,
        created_by_id=actor.id if actor else None,
    )
    db.session.add(event)
    db.session.flush()
    for offset, (code, name) in enumerate(THEMED_DAYS.items()):
        day = start + timedelta(days=offset)
        opens_at = from_local(datetime.combine(day, time(0, 0)))
        closes_at = from_local(datetime.combine(day, time(23, 59, 59)))
        if open_now:
            opens_at, closes_at = now - timedelta(minutes=1), now + timedelta(days=7)
        values = ContestValues(
            title=f"{name}知识竞赛",
            description=f"{title} · {name}",
            themed_day=code,
            opens_at=opens_at,
            closes_at=closes_at,
            time_limit_seconds=time_limit_seconds,
            question_count=question_count,
            type_counts=week_type_counts(question_count),
            event_id=event.id,
        )
        contest = Contest(created_by_id=event.created_by_id, organization_id=event.organization_id)
        try:
            _prepare(contest, values, actor)
        except DomainError as error:
            raise DomainError(f"{name}：{error.message}", code=error.code) from error
        db.session.add(contest)
    record(actor, "event.create_week", "event", event.id, title=title, start=start.isoformat())
    db.session.commit()
    return event


def event_contests(event: Event) -> list[Contest]:
    """An event's contests by opening time, then in the seed article's order of days."""
    order = {code: i for i, code in enumerate(THEMED_DAYS)}
    return sorted(event.contests, key=lambda c: (c.opens_at, order.get(c.themed_day, 99), c.id))


def manageable(user: User) -> tuple[list[Event], list[Contest]]:
    """Events and standalone contests ``user`` manages, newest first."""
    scope = managed_ids(user)
    events = select(Event).order_by(Event.start_date.desc(), Event.id.desc())
    standalone = select(Contest).where(Contest.event_id.is_(None)).order_by(Contest.opens_at.desc())
    if scope is not None:
        events = events.where(Event.organization_id.in_(scope))
        standalone = standalone.where(Contest.organization_id.in_(scope))
    return list(db.session.scalars(events)), list(db.session.scalars(standalone))


def new_join_code() -> str:
    """A fresh six-character code (0-9, A-F), short enough to read out in class."""
    return secrets.token_hex(3).upper()


def may_enter(contest: Contest, user: User, *, entered_codes: set[int]) -> bool:
    """Whether ``user`` may take ``contest`` (entered_codes: contests unlocked by join code)."""
    if user.is_organizer:
        return True
    if contest.access == "everyone":
        return True
    if contest.access == "code":
        return contest.id in entered_codes
    if user.organization is None:
        return False
    allowed: set[int] = set()
    for link in contest.allowed_organizations:
        org = db.session.get(Organization, link.organization_id)
        if org is not None:
            allowed |= descendant_ids(org)
    return user.organization_id in allowed


def check_join_code(contest: Contest, code: str) -> bool:
    """Whether ``code`` unlocks ``contest`` (compared after normalization)."""
    return contest.access == "code" and normalize_code(code) == contest.join_code


def require_manageable(contest: Contest | None, user: User) -> Contest:
    """Organizers manage contests of their own unit (or below); admins manage all."""
    if contest is None:
        raise NotFound("比赛不存在。")
    scope = managed_ids(user)
    if scope is not None and contest.organization_id not in scope:
        raise Forbidden("您无权管理该比赛。")
    return contest


def require_manageable_event(event: Event | None, user: User) -> Event:
    """The same scope rule for events."""
    if event is None:
        raise NotFound("活动不存在。")
    scope = managed_ids(user)
    if scope is not None and event.organization_id not in scope:
        raise Forbidden("您无权管理该活动。")
    return event


def pickable_questions() -> list[tuple[int, str]]:
    """(id, label) of every approved question, for the hand-picked set's checkbox list."""
    questions = db.session.scalars(
        select(Question)
        .where(Question.status == "approved")
        .options(selectinload(Question.days))
        .order_by(Question.id)
    )
    return [
        (
            q.id,
            f"[{TYPE_LABELS.get(q.type, q.type)}·难度{q.difficulty}·"
            f"{'、'.join(THEMED_DAYS.get(d, '通用') for d in q.themed_days) or '未标注'}] {q.stem}",
        )
        for q in questions
    ]
