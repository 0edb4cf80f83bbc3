"""The job runner: state transitions, a stale running job marked failed, failure commits nothing.

The runner never reads the clock: each test hands it one that moves by a second a call.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Job, JobState, User
from quiz.services import DomainError, NotFound
from quiz.services.jobs import STALE_AFTER, create_job, fail_stale, get_job, run_job
from quiz.services.jobs.runner import FAILED_MESSAGE, STALE_MESSAGE
from tests.clock import NOW


class TickingClock:
    """Starts at NOW and moves one second per call."""

    def __init__(self):
        self.now = NOW

    def __call__(self):
        self.now += timedelta(seconds=1)
        return self.now


def users() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_a_job_goes_queued_running_succeeded(app, factories):
    owner = factories.organizer()
    job = create_job("roster", owner, total=3, now=NOW)
    assert (job.state, job.done, job.total, job.finished) == (JobState.QUEUED, 0, 3, False)
    clock = TickingClock()
    seen = []

    def work(actor, progress):
        seen.append((actor.id, db.session.get(Job, job.id).state))
        for done in (1, 2, 3):
            progress(done, 3)
            assert db.session.get(Job, job.id).done == done
        return {"token": "t", "created": 3}

    finished = run_job(job.id, work, clock=clock)
    assert seen == [(owner.id, JobState.RUNNING)]
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert job.state == JobState.SUCCEEDED and job.finished
    assert job.result == {"token": "t", "created": 3} and job.done == 3 and job.error is None
    assert job.finished_at == clock.now == finished.finished_at


def test_a_failed_job_leaves_nothing_committed(app, factories):
    owner = factories.organizer()
    before = users()
    job = create_job("roster", owner, total=1, now=NOW)

    def work(actor, progress):
        user = User(username="half-done", display_name="x", password_hash="x")
        db.session.add(user)
        db.session.flush()  # written in the transaction, never committed
        raise DomainError("用户名“half-done”已被使用。")

    run_job(job.id, work, clock=TickingClock())
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert job.state == JobState.FAILED and job.error == "用户名“half-done”已被使用。"
    assert users() == before


def test_an_unexpected_error_fails_the_job_with_a_generic_message(app, factories, caplog):
    job = create_job("bank", factories.organizer(), total=1, now=NOW)

    def work(actor, progress):
        raise RuntimeError("boom")

    run_job(job.id, work, clock=TickingClock())
    db.session.expire_all()
    assert db.session.get(Job, job.id).error == FAILED_MESSAGE
    assert "boom" in caplog.text


def test_row_problems_are_kept_for_the_page(app, factories):
    from quiz.services.spreadsheets import RowProblems

    job = create_job("roster", factories.organizer(), total=1, now=NOW)

    def work(actor, progress):
        raise RowProblems([(3, "缺少姓名。")])

    run_job(job.id, work, clock=TickingClock())
    db.session.expire_all()
    assert db.session.get(Job, job.id).result == {"problems": ["第3行：缺少姓名。"]}


def test_a_running_job_with_a_stale_heartbeat_is_marked_failed(app, factories):
    """A worker SIGKILLed mid-job: its heartbeat stops; the next read marks the job failed."""
    owner = factories.organizer()
    dead = create_job("roster", owner, total=10, now=NOW)
    alive = create_job("roster", owner, total=10, now=NOW + STALE_AFTER)
    for job in (dead, alive):
        job.state = JobState.RUNNING
    db.session.commit()
    later = NOW + STALE_AFTER + timedelta(seconds=1)
    assert get_job(owner, dead.id, later).state == JobState.FAILED
    db.session.expire_all()
    dead, alive = db.session.get(Job, dead.id), db.session.get(Job, alive.id)
    assert (dead.state, dead.error, dead.finished_at) == (JobState.FAILED, STALE_MESSAGE, later)
    assert alive.state == JobState.RUNNING
    assert fail_stale(later) == 0  # already failed; the fresh one is left alone


def test_finished_jobs_are_never_marked_stale(app, factories):
    owner = factories.organizer()
    job = create_job("roster", owner, total=1, now=NOW)
    run_job(job.id, lambda actor, progress: {"token": "t"}, clock=TickingClock())
    assert fail_stale(NOW + timedelta(days=1)) == 0
    assert get_job(owner, job.id, NOW + timedelta(days=1)).state == JobState.SUCCEEDED


def test_only_the_owner_or_an_admin_sees_a_job(app, factories):
    owner = factories.organizer()
    job = create_job("roster", owner, total=1, now=NOW)
    assert get_job(factories.admin(), job.id, NOW).id == job.id
    with pytest.raises(NotFound):
        get_job(factories.organizer(unit="四川省/别的中学"), job.id, NOW)
    with pytest.raises(NotFound):
        get_job(owner, job.id + 1, NOW)
