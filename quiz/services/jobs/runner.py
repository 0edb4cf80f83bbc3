"""A small job runner: big imports run in a thread of the web process, their state in a row.

Why a thread and not Celery/RQ: the deployment has no message broker (Redis is optional here,
the app must keep working without it, and the school server runs one app under gunicorn), so a
job is a :class:`quiz.models.Job` row plus a daemon thread of the worker that received it.

Lifecycle: :func:`create_job` inserts the row *queued*; :func:`run_job` (in the thread, or inline
in tests) marks it *running*, calls ``work(owner, progress)`` and on return marks it *succeeded* with
the result **in the same commit as the work's own writes** (the work only flushes), so a job
is either succeeded with everything written or has written nothing. ``progress(done, total)``
commits the counters and the heartbeat in a short transaction of their own; the work calls it
between pieces of slow work that hold no write transaction. A raised error rolls the work back
and marks the job *failed* with its message (a DomainError's Chinese message; anything else a
generic one, logged).

A worker SIGKILLed mid-job commits nothing further: its rows were never committed, and its job
stays *running* with a heartbeat that stops moving. :func:`fail_stale` marks such jobs failed
(heartbeat older than ``STALE_AFTER``); it runs at app start-up and on every read of a job
(:func:`get_job`), so the organizer's page reports the failure after a reload.

Every function takes the time (``now``) or a ``clock``: nothing here reads the wall clock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import select, update

from quiz.extensions import db
from quiz.models import Job, JobState, Role, User
from quiz.services import DomainError, NotFound

log = logging.getLogger(__name__)

#: A running job whose heartbeat is older than this is taken for dead (its worker was killed).
#: Work calls ``progress`` at least every few seconds (per hashed password, per parsed file).
STALE_AFTER = timedelta(minutes=5)
STALE_MESSAGE = "任务中断（服务器进程已重启），未导入任何数据，请重新上传。"
FAILED_MESSAGE = "任务失败，未导入任何数据，请稍后重试或联系管理员。"

Progress = Callable[[int, int], None]
Work = Callable[[User, Progress], dict]


def create_job(kind: str, owner: User, *, total: int, now: datetime) -> Job:
    """Insert a queued job for ``owner`` and commit it (its id names the progress page)."""
    job = Job(kind=kind, owner_id=owner.id, total=total, heartbeat_at=now, created_at=now)
    db.session.add(job)
    db.session.commit()
    return job


def run_job(job_id: int, work: Work, *, clock: Callable[[], datetime]) -> Job:
    """Run ``work`` for a queued job in the current app context; return the finished job."""
    job = db.session.get(Job, job_id)
    job.state = JobState.RUNNING
    job.heartbeat_at = clock()
    db.session.commit()

    def progress(done: int, total: int) -> None:
        db.session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(done=done, total=total, heartbeat_at=clock())
            .execution_options(synchronize_session=False)
        )
        db.session.commit()

    try:
        result = work(db.session.get(User, job.owner_id), progress)
        job = db.session.get(Job, job_id)
        job.state, job.result, job.done = JobState.SUCCEEDED, result, job.total
        job.finished_at = job.heartbeat_at = clock()
        db.session.commit()  # the work's flushed rows and the job's success, together
    except Exception as error:
        db.session.rollback()
        if isinstance(error, DomainError):
            message = error.message
            details = getattr(error, "lines", None) or getattr(error, "problems", None)
        else:
            log.exception("job %s failed", job_id)
            message, details = FAILED_MESSAGE, None
        job = db.session.get(Job, job_id)
        job.state, job.error = JobState.FAILED, message
        job.result = {"problems": list(details)[:200]} if details else None
        job.finished_at = job.heartbeat_at = clock()
        db.session.commit()
    return job


def start_job(
    app: Flask, job_id: int, work: Work, *, clock: Callable[[], datetime]
) -> threading.Thread:
    """Run the job in a daemon thread of this process, with its own app context and session."""

    def target():
        with app.app_context():
            try:
                run_job(job_id, work, clock=clock)
            finally:
                db.session.remove()

    thread = threading.Thread(target=target, name=f"job-{job_id}", daemon=True)
    thread.start()
    return thread


def fail_stale(now: datetime) -> int:
    """Mark failed every unfinished job whose heartbeat stopped ``STALE_AFTER`` ago."""
    count = db.session.execute(
        update(Job)
        .where(
            Job.state.in_([JobState.QUEUED, JobState.RUNNING]),
            Job.heartbeat_at < now - STALE_AFTER,
        )
        .values(state=JobState.FAILED, error=STALE_MESSAGE, finished_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return count


def get_job(actor: User, job_id: int, now: datetime) -> Job:
    """The job, for its owner or an admin only (anyone else: not found, no IDOR)."""
    if db.session.scalar(
        select(Job.id).where(
            Job.id == job_id,
            Job.state.in_([JobState.QUEUED, JobState.RUNNING]),
            Job.heartbeat_at < now - STALE_AFTER,
        )
    ):
        fail_stale(now)
    job = db.session.get(Job, job_id)
    if job is None or (job.owner_id != actor.id and actor.role != Role.ADMIN):
        raise NotFound("找不到该任务。")
    return job
