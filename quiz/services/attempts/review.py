"""错题本 (review list): wrong answers are remembered per student with their source."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Attempt, ReviewItem


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
