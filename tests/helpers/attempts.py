"""Helpers for attempts: right and wrong answers to a paper item, reading what was stored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services.attempts.answers import save_answer
from quiz.services.attempts.lifecycle import start_attempt
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW


def begin(contest, student, *, now: datetime = NOW) -> Attempt:
    """Start ``student``'s attempt at ``contest`` through the service, drawing a real paper."""
    attempt, _created = start_attempt(
        contest, student, now=now, grace_seconds=GRACE, paper_builder=build_paper
    )
    return attempt


def right_answer(item: dict) -> dict:
    """The answer (``choice`` or ``text``) that gets a paper item right: its key."""
    if item["type"] == "fill_blank":
        return {"text": item["key"][0]}
    return {"choice": item["key"]}


def wrong_answer(item: dict) -> dict:
    """An answer that gets a paper item wrong: one option outside the key, or 不知道."""
    if item["type"] == "fill_blank":
        return {"text": "不知道"}
    wrong = [i for i in range(len(item["options"])) if i not in item["key"]]
    return {"choice": wrong[:1]}


def answer_all(attempt: Attempt, *, right: bool, now: datetime, grace: float = GRACE) -> None:
    """Answer every paper question right (the key) or wrong, through the service."""
    for item in attempt.paper:
        value = right_answer(item) if right else wrong_answer(item)
        save_answer(attempt, item["question_id"], now=now, grace_seconds=grace, **value)


def stored(attempt_id: int) -> Attempt:
    """The attempt as the database holds it now (requests run in their own sessions)."""
    db.session.expire_all()
    return db.session.get(Attempt, attempt_id)


def attempt_count() -> int:
    """How many attempts (of anyone, previews included) the database holds."""
    return db.session.execute(select(func.count()).select_from(Attempt)).scalar_one()
