"""Attempts: start (draw a paper), save answers, submit, expire, extend and void.

Every function takes ``now``; routes pass :func:`quiz.timeutil.utcnow`. The database backs the
rules: one open attempt per student and contest (a partial unique index), one answer per
question (a unique constraint).

Ending an attempt is announced through :mod:`quiz.services.signals` (the boards aggregate
writes its standings on :data:`attempt_ending`, inside the same transaction).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.services import Conflict, Forbidden, NotFound
from quiz.services.attempts.review import remember_wrong_answers
from quiz.services.attempts.timing import (
    OPEN,
    contest_state,
    fixed_deadline,
    is_overdue,
    time_used_ms,
)
from quiz.services.contests import fix_pool
from quiz.services.signals import attempt_ended, attempt_ending


@dataclass
class AttemptResult:
    score: float
    max_score: float
    time_used_ms: int
    status: str


def persist_if_overdue(attempt: Attempt, *, now: datetime, grace_seconds: float) -> Attempt:
    """Record an open attempt whose time ran out as expired (on the student's next request)."""
    if attempt.status == AttemptStatus.IN_PROGRESS and is_overdue(
        now, attempt.deadline, grace_seconds
    ):
        finish(attempt, now=now, status=AttemptStatus.EXPIRED)
    return attempt


def open_attempt(contest: Contest, user: User) -> Attempt | None:
    return db.session.execute(
        select(Attempt).where(
            Attempt.contest_id == contest.id,
            Attempt.user_id == user.id,
            Attempt.status == AttemptStatus.IN_PROGRESS,
        )
    ).scalar_one_or_none()


def start_attempt(
    contest: Contest, user: User, *, now: datetime, grace_seconds: float, paper_builder
) -> tuple[Attempt, bool]:
    """Return the open attempt (False) or start a new one with a freshly drawn paper (True).

    ``paper_builder(contest, seed)`` returns the paper snapshot (see services.papers). The
    first start after ``opens_at`` (a preview's too) fixes the contest's pool
    (services.contests.pools). An organizer's (or admin's) attempt is always a preview: a
    rehearsal that never reaches a board, the 错题本 or the statistics, whichever unit the
    contest belongs to.
    """
    current = open_attempt(contest, user)
    if current is not None:
        if not is_overdue(now, current.deadline, grace_seconds):
            return current, False
        finish(current, now=now, status=AttemptStatus.EXPIRED)
    if contest_state(now, contest.opens_at, contest.closes_at) != OPEN:
        raise Conflict("比赛当前未开放。", code="contest_not_open")
    used = db.session.execute(
        select(func.count())
        .select_from(Attempt)
        .where(
            Attempt.contest_id == contest.id,
            Attempt.user_id == user.id,
            Attempt.status != AttemptStatus.VOIDED,
        )
    ).scalar_one()
    if used >= contest.attempts_allowed:
        raise Conflict("您的答题次数已用完。", code="no_attempts_left")
    number = (
        db.session.execute(
            select(func.max(Attempt.number)).where(
                Attempt.contest_id == contest.id, Attempt.user_id == user.id
            )
        ).scalar_one()
        or 0
    ) + 1
    # The first start after opens_at fixes the contest's pool, in this start's transaction.
    fix_pool(contest, now=now)
    seed = secrets.randbits(62)
    paper = paper_builder(contest, seed)
    attempt = Attempt(
        contest_id=contest.id,
        user_id=user.id,
        number=number,
        seed=seed,
        status=AttemptStatus.IN_PROGRESS,
        started_at=now,
        deadline=fixed_deadline(now, contest.time_limit_seconds, contest.closes_at),
        paper=paper,
        max_score=float(sum(item["points"] for item in paper)),
        is_preview=bool(user.is_organizer),
    )
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:
        # A simultaneous start won the race (same number or a second open attempt).
        db.session.rollback()
        winner = open_attempt(contest, user)
        if winner is None:
            raise Conflict("请勿重复开始答题，请刷新页面。", code="duplicate_start") from None
        return winner, False
    return attempt, True


def finish(attempt: Attempt, *, now: datetime, status: str = AttemptStatus.SUBMITTED) -> Attempt:
    """Close an open attempt exactly once, however many requests try at the same moment.

    One conditional UPDATE (``WHERE status = 'in_progress'``) decides: the request that changed
    the row runs the follow-up work — the 错题本, the standings (``attempt_ending``, in this
    transaction) and Redis (``attempt_ended``, after the commit). Every other caller (a double
    tap, a retry, another tab, the deadline) changed nothing and reads the winner's result, so
    all of them answer the same. An overdue attempt is closed as expired at its deadline.
    """
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return attempt
    finished_at = min(now, attempt.deadline) if status == AttemptStatus.EXPIRED else now
    closed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.status == AttemptStatus.IN_PROGRESS)
        .values(status=status, finished_at=finished_at)
        .execution_options(synchronize_session=False)
    )
    # The UPDATE holds the attempt (PostgreSQL: its row lock; SQLite: the write lock) until the
    # commit, so no answer can be saved from here on. What this session loaded before it — the
    # score, the answers, other attempts of the student — may predate a save that committed
    # meanwhile: forget it all and read it again under the lock.
    db.session.expire_all()
    if closed.rowcount != 1:  # someone else finished (or voided) it first
        db.session.commit()
        return attempt
    remember_wrong_answers(attempt, now=now)
    attempt_ending.send(attempt)
    db.session.commit()
    attempt_ended.send(attempt)
    return attempt


def submit(attempt: Attempt, *, now: datetime, grace_seconds: float) -> AttemptResult:
    """Hand in: idempotent; after the deadline it records the attempt as expired instead."""
    if attempt.status == AttemptStatus.IN_PROGRESS:
        late = is_overdue(now, attempt.deadline, grace_seconds)
        finish(attempt, now=now, status=AttemptStatus.EXPIRED if late else AttemptStatus.SUBMITTED)
    return result_of(attempt)


def result_of(attempt: Attempt) -> AttemptResult:
    return AttemptResult(
        score=attempt.score,
        max_score=attempt.max_score,
        time_used_ms=time_used_ms(attempt.started_at, attempt.finished_at, attempt.deadline),
        status=attempt.status,
    )


def close_overdue(*, now: datetime, grace_seconds: float) -> int:
    """Persist every open attempt whose time ran out (for the periodic CLI command)."""
    cutoff = now - timedelta(seconds=grace_seconds)
    overdue = (
        db.session.execute(
            select(Attempt).where(
                Attempt.status == AttemptStatus.IN_PROGRESS, Attempt.deadline < cutoff
            )
        )
        .scalars()
        .all()
    )
    for attempt in overdue:
        finish(attempt, now=now, status=AttemptStatus.EXPIRED)
    return len(overdue)


def get_own_attempt(attempt_id: int, user: User) -> Attempt:
    """The attempt ``attempt_id`` of ``user``: NotFound when missing, Forbidden when it is
    someone else's (no IDOR)."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None:
        raise NotFound("答题记录不存在。")
    if attempt.user_id != user.id:
        raise Forbidden("这不是您的答题记录。")
    return attempt
