"""A Redis board that missed updates is found out by its version, not its size, and rebuilt.

The probe: Redis paused (no data lost, nothing restarted) while students who are already on the
board hand in again; their Redis updates time out and are dropped, the member count stays the
same, and the board kept stale scores and wrong ranks. Here the pause is real — ``CLIENT PAUSE``
on a Redis server of the test's own — and every board (contest, day, week) must come back equal
to the SQL board, and Redis itself must hold the SQL scores again.
"""

from __future__ import annotations

import random
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from quiz.enums import Counting
from quiz.extensions import db
from quiz.models import EventStanding, Standing
from quiz.services.boards import redis_sets
from quiz.services.boards.refs import BoardRef
from tests.helpers.boards import attempt, event_with, read

pytestmark = pytest.mark.redis

STUDENTS = 20
RESUBMITTING = 4


@pytest.fixture
def app_config(app_config, redis_server):
    return {**app_config, "REDIS_URL": redis_server.url}


@pytest.fixture
def paused(redis_server):
    """Pause writes on the test's Redis while the block runs (reads still answer)."""

    @contextmanager
    def pause():
        control = redis_server.client()
        control.execute_command("CLIENT", "PAUSE", 60_000, "WRITE")
        try:
            yield
        finally:
            control.execute_command("CLIENT", "UNPAUSE")
            control.close()

    return pause


def sql_rows(app, ref):
    """The board as SQL alone gives it."""
    url, app.config["REDIS_URL"] = app.config["REDIS_URL"], None
    try:
        return read(ref).rows
    finally:
        app.config["REDIS_URL"] = url


def redis_scores(board_key: str) -> dict[int, float]:
    members = redis_sets.client().zrange(redis_sets.key(board_key), 0, -1, withscores=True)
    return {int(member): score for member, score in members}


def sql_scores(model, *conditions) -> dict[int, float]:
    """What the sorted set must hold: each standing row's encoded score."""
    rows = db.session.execute(select(model).where(*conditions)).scalars()
    return {r.user_id: redis_sets.encode(r.score, r.time_used_ms) for r in rows if not r.is_test}


def test_board_that_missed_updates_is_rebuilt(app, factories, paused, caplog):
    rng = random.Random(5)
    event, (contest,) = event_with(["campus"], counting=Counting.LAST)
    contest.attempts_allowed = 3
    db.session.commit()
    students = [factories.student() for _ in range(STUDENTS)]
    for student in students:
        attempt(contest, student, score=rng.randrange(0, 31), used=rng.randrange(30, 300))
    refs = [
        BoardRef("contest", contest_id=contest.id),
        BoardRef("day", event_id=event.id, day="campus"),
        BoardRef("week", event_id=event.id),
    ]
    for ref in refs:
        assert read(ref).rows == sql_rows(app, ref)  # Redis serves them, in step
    assert len(redis_scores(f"c:{contest.id}")) == STUDENTS

    # The last students hand in again, better than everyone: same members, new scores and ranks.
    with paused():
        for n, student in enumerate(students[-RESUBMITTING:]):
            attempt(contest, student, score=35 + n, used=60)
        assert "Redis board update failed" in caplog.text
        for ref in refs:  # while Redis is paused
            assert read(ref).rows == sql_rows(app, ref), ref.key

    for ref in refs:  # after the pause, Redis answers again
        assert read(ref).rows == sql_rows(app, ref), ref.key
    assert redis_scores(f"c:{contest.id}") == sql_scores(
        Standing, Standing.contest_id == contest.id
    )
    for day in ("campus", "week"):
        assert redis_scores(f"e:{event.id}:{day}") == sql_scores(
            EventStanding, EventStanding.event_id == event.id, EventStanding.day == day
        )


def test_updates_in_order_keep_the_board_on_redis(app, factories, caplog):
    """Submissions synced one after the other advance the recorded version: no rebuilds."""
    contest = event_with(["law"], counting=Counting.LAST)[1][0]
    ref = BoardRef("contest", contest_id=contest.id)
    students = [factories.student() for _ in range(5)]
    attempt(contest, students[0], score=10)
    read(ref)  # the first read records a version (nothing was recorded before)
    caplog.clear()
    for n, student in enumerate(students):
        attempt(contest, student, score=20 + n)
        assert read(ref).rows == sql_rows(app, ref)
    assert "rebuilding" not in caplog.text
    assert redis_scores(f"c:{contest.id}") == sql_scores(
        Standing, Standing.contest_id == contest.id
    )
