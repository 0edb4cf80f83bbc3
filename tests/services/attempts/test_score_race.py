"""Two answers of one attempt saved at once must both count in the attempt's score."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE
from tests.helpers.attempts import right_answer

pytestmark = pytest.mark.db


def test_concurrent_saves_do_not_lose_points(app, factories):
    contest = factories.contest()
    now = contest.opens_at + timedelta(minutes=1)
    attempt, _ = attempts.start_attempt(
        contest, factories.student(), now=now, grace_seconds=GRACE, paper_builder=build_paper
    )
    first, second = attempt.paper[0], attempt.paper[1]
    # Request A has loaded the attempt (and its empty answer list) ...
    with app.app_context():
        stale = db.session.get(Attempt, attempt.id)
        assert stale.answers == []
        # ... when request B saves another answer of the same attempt and commits.
        with app.app_context():
            other = db.session.get(Attempt, attempt.id)
            attempts.save_answer(
                other, second["question_id"], now=now, grace_seconds=GRACE, **right_answer(second)
            )
        attempts.save_answer(
            stale, first["question_id"], now=now, grace_seconds=GRACE, **right_answer(first)
        )
        assert stale.score == first["points"] + second["points"]
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).score == first["points"] + second["points"]
