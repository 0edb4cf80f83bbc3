"""Deeply nested JSON bodies get a 4xx JSON error from the API, never a RecursionError 500.

Python's json module recurses once per ``[`` or ``{``; 100,000 of them (200 kB, far below the
upload limit) used to exhaust the interpreter's stack on every endpoint that reads a body.
"""

from __future__ import annotations

from datetime import UTC

import pytest
import time_machine

from tests.clock import NOW

DEPTH = 100_000
DEEP_ARRAY = "[" * DEPTH + "]" * DEPTH
DEEP_OBJECT = '{"a":' * DEPTH + "1" + "}" * DEPTH
#: The factories' default "now": their contests open a minute before it.


@pytest.fixture
def attempt(client, factories):
    """A student logged in through the API with an attempt open on the frozen clock."""
    with time_machine.travel(NOW.replace(tzinfo=UTC), tick=False):
        contest = factories.contest()
        factories.student("alice")
        login = client.post(
            "/api/v1/auth/login", json={"username": "alice", "password": "passw0rd!"}
        )
        assert login.status_code == 200
        started = client.post(f"/api/v1/contests/{contest.id}/attempts").get_json()
        yield {
            "contest_id": contest.id,
            "id": started["id"],
            "question_id": started["questions"][0]["id"],
        }


def send(client, method: str, url: str, body: str):
    return client.open(url, method=method, data=body, content_type="application/json")


def assert_refused(response) -> None:
    assert response.status_code in (400, 422), response.get_data(as_text=True)[:300]
    assert response.is_json and response.get_json()["error"]["message"]


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_login(client, body):
    assert_refused(send(client, "POST", "/api/v1/auth/login", body))


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_save_answer(client, attempt, body):
    url = f"/api/v1/attempts/{attempt['id']}/answers/{attempt['question_id']}"
    assert_refused(send(client, "PUT", url, body))


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_focus_event(client, attempt, body):
    assert_refused(send(client, "POST", f"/api/v1/attempts/{attempt['id']}/events", body))


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_join(client, attempt, body):
    url = f"/api/v1/contests/{attempt['contest_id']}/join"
    assert_refused(send(client, "POST", url, body))


def test_no_api_route_answers_a_deep_body_with_500(app, client, attempt):
    """Every API rule that takes a body, with the ids of a real attempt filled in."""
    ids = {"attempt_id": attempt["id"], "question_id": attempt["question_id"]}
    ids["contest_id"] = attempt["contest_id"]
    checked = 0
    # Logging out last: after it every route would answer 401 before reading the body.
    rules = sorted(app.url_map.iter_rules(), key=lambda rule: rule.endpoint == "api.logout")
    for rule in rules:
        methods = (rule.methods or set()) & {"POST", "PUT", "PATCH"}
        if not rule.rule.startswith("/api/") or not methods:
            continue
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<int:{name}>", str(ids.get(name, 1))).replace(f"<{name}>", "x")
        for method in sorted(methods):
            response = send(client, method, url, DEEP_ARRAY)
            assert response.status_code < 500, (method, url, response.status_code)
            assert response.is_json, (method, url)
            checked += 1
    assert checked >= 5
