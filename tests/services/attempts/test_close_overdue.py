"""``flask attempts close-overdue`` and the service behind it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from quiz.extensions import db
from quiz.models import Attempt, ReviewItem
from quiz.services import attempts
from quiz.services.contests.papers import build_paper

pytestmark = pytest.mark.db
T0 = datetime(2026, 10, 11, 2, 0, 0)


def _start(contest, student, at):
    attempt, _ = attempts.start_attempt(
        contest, student, now=at, grace_seconds=3, paper_builder=build_paper
    )
    return attempt.id


def test_close_overdue_command(factories, runner):
    contest = factories.contest(now=T0)
    early = _start(contest, factories.student(), T0)
    late = _start(contest, factories.student(), T0 + timedelta(minutes=5))
    with time_machine.travel(datetime(2026, 10, 11, 2, 10, 4, tzinfo=UTC), tick=False):
        result = runner.invoke(args=["attempts", "close-overdue"])
    assert result.exit_code == 0, result.output
    assert "1" in result.output
    db.session.expire_all()
    closed, running = db.session.get(Attempt, early), db.session.get(Attempt, late)
    assert closed.status == "expired" and closed.finished_at == closed.deadline
    assert running.status == "in_progress"
    # Expired attempts enter the review list like submitted ones.
    assert db.session.execute(db.select(ReviewItem)).scalars().all()
    with time_machine.travel(datetime(2026, 10, 11, 2, 10, 5, tzinfo=UTC), tick=False):
        again = runner.invoke(args=["attempts", "close-overdue"])
    assert "已结束 0 份" in again.output


def test_close_overdue_respects_grace(factories):
    contest = factories.contest(now=T0)
    attempt_id = _start(contest, factories.student(), T0)
    deadline = T0 + timedelta(minutes=10)
    assert attempts.close_overdue(now=deadline + timedelta(seconds=3), grace_seconds=3) == 0
    assert attempts.close_overdue(now=deadline + timedelta(seconds=4), grace_seconds=3) == 1
    assert db.session.get(Attempt, attempt_id).status == "expired"
