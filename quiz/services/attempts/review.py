"""错题本 (review list): wrong answers are remembered per student with their source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Question, QuestionDay, ReviewItem, User
from quiz.services.attempts.disclosure import disclosed, is_finished
from quiz.services.attempts.reveal import key_text, response_text, shown_question
from quiz.services.contests import KeyLocks


def remember_wrong_answers(attempt: Attempt, *, now: datetime) -> int:
    """Add every question of a finished attempt that was not fully right (or left blank).

    Preview attempts are organizers' rehearsals and leave no trace.
    """
    if attempt.is_preview:
        return 0
    answered_right = {a.question_id for a in attempt.answers if a.is_correct}
    wrong_ids = [
        item["question_id"] for item in attempt.paper if item["question_id"] not in answered_right
    ]
    if not wrong_ids:
        return 0
    existing = {
        item.question_id: item
        for item in db.session.execute(
            select(ReviewItem).where(
                ReviewItem.user_id == attempt.user_id, ReviewItem.question_id.in_(wrong_ids)
            )
        ).scalars()
    }
    for question_id in wrong_ids:
        item = existing.get(question_id)
        if item is None:
            db.session.add(
                ReviewItem(user_id=attempt.user_id, question_id=question_id, last_wrong_at=now)
            )
        else:
            item.times_wrong += 1
            item.last_wrong_at = now
            item.mastered_at = None
    return len(wrong_ids)


def mark_mastered(user_id: int, question_id: int, *, now: datetime) -> None:
    """A right answer in practice takes the question off the active review list."""
    item = db.session.execute(
        select(ReviewItem).where(
            ReviewItem.user_id == user_id, ReviewItem.question_id == question_id
        )
    ).scalar_one_or_none()
    if item is not None and item.mastered_at is None:
        item.mastered_at = now
        db.session.commit()


@dataclass
class ReviewEntry:
    """A 错题本 question as the student last saw it: ``shown`` is the bank question in that
    attempt's option order, and ``last_answer`` and ``key`` are lettered by that same list."""

    item: ReviewItem
    question: Question
    last_answer: str | None  # the student's last wrong answer, in words; None when unknown
    answered: bool  # False: left blank
    disclosed: bool
    shown: dict = field(default_factory=dict)  # {"type", "options", "key"} in shown order
    key: str = ""  # the right answer in words; only once disclosed


@dataclass
class _Seen:
    order: list[int] | None = None  # the newest attempt's option order (shown → bank index)
    choice: list[int] | None = None
    text: str | None = None
    answered: bool = False
    found: bool = False
    disclosed: bool = False


def _history(user: User, question_ids: set[int], now: datetime, grace: float) -> dict[int, _Seen]:
    """Per question: the newest finished attempt's answer, and whether any attempt disclosed it."""
    attempts = (
        db.session.execute(
            select(Attempt)
            .where(Attempt.user_id == user.id, Attempt.status != AttemptStatus.VOIDED)
            .options(selectinload(Attempt.answers), selectinload(Attempt.contest))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        )
        .scalars()
        .all()
    )
    seen: dict[int, _Seen] = {qid: _Seen() for qid in question_ids}
    # A key another running contest can still draw stays back, whatever the attempt allowed.
    locks = KeyLocks(now)
    for attempt in attempts:
        if not is_finished(attempt, now, grace):
            continue
        reveals = disclosed(attempt, now, grace)
        answers = {a.question_id: a for a in attempt.answers}
        for item in attempt.paper:
            entry = seen.get(item["question_id"])
            if entry is None:
                continue
            entry.disclosed = entry.disclosed or (
                reveals and locks.practicable(item["question_id"], besides=attempt.contest_id)
            )
            if not entry.found:
                entry.found = True
                entry.order = item.get("order")
                answer = answers.get(item["question_id"])
                if answer is not None:
                    entry.answered = True
                    entry.choice, entry.text = answer.choice, answer.text
    return seen


def _entry(item: ReviewItem, question: Question, seen: _Seen) -> ReviewEntry:
    """The entry with its options, last answer and key lettered by one list (the shown one)."""
    shown = shown_question(question, seen.order)
    last = response_text(shown, seen.choice, seen.text) if seen.answered else None
    if seen.order and shown["order"] != seen.order:
        last = ""  # options were added or removed since: the saved positions mean nothing now
    return ReviewEntry(
        item=item,
        question=question,
        last_answer=last,
        answered=seen.answered,
        disclosed=seen.disclosed,
        shown=shown,
        key=key_text(shown) if seen.disclosed else "",
    )


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
    return [_entry(item, question, seen[question.id]) for item, question in rows]


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
    return _entry(item, question, _history(user, {question.id}, now, grace_seconds)[question.id])
