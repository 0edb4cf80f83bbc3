"""Helpers for CLI tests: a student taking a quiz over the API, and every board page read."""

from __future__ import annotations

import random
from datetime import timedelta

from tests.factories import DEFAULT_PASSWORD

CLASSES = ("四川省/广元中学/高一(1)班", "四川省/广元中学/高一(2)班", "四川省/成都七中/高二(3)班")


def _answer(item: dict, rng: random.Random) -> dict:
    if item["type"] == "fill_blank":
        return {"text": rng.choice(["72万元", "不知道"])}
    count = len(item["options"])
    if item["type"] == "multiple_choice":
        return {"choice": sorted(rng.sample(range(count), rng.randint(1, count)))}
    return {"choice": [rng.randrange(count)]}


def take_quiz(client, clock, contest_id: int, rng: random.Random, *, submit: bool = True):
    """Start, answer every question over the API after some thinking, and hand in."""
    response = client.post(f"/api/v1/contests/{contest_id}/attempts")
    assert response.status_code in (200, 201), response.get_json()
    attempt = response.get_json()
    for item in attempt["questions"]:
        clock.shift(timedelta(seconds=rng.randint(3, 40)))
        url = f"/api/v1/attempts/{attempt['id']}/answers/{item['id']}"
        assert client.put(url, json=_answer(item, rng)).status_code == 200
    if submit:
        assert client.post(f"/api/v1/attempts/{attempt['id']}/submit").status_code == 200


def login(client, username: str) -> None:
    """Log ``username`` in over the API (the factories' default password)."""
    body = {"username": username, "password": DEFAULT_PASSWORD}
    assert client.post("/api/v1/auth/login", json=body).status_code == 200


def board_snapshot(app, urls: list[str]) -> dict:
    """Every board page as an anonymous visitor, the organizer and a student see it."""
    pages = {}
    for viewer in (None, "teacher", "stu03"):
        client = app.test_client()
        if viewer:
            login(client, viewer)
        for url in urls:
            response = client.get(url)
            pages[viewer, url] = (response.status_code, response.get_json())
    return pages
