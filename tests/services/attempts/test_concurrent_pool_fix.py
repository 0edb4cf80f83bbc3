"""The first starts of a contest race to fix its pool: it is fixed once, whoever wins.

Real threads against the app served for real (one session per request), on SQLite here and on
PostgreSQL in CI (``db``): eight students start at the same instant, all get a paper, and the
pool holds one version per question, written by one of them.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt, Contest, ContestPool, QuestionVersion
from quiz.timeutil import utcnow
from tests.factories import DEFAULT_PASSWORD
from tests.services.attempts.live import Browser, at_once

pytestmark = pytest.mark.db
STARTS = 8


def test_simultaneous_first_starts_fix_the_pool_once(app, live_url, factories):
    contest = factories.contest(now=utcnow(), question_count=4)
    browsers = [
        Browser(live_url).login(factories.student().username, DEFAULT_PASSWORD)
        for _ in range(STARTS)
    ]
    path = f"/api/v1/contests/{contest.id}/attempts"
    results = at_once(*(lambda b=b: b.request("POST", path) for b in browsers))
    assert [status for status, _body in results] == [201] * STARTS, results
    db.session.expire_all()
    assert db.session.get(Contest, contest.id).pool_fixed_at is not None
    pool = db.session.execute(
        select(ContestPool.question_id).where(ContestPool.contest_id == contest.id)
    ).scalars()
    assert sorted(pool) == [1, 2, 3, 4]
    assert db.session.scalar(select(func.count()).select_from(QuestionVersion)) == 4
    papers = db.session.execute(select(Attempt.paper)).scalars().all()
    assert len(papers) == STARTS
    assert all({item["question_id"] for item in paper} == {1, 2, 3, 4} for paper in papers)
