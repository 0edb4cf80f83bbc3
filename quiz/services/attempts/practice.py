"""The student's 错题本 and which questions they may practise (reads only; no Flask).

A question's key is only revealed here once one of the student's finished attempts that held it
has disclosed its answers (services.disclosure), so the 错题本 and practice never leak the key
of a contest whose answers are still withheld.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from quiz.extensions import db
from quiz.models import Attempt, Contest, Question, QuestionDay, ReviewItem, User
from quiz.play.reveal import disclosed, is_finished, response_text
from quiz.services.attempts import VOIDED
from quiz.services.timing import OPEN, UPCOMING, contest_state

#: Questions per practice round.
PRACTICE_SIZE = 10
REVIEW_PRACTICE_SIZE = 20


@dataclass
class ReviewEntry:
    item: ReviewItem
    question: Question
    last_answer: str | None  # the student's last wrong answer, in words; None when unknown
    answered: bool  # False: left blank
    disclosed: bool


@dataclass
class _Seen:
    last_answer: str | None = None
    answered: bool = False
    found: bool = False
    disclosed: bool = False


def _history(user: User, question_ids: set[int], now: datetime, grace: float) -> dict[int, _Seen]:
    """Per question: the newest finished attempt's answer, and whether any attempt disclosed it."""
    attempts = (
        db.session.execute(
            select(Attempt)
            .where(Attempt.user_id == user.id, Attempt.status != VOIDED)
            .options(selectinload(Attempt.answers), selectinload(Attempt.contest))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        )
        .scalars()
        .all()
    )
    seen: dict[int, _Seen] = {qid: _Seen() for qid in question_ids}
    for attempt in attempts:
        if not is_finished(attempt, now, grace):
            continue
        reveals = disclosed(attempt, now, grace)
        answers = {a.question_id: a for a in attempt.answers}
        for item in attempt.paper:
            entry = seen.get(item["question_id"])
            if entry is None:
                continue
            entry.disclosed = entry.disclosed or reveals
            if not entry.found:
                entry.found = True
                answer = answers.get(item["question_id"])
                if answer is not None:
                    entry.answered = True
                    entry.last_answer = response_text(item, answer.choice, answer.text)
    return seen


def review_entries(
    user: User, *, now: datetime, grace_seconds: float, day: str | None = None
) -> list[ReviewEntry]:
    """The student's active (not yet mastered) review items, newest mistake first."""
    query = (
        select(ReviewItem, Question)
        .join(Question, Question.id == ReviewItem.question_id)
        .where(ReviewItem.user_id == user.id, ReviewItem.mastered_at.is_(None))
        .options(selectinload(Question.source), selectinload(Question.days))
        .order_by(ReviewItem.last_wrong_at.desc(), ReviewItem.id.desc())
    )
    if day:
        query = query.where(
            Question.id.in_(select(QuestionDay.question_id).where(QuestionDay.day == day))
        )
    rows = db.session.execute(query).all()
    seen = _history(user, {q.id for _, q in rows}, now, grace_seconds)
    return [
        ReviewEntry(
            item=item,
            question=question,
            last_answer=seen[question.id].last_answer,
            answered=seen[question.id].answered,
            disclosed=seen[question.id].disclosed,
        )
        for item, question in rows
    ]


def review_entry(
    user: User, question_id: int, *, now: datetime, grace_seconds: float
) -> ReviewEntry | None:
    """One review item of the student (mastered ones too), or None when it is not theirs."""
    row = db.session.execute(
        select(ReviewItem, Question)
        .join(Question, Question.id == ReviewItem.question_id)
        .where(ReviewItem.user_id == user.id, ReviewItem.question_id == question_id)
    ).first()
    if row is None:
        return None
    item, question = row
    seen = _history(user, {question.id}, now, grace_seconds)[question.id]
    return ReviewEntry(item, question, seen.last_answer, seen.answered, seen.disclosed)


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
            .where(QuestionDay.day == day, Question.status == "approved")
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
        "options": list(question.options or []) if question.type != "fill_blank" else [],
    }
