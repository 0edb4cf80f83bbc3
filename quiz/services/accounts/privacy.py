"""Personal data of students (PIPL, 个人信息保护法): a copy on request, erasure, retention.

* :func:`export_personal_data` is everything the app holds about one student, as a dict with
  Chinese keys (the admin hands it over as a JSON file): the account, its unit, attempts with
  answers and scores, the 错题本, login failures, the session, audit entries about them.
  Another student's data never enters it; answer keys are left out (a contest may still run).
* :func:`erase_personal_data` replaces the name, username and unit with an anonymous
  placeholder (``已注销用户-3f9a2c``), removes the password and login records, and ends every
  session. Attempts and scores stay, so boards keep every rank; the boards aggregate drops the
  unit from its rows through :data:`~quiz.services.signals.personal_data_erasing`.
* :func:`purge_expired` erases the students whose every contest closed more than
  ``RETENTION_DAYS`` ago and who have not logged in since (``flask privacy purge``).

Every copy and erasure is audited; the erasure's audit row never holds the erased name, and
older audit rows about the student lose it too. Only admins reach these (see
:func:`get_student_for_privacy`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from quiz.bank.constants import THEMED_DAYS
from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import (
    Answer,
    Attempt,
    AuditLog,
    Contest,
    IntegrityEvent,
    LoginFailure,
    Question,
    ReviewItem,
    Role,
    User,
)
from quiz.models.accounts import PendingCredentials
from quiz.models.audit import record
from quiz.services import Conflict, DomainError, Forbidden, NotFound
from quiz.services.signals import personal_data_erased, personal_data_erasing
from quiz.timeutil import to_local

#: The display name of an erased account: this prefix and a short random tag.
ERASED_NAME_PREFIX = "已注销用户-"
#: The username of an erased account (matches the username pattern, never typed by anyone).
ERASED_USERNAME_PREFIX = "erased-"
#: A password hash no password matches (werkzeug and argon2 both refuse it): no login.
NO_PASSWORD = "!erased"  # noqa: S105 (not a secret: a hash that matches nothing)


def _when(value: datetime | None) -> str | None:
    """Times in the copy: ISO 8601 in Asia/Shanghai, as the pages show them."""
    return to_local(value).isoformat() if value is not None else None


def get_student_for_privacy(actor: User, user_id: int) -> User:
    """The student ``user_id`` if ``actor`` is an admin (organizers never see these actions)."""
    if not actor.is_admin:
        raise Forbidden("只有管理员可以导出或注销个人信息。")
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("账号不存在。")
    if user.role != Role.STUDENT:
        raise DomainError("只能导出或注销学生的个人信息。", code="not_student")
    return user


# --- the copy ----------------------------------------------------------------------------


def personal_data(user: User, *, now: datetime) -> dict:
    """Everything held about ``user``, with Chinese keys (see docs/privacy.md for English)."""
    attempts = (
        db.session.execute(
            select(Attempt)
            .where(Attempt.user_id == user.id)
            .order_by(Attempt.started_at, Attempt.id)
        )
        .scalars()
        .all()
    )
    attempt_ids = [a.id for a in attempts]
    return {
        "说明": "本文件是网安周知识竞赛系统中关于您的全部个人信息副本（时间为北京时间）。",
        "生成时间": _when(now),
        "账号": _account(user),
        "答题记录": [_attempt(a) for a in attempts],
        "错题本": _review_items(user),
        "登录失败记录": [
            {
                "来源": row.source,
                "失败次数": row.failures,
                "锁定至": _when(row.locked_until),
                "最近失败": _when(row.last_failed_at),
            }
            for row in db.session.scalars(
                select(LoginFailure).where(LoginFailure.user_id == user.id)
            )
        ],
        "会话": {
            "会话版本": user.session_version,
            "最近登录": _when(user.last_login_at),
            "说明": "系统不保存登录IP或设备；会话版本变化会使所有已登录的会话失效。",
        },
        "审计记录": [_audit(row) for row in _audit_rows(user.id, attempt_ids)],
    }


def _account(user: User) -> dict:
    return {
        "编号": user.id,
        "用户名": user.username,
        "姓名": user.display_name,
        "角色": "学生",
        "单位": user.organization.path if user.organization else None,
        "创建时间": _when(user.created_at),
        "最近登录": _when(user.last_login_at),
        "账号状态": "正常" if user.is_active_account else "已停用",
        "测试账号": user.is_test_account,
        "须修改密码": user.must_change_password,
        "注销时间": _when(user.erased_at),
    }


def _attempt(attempt: Attempt) -> dict:
    contest = attempt.contest
    items = {item.get("question_id"): item for item in attempt.paper or []}
    answers = sorted(attempt.answers, key=lambda a: a.id)
    events = db.session.scalars(
        select(IntegrityEvent)
        .where(IntegrityEvent.attempt_id == attempt.id)
        .order_by(IntegrityEvent.id)
    )
    return {
        "编号": attempt.id,
        "竞赛": contest.title,
        "主题日": THEMED_DAYS.get(contest.themed_day) if contest.themed_day else None,
        "第几次": attempt.number,
        "状态": AttemptStatus(attempt.status).label,
        "预览": attempt.is_preview,
        "开始时间": _when(attempt.started_at),
        "截止时间": _when(attempt.deadline),
        "交卷时间": _when(attempt.finished_at),
        "延长秒数": attempt.extension_seconds,
        "得分": attempt.score,
        "满分": attempt.max_score,
        "切屏次数": attempt.focus_losses,
        "切屏总时长毫秒": attempt.focus_away_ms,
        "答案": [_answer(a, items.get(a.question_id, {})) for a in answers],
        "切屏记录": [
            {"类型": e.kind, "服务器时间": _when(e.server_time), "离开毫秒": e.away_ms}
            for e in events
        ],
    }


def _answer(answer: Answer, item: dict) -> dict:
    """One saved answer with the stem and options as shown (never the key)."""
    options = item.get("options") or []
    chosen = [options[i] for i in answer.choice or [] if isinstance(i, int) and i < len(options)]
    return {
        "题目编号": answer.question_id,
        "题干": item.get("stem"),
        "选项": options,
        "所选": chosen,
        "填写": answer.text,
        "得分": answer.points,
        "正确": answer.is_correct,
        "保存时间": _when(answer.saved_at),
    }


def _review_items(user: User) -> list[dict]:
    rows = db.session.execute(
        select(ReviewItem, Question.stem)
        .join(Question, Question.id == ReviewItem.question_id)
        .where(ReviewItem.user_id == user.id)
        .order_by(ReviewItem.id)
    )
    return [
        {
            "题目编号": item.question_id,
            "题干": stem,
            "答错次数": item.times_wrong,
            "最近答错": _when(item.last_wrong_at),
            "掌握时间": _when(item.mastered_at),
        }
        for item, stem in rows
    ]


def _audit_rows(user_id: int, attempt_ids: list[int]) -> list[AuditLog]:
    """Audit entries about the user: on the account itself or on one of their attempts."""
    about = (AuditLog.target_type == "user") & (AuditLog.target_id == user_id)
    if attempt_ids:
        about = or_(
            about, (AuditLog.target_type == "attempt") & AuditLog.target_id.in_(attempt_ids)
        )
    return db.session.scalars(select(AuditLog).where(about).order_by(AuditLog.id)).all()


def _audit(row: AuditLog) -> dict:
    """An audit entry as the student sees it: the actor by role only (staff are not named)."""
    actor = row.actor
    role = {"admin": "管理员", "organizer": "组织者"}.get(actor.role, "系统") if actor else "系统"
    return {
        "时间": _when(row.created_at),
        "操作": row.action,
        "对象类型": row.target_type,
        "对象编号": row.target_id,
        "操作者": role,
        "详情": row.details,
    }


def export_personal_data(actor: User | None, user: User, *, now: datetime) -> dict:
    """The copy of ``user``'s data, audited (who, whom, when); commits the audit row."""
    copy = personal_data(user, now=now)
    record(actor, "privacy.export", "user", user.id, at=now.isoformat())
    db.session.commit()
    return copy


