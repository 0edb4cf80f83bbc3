"""``flask attempts close-overdue``: ends attempts past their deadline and grace period."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt, ReviewItem
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


def _start(contest, student, at):
    attempt, _ = attempts.start_attempt(
        contest, student, now=at, grace_seconds=GRACE, paper_builder=build_paper
    )
    return attempt.id


def test_close_overdue_command(factories, runner, clock):
    contest = factories.contest(now=NOW)
    early = _start(contest, factories.student(), NOW)
    late = _start(contest, factories.student(), NOW + timedelta(minutes=5))
    clock.move_to(NOW + timedelta(minutes=10, seconds=GRACE + 1))
    result = runner.invoke(args=["attempts", "close-overdue"])
    assert result.exit_code == 0, result.output
    assert "1" in result.output
    db.session.expire_all()
    closed, running = db.session.get(Attempt, early), db.session.get(Attempt, late)
    assert closed.status == "expired" and closed.finished_at == closed.deadline
    assert running.status == "in_progress"
    # Expired attempts enter the review list like submitted ones.
    assert db.session.execute(db.select(ReviewItem)).scalars().all()
    clock.shift(seconds=1)
    again = runner.invoke(args=["attempts", "close-overdue"])
    assert "已结束 0 份" in again.output
