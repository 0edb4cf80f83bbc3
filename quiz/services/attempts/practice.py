"""Practice: which questions a student may practise, and grading one practice answer.

Practice never creates an attempt and never touches a leaderboard.

A question's key is only revealed here once one of the student's finished attempts that held it
has disclosed its answers (services.disclosure), so the 错题本 and practice never leak the key
of a contest whose answers are still withheld.
"""

from __future__ import annotations

import random
from datetime import datetime
from enum import StrEnum

from sqlalchemy import or_, select

from quiz.bank.constants import QuestionStatus, QuestionType, ThemedDay
from quiz.extensions import db
from quiz.models import Contest, Question, QuestionDay, User
from quiz.services import DomainError, NotFound
from quiz.services.attempts.answers import MAX_TEXT_LENGTH
from quiz.services.attempts.grading import grade_choice, grade_text
from quiz.services.attempts.reveal import bank_key_text, question_source
from quiz.services.attempts.review import mark_mastered, review_entries
from quiz.services.attempts.timing import OPEN, UPCOMING, contest_state

#: Questions per practice round.
PRACTICE_SIZE = 10
REVIEW_PRACTICE_SIZE = 20


def day_is_live(day: str, now: datetime) -> bool:
    """True while a contest drawing from ``day`` is open or upcoming.

    Practising a day's bank with instant feedback would hand out the answers of that day's
    ranked contest (in a second tab during it, or beforehand), so it waits until it closes.
    A contest without a themed day draws from every day.
    """
    contests = db.session.execute(
        select(Contest).where(
            or_(Contest.themed_day == day, Contest.themed_day.is_(None)),
            Contest.closes_at > now,
        )
    ).scalars()
    return any(contest_state(now, c.opens_at, c.closes_at) in (OPEN, UPCOMING) for c in contests)


def day_question_ids(day: str) -> list[int]:
    """Approved questions tagged with ``day`` (the day's own, not week-wide fillers)."""
    return list(
        db.session.execute(
            select(Question.id)
            .join(QuestionDay, QuestionDay.question_id == Question.id)
            .where(QuestionDay.day == day, Question.status == QuestionStatus.APPROVED)
            .order_by(Question.id)
        ).scalars()
    )


def practice_questions(ids: list[int], size: int, rng: random.Random) -> list[Question]:
    """A random round of at most ``size`` of ``ids``, in random order."""
    picked = rng.sample(ids, min(size, len(ids)))
    if not picked:
        return []
    by_id = {
        q.id: q
        for q in db.session.execute(select(Question).where(Question.id.in_(picked))).scalars()
    }
    return [by_id[i] for i in picked if i in by_id]


def public_question(question: Question) -> dict:
    """A practice question as sent to the browser: no key, no explanation, no source."""
    return {
        "id": question.id,
        "type": question.type,
        "stem": question.stem,
        "options": list(question.options or []) if question.type != QuestionType.FILL_BLANK else [],
    }


class PracticeMode(StrEnum):
    """Practice the questions of a themed day, or those of the student's 错题本."""

    DAY = "day"
    REVIEW = "review"


#: Why a practice round is empty (the page words each one).
NOTHING_IN_REVIEW, DAY_STILL_LIVE, DAY_EMPTY = "review_empty", "day_live", "day_empty"


def practicable_ids(
    user: User, mode: str, day: str | None, *, now: datetime, grace_seconds: float
) -> tuple[list[int], str | None]:
    """Question ids ``user`` may practise in ``mode`` now, or a reason code why there are none."""
    if mode == PracticeMode.REVIEW:
        entries = review_entries(user, now=now, grace_seconds=grace_seconds)
        ids = [e.question.id for e in entries if e.disclosed]
        return ids, None if ids else NOTHING_IN_REVIEW
    if day is None:
        return [], None
    if day_is_live(day, now):
        return [], DAY_STILL_LIVE
    ids = day_question_ids(day)
    return ids, None if ids else DAY_EMPTY


def check_practice_answer(
    user: User, payload: dict, *, now: datetime, grace_seconds: float
) -> dict:
    """Grade one practice answer ``{"question_id", "mode", "day", "choice" | "text"}``.

    Returns the verdict with the key, the explanation and the source excerpt. A right answer in
    错题本 practice takes the question off the list. Refuses (DomainError) a malformed request
    or a question this student may not practise now.
    """
    question_id = payload.get("question_id")
    if not isinstance(question_id, int) or isinstance(question_id, bool):  # True is an int too
        raise DomainError("请求格式错误。", code="malformed")
    mode = PracticeMode.REVIEW if payload.get("mode") == PracticeMode.REVIEW else PracticeMode.DAY
    day = payload.get("day") if payload.get("day") in ThemedDay.values() else None
    ids, _reason = practicable_ids(user, mode, day, now=now, grace_seconds=grace_seconds)
    question = (
        db.session.get(Question, payload["question_id"]) if payload["question_id"] in ids else None
    )
    if question is None:
        raise NotFound("该题不可练习。")
    correct = _grade(question, payload)
    mastered = mode == PracticeMode.REVIEW and correct
    if mastered:
        mark_mastered(user.id, question.id, now=now)
    source = question_source(question)
    return {
        "correct": correct,
        "key": bank_key_text(question),
        "explanation": question.explanation or "",
        "mastered": mastered,
        "source": None if source is None else {"title": source["title"], **source["excerpt"]},
    }


def _grade(question: Question, payload: dict) -> bool:
    """Whether a practice answer is right (choice indices in bank order); malformed → 422."""
    if question.type == QuestionType.FILL_BLANK:
        text = payload.get("text")
        if not isinstance(text, str) or len(text) > MAX_TEXT_LENGTH:
            raise DomainError("答案格式错误。", code="malformed")
        return grade_text(list(question.answer or []), text, 1).is_correct
    choice = payload.get("choice")
    if not isinstance(choice, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(question.options or [])
        for i in choice
    ):
        raise DomainError("答案格式错误。", code="malformed")
    return grade_choice(question.type, list(question.answer or []), choice, 1, False).is_correct
