"""The student's 错题本 and which questions they may practise (reads only; no Flask).

A question's key is only revealed here once one of the student's finished attempts that held it
has disclosed its answers (services.disclosure), so the 错题本 and practice never leak the key
of a contest whose answers are still withheld.
"""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import or_, select

from quiz.extensions import db
from quiz.models import Contest, Question, QuestionDay
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
