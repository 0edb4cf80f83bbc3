"""Attempts: start (draw a paper), save answers, submit, expire, extend and void.

Every function takes ``now``; routes pass :func:`quiz.timeutil.utcnow`. The database backs the
rules: one open attempt per student and contest (a partial unique index), one answer per
question (a unique constraint).

Statuses live in :mod:`attempt_status`, answer checks in :mod:`answer_input` and the
organizer's extend/void in :mod:`attempt_actions`; their public names are re-exported here.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import Answer, Attempt, Contest, User
from quiz.services import Conflict, Forbidden, NotFound
from quiz.services.answer_input import paper_item, validated_response

# extend, void and effective_status are re-exported: callers import them from here.
from quiz.services.attempt_actions import extend as extend
from quiz.services.attempt_actions import void as void
from quiz.services.attempt_status import EXPIRED, IN_PROGRESS, SUBMITTED, VOIDED
from quiz.services.attempt_status import effective_status as effective_status
from quiz.services.grading import grade
from quiz.services.review import remember_wrong_answers
from quiz.services.standings import on_attempt_finished
from quiz.services.timing import OPEN, contest_state, fixed_deadline, is_overdue, time_used_ms


class LateAnswer(Conflict):
    code = "deadline_passed"


@dataclass
class AttemptResult:
    score: float
    max_score: float
    time_used_ms: int
    status: str


def persist_if_overdue(attempt: Attempt, *, now: datetime, grace_seconds: float) -> Attempt:
    """Record an open attempt whose time ran out as expired (on the student's next request)."""
    if attempt.status == IN_PROGRESS and is_overdue(now, attempt.deadline, grace_seconds):
        finish(attempt, now=now, status=EXPIRED)
    return attempt


def open_attempt(contest: Contest, user: User) -> Attempt | None:
    return db.session.execute(
        select(Attempt).where(
            Attempt.contest_id == contest.id,
            Attempt.user_id == user.id,
            Attempt.status == IN_PROGRESS,
        )
    ).scalar_one_or_none()


def start_attempt(
    contest: Contest, user: User, *, now: datetime, grace_seconds: float, paper_builder
) -> tuple[Attempt, bool]:
    """Return the open attempt (False) or start a new one with a freshly drawn paper (True).

    ``paper_builder(contest, seed)`` returns the paper snapshot (see services.papers).
    """
    current = open_attempt(contest, user)
    if current is not None:
        if not is_overdue(now, current.deadline, grace_seconds):
            return current, False
        finish(current, now=now, status=EXPIRED)
    if contest_state(now, contest.opens_at, contest.closes_at) != OPEN:
        raise Conflict("比赛当前未开放。", code="contest_not_open")
    used = db.session.execute(
        select(func.count())
        .select_from(Attempt)
        .where(
            Attempt.contest_id == contest.id,
            Attempt.user_id == user.id,
            Attempt.status != VOIDED,
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
    seed = secrets.randbits(62)
    paper = paper_builder(contest, seed)
    attempt = Attempt(
        contest_id=contest.id,
        user_id=user.id,
        number=number,
        seed=seed,
        status=IN_PROGRESS,
        started_at=now,
        deadline=fixed_deadline(now, contest.time_limit_seconds, contest.closes_at),
        paper=paper,
        max_score=float(sum(item["points"] for item in paper)),
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


def save_answer(
    attempt: Attempt,
    question_id: int,
    *,
    choice=None,
    text=None,
    now: datetime,
    grace_seconds: float,
) -> Answer:
    """Store (or replace) an answer graded against the snapshot; late answers are refused."""
    # Saves of one attempt run one at a time: a row lock on PostgreSQL (SQLite has one writer).
    # Without it two answers saved at once both rewrite ``score`` from a stale set of answers.
    db.session.refresh(attempt, with_for_update=True)
    if attempt.status != IN_PROGRESS:
        raise Conflict("本次答题已结束，答案未保存。", code="attempt_finished")
    if is_overdue(now, attempt.deadline, grace_seconds):
        finish(attempt, now=now, status=EXPIRED)
        raise LateAnswer("答题时间已到，此答案未被接受；截止前保存的答案均已记录。")
    item = paper_item(attempt, question_id)
    picked, typed = validated_response(item, choice, text)
    result = grade(item, choice=picked, text=typed, partial_credit=attempt.contest.partial_credit)
    answer = next((a for a in attempt.answers if a.question_id == question_id), None)
    if answer is None:
        answer = Answer(attempt=attempt, question_id=question_id)
        db.session.add(answer)
    answer.choice, answer.text = picked, typed
    answer.points, answer.is_correct, answer.saved_at = result.points, result.is_correct, now
    try:
        db.session.flush()
        # Summed in SQL after the write: on SQLite the write lock is held here, so it is current.
        total = db.session.scalar(
            select(func.coalesce(func.sum(Answer.points), 0.0)).where(
                Answer.attempt_id == attempt.id
            )
        )
        attempt.score = round(float(total), 4)
        db.session.commit()
    except IntegrityError:
        # The same answer saved twice at once from two tabs: the other write won; keep it.
        db.session.rollback()
        return db.session.execute(
            select(Answer).where(Answer.attempt_id == attempt.id, Answer.question_id == question_id)
        ).scalar_one()
    return answer


def finish(attempt: Attempt, *, now: datetime, status: str = SUBMITTED) -> Attempt:
    """Close an attempt (idempotent). An overdue one is closed as expired at its deadline."""
    if attempt.status != IN_PROGRESS:
        return attempt
    attempt.status = status
    attempt.finished_at = min(now, attempt.deadline) if status == EXPIRED else now
    remember_wrong_answers(attempt, now=now)
    db.session.commit()
    on_attempt_finished(attempt)
    return attempt


def submit(attempt: Attempt, *, now: datetime, grace_seconds: float) -> AttemptResult:
    """Hand in: idempotent; after the deadline it records the attempt as expired instead."""
    if attempt.status == IN_PROGRESS:
        late = is_overdue(now, attempt.deadline, grace_seconds)
        finish(attempt, now=now, status=EXPIRED if late else SUBMITTED)
    return result_of(attempt)


def result_of(attempt: Attempt) -> AttemptResult:
    return AttemptResult(
        score=attempt.score,
        max_score=attempt.max_score,
        time_used_ms=time_used_ms(attempt.started_at, attempt.finished_at, attempt.deadline),
        status=attempt.status,
    )


@dataclass
class AttemptSummary:
    """A student's attempts at one contest, for contest lists."""

    used: int = 0
    allowed: int = 1
    finished: int = 0
    open_attempt_id: int | None = None
    counted_score: float | None = None

    @property
    def remaining(self) -> int:
        return max(0, self.allowed - self.used)


def summaries(
    user: User, contests: list[Contest], *, now: datetime, grace_seconds: float
) -> dict[int, AttemptSummary]:
    """Per contest id: tries used and left, the open attempt, and the score that counts.

    Overdue open attempts are persisted as expired on the way (the student's next request).
    """
    by_id = {contest.id: contest for contest in contests}
    result = {c.id: AttemptSummary(allowed=c.attempts_allowed) for c in contests}
    if not by_id:
        return result
    rows = db.session.execute(
        select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.contest_id.in_(by_id))
        .order_by(Attempt.number)
    ).scalars()
    finished: dict[int, list[Attempt]] = {}
    for attempt in rows:
        persist_if_overdue(attempt, now=now, grace_seconds=grace_seconds)
        summary = result[attempt.contest_id]
        if attempt.status == VOIDED:
            continue
        summary.used += 1
        if attempt.status == IN_PROGRESS:
            summary.open_attempt_id = attempt.id
        else:
            summary.finished += 1
            finished.setdefault(attempt.contest_id, []).append(attempt)
    for contest_id, done in finished.items():
        counting = by_id[contest_id].counting
        chosen = done[0] if counting == "first" else done[-1]
        if counting == "best":
            chosen = min(
                done,
                key=lambda a: (-a.score, time_used_ms(a.started_at, a.finished_at, a.deadline)),
            )
        result[contest_id].counted_score = chosen.score
    return result


def close_overdue(*, now: datetime, grace_seconds: float) -> int:
    """Persist every open attempt whose time ran out (for the periodic CLI command)."""
    cutoff = now - timedelta(seconds=grace_seconds)
    overdue = (
        db.session.execute(
            select(Attempt).where(Attempt.status == IN_PROGRESS, Attempt.deadline < cutoff)
        )
        .scalars()
        .all()
    )
    for attempt in overdue:
        finish(attempt, now=now, status=EXPIRED)
    return len(overdue)


def require_owner(attempt: Attempt | None, user: User) -> Attempt:
    """404 for a missing attempt, 403 for someone else's (no IDOR)."""
    if attempt is None:
        raise NotFound("答题记录不存在。")
    if attempt.user_id != user.id:
        raise Forbidden("这不是您的答题记录。")
    return attempt
