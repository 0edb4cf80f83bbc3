"""API test helpers: a controllable clock, a JSON client wrapper, and answer helpers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from quiz.extensions import db
from quiz.models import Attempt
from tests.factories import DEFAULT_PASSWORD

#: The factories' default "now": their contests open a minute before it.
NOW = datetime(2026, 10, 11, 2, 0, 0)
GRACE = 3


class Clock:
    """Frozen time that tests move explicitly (never sleep)."""

    def __init__(self, traveller):
        self._traveller = traveller
        self.now = NOW

    def set(self, when: datetime) -> datetime:
        self.now = when
        self._traveller.move_to(when.replace(tzinfo=UTC))
        return when

    def shift(self, **delta) -> datetime:
        return self.set(self.now + timedelta(**delta))


@pytest.fixture
def clock():
    with time_machine.travel(NOW.replace(tzinfo=UTC), tick=False) as traveller:
        yield Clock(traveller)


class Api:
    """Thin wrapper over the test client speaking JSON to /api/v1."""

    def __init__(self, client):
        self.client = client
        self.bodies: list[str] = []  # every response body, for leak scans

    def _keep(self, response):
        self.bodies.append(response.get_data(as_text=True))
        return response

    def login(self, username: str, password: str = DEFAULT_PASSWORD):
        response = self.client.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.get_json()
        return response

    def get(self, url: str, **kwargs):
        return self._keep(self.client.get(f"/api/v1{url}", **kwargs))

    def post(self, url: str, json=None, **kwargs):
        return self._keep(self.client.post(f"/api/v1{url}", json=json, **kwargs))

    def put(self, url: str, json=None, **kwargs):
        return self._keep(self.client.put(f"/api/v1{url}", json=json, **kwargs))

    def start(self, contest_id: int):
        return self.post(f"/contests/{contest_id}/attempts")

    def answer(self, attempt_id: int, question_id: int, **body):
        return self.put(f"/attempts/{attempt_id}/answers/{question_id}", json=body)

    def submit(self, attempt_id: int):
        return self.post(f"/attempts/{attempt_id}/submit")


@pytest.fixture
def api(client) -> Api:
    return Api(client)


def stored(attempt_id: int) -> Attempt:
    """The attempt as the database holds it now (requests run in their own sessions)."""
    db.session.expire_all()
    return db.session.get(Attempt, attempt_id)


def right_answer(item: dict) -> dict:
    """The request body that answers a paper item correctly."""
    if item["type"] == "fill_blank":
        return {"text": item["key"][0]}
    return {"choice": item["key"]}


def wrong_answer(item: dict) -> dict:
    if item["type"] == "fill_blank":
        return {"text": "不知道"}
    wrong = [i for i in range(len(item["options"])) if i not in item["key"]]
    return {"choice": wrong[:1]}
