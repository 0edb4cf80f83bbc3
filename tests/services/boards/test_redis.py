"""The Redis path gives the same boards as SQL; Redis down or out of step falls back to SQL."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.services.boards import redis_sets as redis_boards
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.redis_sets import TIME_MAX, encode
from quiz.services.boards.refs import BoardRef, Viewer
from tests.helpers.boards import attempt, event_with, read

pytestmark = pytest.mark.db


def test_encoding_keeps_the_rule_order():
    assert encode(30, 1000) > encode(29.9999, 0)  # score first, to 4 decimals
    assert encode(20.005, 90_000) > encode(20, 60_000)  # time never outweighs any score gap
    assert encode(30, 1000) > encode(30, 1100)  # then less time
    assert encode(30, 1000) == encode(30, 1099)  # same 100 ms bucket: a tied band
    assert encode(53_687.0911, 0) < 2**53  # exact in a double
    assert encode(0, 10**12) == 0 and TIME_MAX == 2**24 - 1


def scenario(factories):
    """Ties on score and time, several days, an overdue attempt and a test account."""
    rng = random.Random(3)
    event, contests = event_with(["campus", "law"])
    start = contests[0].opens_at + timedelta(seconds=30)
    users = [factories.student() for _ in range(25)]
    for user in users:
        for contest in contests:
            if rng.random() < 0.8:
                attempt(contest, user, score=rng.choice([10, 20, 20.005, 30]),
                        used=rng.choice([60, 60.004, 90]), start=start)  # fmt: skip
    tester = factories.student(is_test_account=True)
    attempt(contests[0], tester, score=99)
    return event, contests, users


def boards(event, contests, users):
    refs = [BoardRef("contest", contest_id=c.id) for c in contests]
    refs += [BoardRef("day", event_id=event.id, day="law"), BoardRef("week", event_id=event.id)]
    result = []
    for ref in refs:
        for offset, limit in [(0, 50), (3, 4), (10, 7)]:
            page = read(ref, Viewer(user_id=users[7].id), offset=offset, limit=limit)
            result.append((ref.key, offset, page.rows, page.me, page.total))
    return result


@pytest.mark.redis
def test_redis_and_sql_give_identical_boards(redis_app, factories):
    event, contests, users = scenario(factories)
    with_redis = boards(event, contests, users)
    client = redis_boards.client()
    assert client.zcard(redis_boards.key(f"c:{contests[0].id}")) > 0
    sources = read(BoardRef("contest", contest_id=contests[0].id))
    assert sources.total == client.zcard(redis_boards.key(f"c:{contests[0].id}"))
    redis_app.config["REDIS_URL"] = None
    with_sql = boards(event, contests, users)
    for got, want in zip(with_redis, with_sql, strict=True):
        for a, b in zip(got[2], want[2], strict=True):
            assert a == b, got[:2]
        assert got == want, got[:2]


@pytest.mark.redis
def test_redis_out_of_step_is_rebuilt(redis_app, factories):
    event, contests, users = scenario(factories)
    board_key = redis_boards.key(f"c:{contests[0].id}")
    expected = read(BoardRef("contest", contest_id=contests[0].id)).rows
    redis_boards.client().delete(board_key)
    assert read(BoardRef("contest", contest_id=contests[0].id), cache=BoardCache()).rows == expected
    assert redis_boards.client().zcard(board_key) == len(expected)


def test_redis_down_falls_back_to_sql(app, factories, contest, caplog):
    users = [factories.student() for _ in range(3)]
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens there
    for i, user in enumerate(users):
        attempt(contest, user, score=10 * i)  # the write to Redis fails, the submit doesn't
    page = read(BoardRef("contest", contest_id=contest.id))
    app.config["REDIS_URL"] = None
    assert page.rows == read(BoardRef("contest", contest_id=contest.id)).rows
    assert page.total == 3
    assert "Redis" in caplog.text
    # An outage is an expected state: one line per failure, no traceback to bury the log in.
    assert "Connection refused" in caplog.text and "Traceback" not in caplog.text
    assert {record.levelname for record in caplog.records if "Redis" in record.message} == {
        "WARNING"
    }
    db.session.rollback()
