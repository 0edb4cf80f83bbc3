"""When a student may see right answers, explanations and sources (pure; no Flask).

The key must never reach the client while an attempt is open. After that the contest's
``show_answers`` setting decides: ``after_submit`` (once this attempt is finished),
``after_close`` (once the contest has closed, so early finishers cannot pass answers on) or
``never``.
"""

from __future__ import annotations

from datetime import datetime

from quiz.enums import AttemptStatus, Disclosure
from quiz.models import Attempt
from quiz.services.attempts.timing import CLOSED, contest_state, effective_status


def answers_visible(show_answers: str, attempt_finished: bool, contest_closed: bool) -> bool:
    """Whether the key, explanation and source of an attempt's questions may be shown."""
    if not attempt_finished:
        return False
    if show_answers == Disclosure.AFTER_SUBMIT:
        return True
    if show_answers == Disclosure.AFTER_CLOSE:
        return contest_closed
    return False  # "never", and any unknown value: fail closed


def revealed_item(item: dict) -> dict:
    """The disclosed part of a paper item: key (shown order / accepted strings) and provenance."""
    source = item.get("source") or {}
    return {
        "key": list(item.get("key") or []),
        "explanation": item.get("explanation") or "",
        "source": {
            "title": source.get("title", ""),
            "publisher": source.get("publisher", ""),
            "date": source.get("date", ""),
            "sentence": source.get("sentence", ""),
            "start": source.get("start"),
            "end": source.get("end"),
        },
    }


def is_finished(attempt: Attempt, now: datetime, grace_seconds: float) -> bool:
    return effective_status(attempt, now, grace_seconds) != AttemptStatus.IN_PROGRESS


def disclosed(attempt: Attempt, now: datetime, grace_seconds: float) -> bool:
    """Whether this attempt's key and explanations may be shown to its student now."""
    contest = attempt.contest
    return answers_visible(
        contest.show_answers,
        is_finished(attempt, now, grace_seconds),
        contest_state(now, contest.opens_at, contest.closes_at) == CLOSED,
    )
