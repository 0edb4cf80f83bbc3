"""Contests and events: validation, create/edit/duplicate/delete, the week, and entry rules."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import Attempt, Contest, ContestOrganization, ContestQuestion, Event, User
from quiz.models.audit import record
from quiz.models.contests import ACCESS_RULES, COUNTING_RULES, DRAW_MODES, SHOW_ANSWERS
from quiz.services import Conflict, DomainError, Forbidden
from quiz.services.organizations import descendant_ids, managed_ids
from quiz.services.papers import check_runnable
from quiz.timeutil import from_local

#: The six themed days in the order of the seed article.
THEMED_DAYS = {
    "campus": "校园日",
    "telecom": "电信日",
    "law": "法治日",
    "finance": "金融日",
    "youth": "青少年日",
    "privacy": "个人信息保护日",
}
DEFAULT_TYPE_COUNTS = {"single_choice": 5, "multiple_choice": 2, "true_false": 2, "fill_blank": 1}


@dataclass
class ContestValues:
    """Everything an organizer sets on a contest (times already in UTC)."""

    title: str
    opens_at: datetime
    closes_at: datetime
    description: str = ""
    themed_day: str | None = None
    time_limit_seconds: int = 600
    question_count: int = 10
    draw_mode: str = "rules"
    type_counts: dict[str, int] = field(default_factory=dict)
    difficulty_counts: dict[str, int] = field(default_factory=dict)
    fixed_question_ids: list[int] = field(default_factory=list)
    points_per_question: int = 10
    partial_credit: bool = False
    attempts_allowed: int = 1
    counting: str = "best"
    access: str = "everyone"
    join_code: str | None = None
    organization_ids: list[int] = field(default_factory=list)
    show_answers: str = "after_submit"
    auto_submit_after_switches: int | None = None
    event_id: int | None = None


def validate(values: ContestValues) -> None:
    """Refuse values with which a contest could not run (Chinese messages)."""
    if not values.title.strip():
        raise DomainError("请填写比赛名称。", code="bad_title")
    if values.closes_at <= values.opens_at:
        raise DomainError("结束时间必须晚于开始时间。", code="close_before_open")
    if values.time_limit_seconds <= 0:
        raise DomainError("答题时限必须大于0。", code="bad_time_limit")
    if values.question_count <= 0:
        raise DomainError("题目数量必须大于0。", code="bad_question_count")
    if values.attempts_allowed <= 0:
        raise DomainError("允许答题次数必须大于0。", code="bad_attempts")
    if values.themed_day and values.themed_day not in THEMED_DAYS:
        raise DomainError("未知的主题日。", code="bad_day")
    checks = (
        (values.counting, COUNTING_RULES, "计分方式"),
        (values.access, ACCESS_RULES, "参赛范围"),
        (values.show_answers, SHOW_ANSWERS, "公布答案时间"),
        (values.draw_mode, DRAW_MODES, "抽题方式"),
    )
    for value, allowed, label in checks:
        if value not in allowed:
            raise DomainError(f"{label}无效。", code="bad_choice")
    if values.access == "code" and not (values.join_code or "").strip():
        raise DomainError("请设置参赛口令。", code="missing_join_code")
    if values.access == "organizations" and not values.organization_ids:
        raise DomainError("请至少选择一个可参赛的单位。", code="missing_organizations")


def _apply(contest: Contest, values: ContestValues) -> None:
    for name in (
        "title",
        "description",
        "themed_day",
        "opens_at",
        "closes_at",
        "time_limit_seconds",
        "question_count",
        "draw_mode",
        "points_per_question",
        "partial_credit",
        "attempts_allowed",
        "counting",
        "access",
        "show_answers",
        "auto_submit_after_switches",
        "event_id",
    ):
        setattr(contest, name, getattr(values, name))
    contest.title = values.title.strip()
    contest.join_code = normalize_code(values.join_code) if values.access == "code" else None
    contest.draw_rules = {
        "types": {k: v for k, v in values.type_counts.items() if v},
        "difficulty": {str(k): v for k, v in values.difficulty_counts.items() if v},
    }
    contest.allowed_organizations = (
        [
            ContestOrganization(organization_id=org_id)
            for org_id in sorted(set(values.organization_ids))
        ]
        if values.access == "organizations"
        else []
    )
    contest.fixed_questions = (
        [
            ContestQuestion(question_id=qid, position=pos)
            for pos, qid in enumerate(values.fixed_question_ids)
        ]
        if values.draw_mode == "fixed"
        else []
    )


def has_attempts(contest: Contest) -> bool:
    return bool(
        db.session.execute(
            select(func.count())
            .select_from(Attempt)
            .where(Attempt.contest_id == contest.id, Attempt.is_preview.is_(False))
        ).scalar_one()
    )


def save_contest(contest: Contest | None, values: ContestValues, *, actor: User) -> Contest:
    """Create (contest=None) or update a contest after checking it can run.

    Once students have attempts, the question draw may no longer change (their papers are
    snapshots anyway, but a changed draw would make the contest unfair between students).
    """
    validate(values)
    creating = contest is None
    if creating:
        contest = Contest(created_by_id=actor.id, organization_id=actor.organization_id)
        db.session.add(contest)
    elif has_attempts(contest):
        frozen = (
            "question_count",
            "draw_mode",
            "points_per_question",
            "themed_day",
            "partial_credit",
        )
        changed = [n for n in frozen if getattr(contest, n) != getattr(values, n)]
        old_rules = contest.draw_rules or {}
        if changed or old_rules.get("types", {}) != {
            k: v for k, v in values.type_counts.items() if v
        }:
            db.session.rollback()
            raise Conflict(
                "已有学生答题，不能再修改题目数量、抽题规则、分值或主题日；可复制比赛后修改。",
                code="contest_has_attempts",
            )
    _apply(contest, values)
    with db.session.no_autoflush:
        try:
            check_runnable(contest)
        except DomainError:
            db.session.rollback()
            raise
    record(
        actor,
        "contest.create" if creating else "contest.update",
        "contest",
        None,
        title=contest.title,
    )
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
    )


def duplicate(contest: Contest, *, actor: User) -> Contest:
    values = values_of(contest)
    values.title = f"{contest.title}（副本）"
    return save_contest(None, values, actor=actor)


def delete(contest: Contest, *, actor: User) -> None:
    """Delete a contest without attempts; one with attempts must be kept for the record."""
    if has_attempts(contest):
        raise Conflict("该比赛已有答题记录，不能删除。", code="contest_has_attempts")
    record(actor, "contest.delete", "contest", contest.id, title=contest.title)
    db.session.delete(contest)
    db.session.commit()


def create_week(
    *,
    title: str,
    start: date,
    actor: User | None,
    open_now: bool = False,
    now: datetime,
    time_limit_seconds: int = 600,
    question_count: int = 10,
) -> Event:
    """An event with the six themed-day contests, one day each from ``start`` (Asia/Shanghai)."""
    event = Event(
        title=title,
        start_date=start.isoformat(),
        organization_id=actor.organization_id if actor else None,
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
        contest = Contest(
            event_id=event.id,
            title=f"{name}知识竞赛",
            themed_day=code,
            description=f"{title} · {name}",
            opens_at=opens_at,
            closes_at=closes_at,
            time_limit_seconds=time_limit_seconds,
            question_count=question_count,
            draw_rules={"types": dict(DEFAULT_TYPE_COUNTS)},
            created_by_id=event.created_by_id,
            organization_id=event.organization_id,
        )
        db.session.add(contest)
        try:
            check_runnable(contest)
        except DomainError as error:
            db.session.rollback()
            raise DomainError(f"{name}：{error.message}", code=error.code) from error
    record(actor, "event.create_week", "event", event.id, title=title, start=start.isoformat())
    db.session.commit()
    return event


def normalize_code(code: str | None) -> str | None:
    """Join codes compare under NFKC and upper case, so ＡＢＣ１２ and abc12 match."""
    if not code:
        return None
    return unicodedata.normalize("NFKC", code).strip().upper()


def new_join_code() -> str:
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
        from quiz.models import Organization

        org = db.session.get(Organization, link.organization_id)
        if org is not None:
            allowed |= descendant_ids(org)
    return user.organization_id in allowed


def check_join_code(contest: Contest, code: str) -> bool:
    return contest.access == "code" and normalize_code(code) == contest.join_code


def require_manageable(contest: Contest | None, user: User) -> Contest:
    """Organizers manage contests of their own unit (or below); admins manage all."""
    from quiz.services import NotFound

    if contest is None:
        raise NotFound("比赛不存在。")
    scope = managed_ids(user)
    if scope is not None and contest.organization_id not in scope:
        raise Forbidden("您无权管理该比赛。")
    return contest
