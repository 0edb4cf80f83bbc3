"""Play fixtures: a controllable clock (time-machine) and a logged-in student."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt

#: The factories' default "now" (naive UTC): contests open a minute before it.
NOW = datetime(2026, 10, 11, 2, 0, 0)


@pytest.fixture
def clock():
    """Frozen at NOW; ``clock.move_to(naive_utc)`` moves it (no sleeping in tests)."""
    with time_machine.travel(NOW.replace(tzinfo=UTC), tick=False) as traveller:
        original = traveller.move_to

        def move_to(when: datetime):
            original(when.replace(tzinfo=UTC) if when.tzinfo is None else when)

        traveller.move_to = move_to
        yield traveller


@pytest.fixture
def student(factories, auth, clock):
    """A logged-in student (username ``student``), logged in on the frozen clock.

    The session cookie is timestamped: logging in before the clock moves back would make the
    cookie look as if it came from the future, and Flask would drop it.
    """
    user = factories.student("student")
    auth.login("student")
    return user


def start(client, contest) -> Attempt:
    """Start through the page's POST form and return the attempt it redirected to."""
    response = client.post(f"/contests/{contest.id}/start")
    assert response.status_code == 302, response.get_data(as_text=True)
    attempt_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    db.session.expire_all()
    return db.session.get(Attempt, attempt_id)


def attempt_count() -> int:
    return db.session.execute(select(func.count()).select_from(Attempt)).scalar_one()


def answer_all(attempt: Attempt, *, right: bool, now: datetime, grace: float = 3) -> None:
    """Answer every paper question right (the key) or wrong, through the service."""
    from quiz.services.attempts.answers import save_answer

    for item in attempt.paper:
        if item["type"] == "fill_blank":
            value = {"text": item["key"][0] if right else "不知道"}
        else:
            key = item["key"]
            wrong = [next(i for i in range(len(item["options"])) if i not in key)]
            value = {"choice": key if right else wrong}
        save_answer(attempt, item["question_id"], now=now, grace_seconds=grace, **value)
