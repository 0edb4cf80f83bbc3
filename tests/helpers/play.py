"""Helpers for the student's pages: starting an attempt through the page's form."""

from __future__ import annotations

from quiz.extensions import db
from quiz.models import Attempt


def start(client, contest) -> Attempt:
    """Start through the page's POST form and return the attempt it redirected to."""
    response = client.post(f"/contests/{contest.id}/start")
    assert response.status_code == 302, response.get_data(as_text=True)
    attempt_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    db.session.expire_all()
    return db.session.get(Attempt, attempt_id)


def right_answer(question) -> dict:
    """The practice-check payload part that answers ``question`` right (bank order)."""
    if question.type == "fill_blank":
        return {"text": question.answer[0]}
    return {"choice": list(question.answer)}
