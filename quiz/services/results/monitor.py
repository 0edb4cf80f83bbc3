"""The organizer's live view of a contest: one row per attempt, and one attempt's records.

Read-only: an overdue attempt is *shown* as expired (``effective_status``) but nothing is
written, so refreshing the monitor every few seconds never races the students' own requests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import func, select

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Answer, Attempt, AuditLog, Contest, IntegrityEvent, User
from quiz.services import NotFound
from quiz.services.accounts import choices
from quiz.services.attempts import effective_status, seconds_left, time_used_ms
from quiz.services.contests import require_manageable
from quiz.services.results.identity import IdentityView
from quiz.timeutil import iso_utc


@dataclass
class MonitorRow:
    """One attempt as the monitor table shows it."""

    attempt_id: int
    number: int
    student: str
    username: str
    organization: str
    status: str
    score: float
    max_score: float
    answered: int
    questions: int
    seconds_left: int | None
    time_used_ms: int
    focus_losses: int
    focus_away_ms: int
    started_at: datetime
    deadline: datetime
    extension_seconds: int

    def as_json(self) -> dict:
        data = asdict(self)
        data["started_at"] = iso_utc(self.started_at)
        data["deadline"] = iso_utc(self.deadline)
        return data


def monitor_rows(
    contest: Contest, *, now: datetime, grace_seconds: float, scope: set[int] | None = None
) -> list[MonitorRow]:
    """Every real attempt at ``contest``, newest first, with its status as of ``now``.

    Students outside ``scope`` (the viewer's organization ids; None: an admin) are masked
    (services.results.identity).
    """
    answered = dict(
        db.session.execute(
            select(Answer.attempt_id, func.count())
            .join(Attempt, Attempt.id == Answer.attempt_id)
            .where(Attempt.contest_id == contest.id)
            .group_by(Answer.attempt_id)
        ).all()
    )
    pairs = db.session.execute(
        select(Attempt, User)
        .join(User, User.id == Attempt.user_id)
        .where(Attempt.contest_id == contest.id, Attempt.is_preview.is_(False))
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    ).all()
    # One query for every unit's path instead of walking ancestors per student.
    paths = dict(choices(None)) if pairs else {}
    identities = IdentityView(scope, paths)
    rows = []
    for attempt, user in pairs:
        who = identities.of(user)
        status = effective_status(attempt, now, grace_seconds)
        running = status == AttemptStatus.IN_PROGRESS
        rows.append(
            MonitorRow(
                attempt_id=attempt.id,
                number=attempt.number,
                student=who.name,
                username=who.username,
                organization=who.organization,
                status=status,
                score=attempt.score,
                max_score=attempt.max_score,
                answered=answered.get(attempt.id, 0),
                questions=len(attempt.paper or ()),
                seconds_left=seconds_left(now, attempt.deadline) if running else None,
                time_used_ms=_time_used(attempt, status, now),
                focus_losses=attempt.focus_losses,
                focus_away_ms=attempt.focus_away_ms,
                started_at=attempt.started_at,
                deadline=attempt.deadline,
                extension_seconds=attempt.extension_seconds,
            )
        )
    return rows


def _time_used(attempt: Attempt, status: str, now: datetime) -> int:
    """Running attempts count up to now; finished ones use the attempt rule in timing."""
    if status == AttemptStatus.IN_PROGRESS:
        return max(0, int((now - attempt.started_at).total_seconds() * 1000))
    return time_used_ms(attempt.started_at, attempt.finished_at, attempt.deadline)


def status_counts(rows: list[MonitorRow]) -> dict[str, int]:
    """How many attempts are in each status (all four keys, zeros included)."""
    counts = dict.fromkeys(AttemptStatus.values(), 0)
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def get_attempt(attempt_id: int, user: User) -> Attempt:
    """An attempt at a contest ``user`` manages (NotFound / Forbidden otherwise)."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.is_preview:
        raise NotFound("答题记录不存在。")
    require_manageable(attempt.contest, user)
    return attempt


def integrity_log(attempt: Attempt) -> list[IntegrityEvent]:
    """Focus events of one attempt in the order the server received them."""
    return list(
        db.session.scalars(
            select(IntegrityEvent)
            .where(IntegrityEvent.attempt_id == attempt.id)
            .order_by(IntegrityEvent.server_time, IntegrityEvent.id)
        )
    )


def audit_entries(attempt: Attempt) -> list[AuditLog]:
    """Organizer actions on one attempt (extensions, voids), oldest first."""
    return list(
        db.session.scalars(
            select(AuditLog)
            .where(AuditLog.target_type == "attempt", AuditLog.target_id == attempt.id)
            .order_by(AuditLog.created_at, AuditLog.id)
        )
    )