def copy_filename(user: User, now: datetime) -> str:
    """``personal-data-<id>-<date>.json``: ids, not names, in file names (they get forwarded)."""
    return f"personal-data-{user.id}-{to_local(now):%Y%m%d}.json"


# --- erasure -----------------------------------------------------------------------------


def _free_placeholder() -> tuple[str, str]:
    """(display name, username) not used by any account yet."""
    while True:
        tag = secrets.token_hex(3)
        username = f"{ERASED_USERNAME_PREFIX}{secrets.token_hex(6)}"
        taken = db.session.scalar(select(func.count()).where(User.username == username))
        if not taken:
            return f"{ERASED_NAME_PREFIX}{tag}", username


def erase_personal_data(
    actor: User | None, user: User, *, now: datetime, reason: str = "request", resync: bool = True
) -> str:
    """Erase ``user``'s personal data and keep their anonymized results; the placeholder name.

    Idempotent: an erased account is left as it is. ``reason`` is ``request`` (the student
    asked) or ``retention`` (the purge); ``actor`` None means the system. ``resync=False``
    leaves announcing the commit (:data:`personal_data_erased`) to the caller (a purge does it
    once for all).
    """
    if user.erased_at is not None:
        return user.display_name
    if user.role != Role.STUDENT:
        raise DomainError("只能注销学生的个人信息。", code="not_student")
    old = {user.username, user.display_name}
    attempt_ids = list(db.session.scalars(select(Attempt.id).where(Attempt.user_id == user.id)))
    name, username = _free_placeholder()
    user.display_name, user.username = name, username
    user.organization_id = None
    user.password_hash = NO_PASSWORD
    user.is_active_account = False
    user.must_change_password = False
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, None
    user.erased_at = now
    user.session_version = (user.session_version or 1) + 1  # ends every session and cookie
    db.session.execute(LoginFailure.__table__.delete().where(LoginFailure.user_id == user.id))
    _scrub_audit(user.id, attempt_ids, old, name)
    _scrub_pending_credentials(old)
    record(
        actor,
        "privacy.erase",
        "user",
        user.id,
        reason=reason,
        placeholder=name,
        attempts_kept=len(attempt_ids),
        at=now.isoformat(),
    )
    personal_data_erasing.send(user.id)
    try:
        db.session.commit()
    except IntegrityError as error:  # an unlucky placeholder taken meanwhile: try again
        db.session.rollback()
        raise Conflict("注销未完成，请重试。", code="erase_conflict") from error
    if resync:
        personal_data_erased.send((user.id,))
    return name


