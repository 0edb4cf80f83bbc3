"""Logins and join codes stay throttled, and never fail, when Redis goes away mid-run.

The app counts its limits in a Redis server the test started itself (``QUIZ_REDIS_URL``); the
test stops that server halfway. Flask-Limiter then counts the same limits in the worker's
memory, and goes back to Redis once it answers again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from quiz.enums import Access

pytestmark = pytest.mark.redis

LOGIN_LIMIT = 4
JOIN_LIMIT = 3


@pytest.fixture
def app_config(app_config, redis_server):
    config = {key: value for key, value in app_config.items() if key != "RATELIMIT_STORAGE_URI"}
    config.update(
        REDIS_URL=redis_server.url,  # the limiter's storage follows it
        LOGIN_IP_LIMIT=f"{LOGIN_LIMIT} per minute",
        JOIN_CODE_LIMIT=f"{JOIN_LIMIT} per minute",
    )
    return config


def limiter_keys(redis_server) -> list[bytes]:
    connection = redis_server.client()
    try:
        return connection.keys("LIMITS*")
    finally:
        connection.close()


def logins(auth, username: str, times: int) -> list[int]:
    """Log in and out ``times`` times; the login responses' status codes."""
    statuses = []
    for _ in range(times):
        statuses.append(auth.login(username).status_code)
        auth.logout()
    return statuses


def failures(auth, times: int) -> list[int]:
    """Failed logins (an unknown account: only the per-IP limit counts them)."""
    return [auth.login("nobody", "wrong-pass1").status_code for _ in range(times)]


def test_logins_stay_throttled_when_redis_stops(app, auth, factories, redis_server):
    factories.student("xiaoming")
    assert logins(auth, "xiaoming", 1) == [302]
    assert failures(auth, 1) == [200]  # the per-IP limit counts failed logins only
    assert limiter_keys(redis_server), "the login limit is counted in Redis"

    redis_server.stop()
    # Counted again from zero, in this worker's memory: the limit holds, nothing fails.
    assert failures(auth, LOGIN_LIMIT + 2) == [200] * LOGIN_LIMIT + [429, 429]

    redis_server.start()  # an empty Redis on the same port
    # Flask-Limiter retries the storage with exponential backoff (2**n seconds).
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=2)):
        assert failures(auth, 1) == [200]
        assert limiter_keys(redis_server), "back on Redis once it answers"


def test_join_codes_stay_throttled_when_redis_stops(client, auth, factories, redis_server):
    contest = factories.contest(access=Access.CODE, join_code="AB12CD")
    factories.student("xiaohong")
    assert auth.login("xiaohong").status_code == 302
    url = f"/api/v1/contests/{contest.id}/join"
    assert client.post(url, json={"code": "NOPE12"}).status_code == 403
    assert limiter_keys(redis_server)

    redis_server.stop()
    statuses = [
        client.post(url, json={"code": "NOPE12"}).status_code for _ in range(JOIN_LIMIT + 1)
    ]
    assert statuses == [403] * JOIN_LIMIT + [429]
    # The form on the contest page spends the same budget: already used up.
    page = client.post(f"/contests/{contest.id}/join", data={"code": "NOPE12"})
    assert page.status_code == 429
