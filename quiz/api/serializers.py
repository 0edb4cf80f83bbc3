"""JSON shapes of contests, attempts and results. The key appears only when disclosure allows."""

from __future__ import annotations

from datetime import datetime

from quiz.enums import AttemptStatus
from quiz.models import Answer, Attempt
from quiz.services.attempts import (
    CLOSED,
    AttemptResult,
    ContestCard,
    answers_visible,
    contest_state,
    effective_status,
    revealed_item,
    seconds_left,
    time_used_ms,
)
from quiz.services.contests import KeyLocks, public_item
from quiz.timeutil import iso_utc


def contest_json(card: ContestCard, *, now: datetime) -> dict:
    """A contest of the student's catalog, with their attempts at it."""
    contest = card.contest
    open_attempt = card.open_attempt
    return {
        "id": contest.id,
        "event_id": contest.event_id,
        "themed_day": contest.themed_day,
        "title": contest.title,
        "description": contest.description,
        "opens_at": iso_utc(contest.opens_at),
        "closes_at": iso_utc(contest.closes_at),
        "state": card.state,
        "time_limit_seconds": contest.time_limit_seconds,
        "question_count": contest.question_count,
        "max_score": contest.max_score,
        "seconds_to_open": seconds_left(now, contest.opens_at),
        "seconds_to_close": seconds_left(now, contest.closes_at),
        "requires_code": card.locked,
        "attempts": {
            "allowed": contest.attempts_allowed,
            "used": card.attempts_used,
            "remaining": card.attempts_left,
            "finished": len(card.finished),
            "open_attempt_id": open_attempt.id if open_attempt else None,
            "counted_score": card.counted_score,
            "counting": contest.counting,
        },
    }


def _answer_json(answer: Answer, graded: bool) -> dict:
    body: dict = {"saved_at": iso_utc(answer.saved_at)}
    if answer.text is not None:
        body["text"] = answer.text
    else:
        body["choice"] = list(answer.choice or [])
    if graded:  # points would reveal right and wrong while the attempt is open
        body["points"] = answer.points
        body["is_correct"] = answer.is_correct
    return body


def attempt_json(attempt: Attempt, *, now: datetime, grace_seconds: float) -> dict:
    """The quiz page's view of an attempt; the key only once finished and disclosure allows."""
    contest = attempt.contest
    status = effective_status(attempt, now, grace_seconds)
    finished = status != AttemptStatus.IN_PROGRESS
    closed = contest_state(now, contest.opens_at, contest.closes_at) == CLOSED
    visible = answers_visible(contest.show_answers, finished, closed)
    questions = []
    locks = KeyLocks(now) if visible else None
    for item in attempt.paper:
        question = public_item(item)
        if locks is not None and locks.practicable(item["question_id"], besides=attempt.contest_id):
            question.update(revealed_item(item))
        questions.append(question)
    body = {
        "id": attempt.id,
        "contest_id": attempt.contest_id,
        "number": attempt.number,
        "status": status,
        "started_at": iso_utc(attempt.started_at),
        "deadline": iso_utc(attempt.deadline),
        "server_time": iso_utc(now),
        "seconds_left": 0 if finished else seconds_left(now, attempt.deadline),
        "time_limit_seconds": contest.time_limit_seconds,
        "extension_seconds": attempt.extension_seconds,
        "grace_seconds": grace_seconds,
        "questions": questions,
        "answers": {
            str(a.question_id): _answer_json(
                a,
                locks is not None and locks.practicable(a.question_id, besides=attempt.contest_id),
            )
            for a in attempt.answers
        },
        "answers_visible": visible,
        "focus_losses": attempt.focus_losses,
        "result": None,
    }
    if finished:
        body["result"] = {
            "score": attempt.score,
            "max_score": attempt.max_score,
            "time_used_ms": time_used_ms(attempt.started_at, attempt.finished_at, attempt.deadline),
            "finished_at": iso_utc(attempt.finished_at),
        }
    return body


def result_json(result: AttemptResult, rank: int | None) -> dict:
    return {
        "score": result.score,
        "max_score": result.max_score,
        "rank": rank,
        "time_used_ms": result.time_used_ms,
        "status": result.status,
    }
