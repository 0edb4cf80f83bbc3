"""Closing overdue attempts: only once the deadline and the grace period have passed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


def _start(contest, student, at):
    attempt, _ = attempts.start_attempt(
        contest, student, now=at, grace_seconds=GRACE, paper_builder=build_paper
    )
    return attempt.id


def test_close_overdue_respects_grace(factories):
    contest = factories.contest(now=NOW)
    attempt_id = _start(contest, factories.student(), NOW)
    deadline = NOW + timedelta(minutes=10)
    assert attempts.close_overdue(now=deadline + timedelta(seconds=GRACE), grace_seconds=GRACE) == 0
    assert (
        attempts.close_overdue(now=deadline + timedelta(seconds=GRACE + 1), grace_seconds=GRACE)
        == 1
    )
    assert db.session.get(Attempt, attempt_id).status == "expired"