def _scrub(value, old: set[str], placeholder: str):
    """``value`` (JSON) with every occurrence of the old name or username replaced."""
    if isinstance(value, str):
        for word in sorted(old, key=len, reverse=True):
            if word:
                value = value.replace(word, placeholder)
        return value
    if isinstance(value, list):
        return [_scrub(v, old, placeholder) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, old, placeholder) for k, v in value.items()}
    return value


def _scrub_audit(user_id: int, attempt_ids: list[int], old: set[str], placeholder: str) -> None:
    """Older audit rows about the student keep their facts but lose the name and username."""
    for row in _audit_rows(user_id, attempt_ids):
        cleaned = _scrub(row.details or {}, old, placeholder)
        if cleaned != row.details:
            row.details = cleaned


def _scrub_pending_credentials(old: set[str]) -> None:
    """Drop the student's line from initial passwords not yet downloaded (rosters)."""
    for pending in db.session.scalars(select(PendingCredentials)):
        rows = [r for r in pending.rows or [] if not old.intersection(map(str, r))]
        if len(rows) != len(pending.rows or []):
            pending.rows = rows


# --- retention ---------------------------------------------------------------------------


@dataclass
class PurgeReport:
    """What a purge erased (or, with ``dry_run``, would erase)."""

    cutoff: datetime
    dry_run: bool = False
    erased: list[int] = field(default_factory=list)


def expired_students(retention_days: int, *, now: datetime) -> tuple[datetime, list[int]]:
    """(cutoff, ids): students not yet erased who took part in contests, all of which closed
    before ``now - retention_days``, and who have not logged in since then."""
    cutoff = now - timedelta(days=retention_days)
    statement = (
        select(User.id)
        .join(Attempt, Attempt.user_id == User.id)
        .join(Contest, Contest.id == Attempt.contest_id)
        .where(
            User.role == Role.STUDENT,
            User.erased_at.is_(None),
            Attempt.is_preview.is_(False),
            or_(User.last_login_at.is_(None), User.last_login_at <= cutoff),
        )
        .group_by(User.id)
        .having(func.max(Contest.closes_at) <= cutoff)
        .order_by(User.id)
    )
    return cutoff, list(db.session.scalars(statement))


def purge_expired(
    retention_days: int | None, *, now: datetime, dry_run: bool = False
) -> PurgeReport:
    """Erase the personal data of past events' students (each one audited, reason
    ``retention``). Idempotent: erased students are not found again."""
    if not retention_days or retention_days < 1:
        raise DomainError("未设置保留期限（QUIZ_RETENTION_DAYS），不清除任何数据。", code="off")
    cutoff, ids = expired_students(retention_days, now=now)
    report = PurgeReport(cutoff=cutoff, dry_run=dry_run, erased=ids)
    if not dry_run:
        done = []
        try:
            for user_id in ids:
                user = db.session.get(User, user_id)
                erase_personal_data(None, user, now=now, reason="retention", resync=False)
                done.append(user_id)
        finally:  # the boards follow what was committed, even if one erasure failed
            personal_data_erased.send(tuple(done))
    return report
