"""Practice: which questions a student may practise, and grading one practice answer.

Practice never creates an attempt and never touches a leaderboard.

A question's key is only revealed here once one of the student's finished attempts that held it
has disclosed its answers (services.disclosure), so the 错题本 and practice never leak the key
of a contest whose answers are still withheld; and only while the question is *practicable*, no
running contest being able to draw it (services.contests.practicable).
"""

from __future__ import annotations

import random
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from quiz.bank.constants import QuestionStatus, QuestionType, ThemedDay
from quiz.extensions import db
from quiz.models import Question, QuestionDay, User
from quiz.services import DomainError, NotFound
from quiz.services.attempts.answers import MAX_TEXT_LENGTH
from quiz.services.attempts.grading import grade_choice, grade_text
from quiz.services.attempts.reveal import bank_key_text, question_source
from quiz.services.attempts.review import mark_mastered, review_entries
from quiz.services.contests import KeyLocks, filter_practicable, practicable_from

#: Questions per practice round.
PRACTICE_SIZE = 10
REVIEW_PRACTICE_SIZE = 20


def day_practicable_from(day: str, now: datetime) -> datetime | None:
    """When every question of ``day`` is practicable: the close of the last contest that can
    draw one of them (None when they all are already; services.contests.practicable)."""
    return practicable_from(day_question_ids(day), now)


def days_practicable_from(days, now: datetime) -> dict[str, datetime | None]:
    """:func:`day_practicable_from` for several days, reading the running contests once."""
    locks = KeyLocks(now)
    found = {}
    for day in days:
        until = [locks.locked_until(qid) for qid in day_question_ids(day)]
        found[day] = max((t for t in until if t is not None), default=None)
    return found


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
        entries = review_entries(user, now=now, grace_seconds=grace_seconds)  # practicable only
        ids = [e.question.id for e in entries if e.disclosed]
        return ids, None if ids else NOTHING_IN_REVIEW
    if day is None:
        return [], None
    every = day_question_ids(day)
    # Only questions no running contest can draw: the others would hand out its key.
    ids = filter_practicable(every, now)
    if not ids:
        return [], DAY_STILL_LIVE if every else DAY_EMPTY
    return ids, None


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
