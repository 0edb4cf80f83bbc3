"""Voiding a flawed question in a contest: every attempt that had it is rescored.

For each attempt whose paper holds the question (any status: an open attempt is rescored
too, so its later answers cannot bring the points back): the item is marked ``voided`` with 0
points in the paper snapshot, the saved answer keeps its choice but earns 0, ``max_score``
drops by the item's points and ``score`` is recomputed. The audit log keeps who, when, why,
and every attempt's old and new score and maximum. Standings (and Redis) are then rebuilt, so
every board changes.

New papers may still draw the question: retire it in the bank to stop that.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from quiz.extensions import db
from quiz.models import Attempt, Contest, User
from quiz.models.audit import record
from quiz.services import Conflict, NotFound
from quiz.services.boards import SCORE_DIGITS, rebuild_standings
from quiz.services.contests import require_manageable


def void_question(
    contest: Contest, question_id: int, *, actor: User, now: datetime, reason: str = ""
) -> list[dict]:
    """Void ``question_id`` in ``contest``; return the per-attempt changes (also audited)."""
    require_manageable(contest, actor)
    attempts = (
        db.session.execute(
            select(Attempt)
            .where(Attempt.contest_id == contest.id)
            .options(selectinload(Attempt.answers))
            .order_by(Attempt.id)
        )
        .scalars()
        .all()
    )
    holding = [a for a in attempts if any(i["question_id"] == question_id for i in a.paper)]
    if not holding:
        raise NotFound("该题不在本比赛的任何试卷中。", code="not_in_contest")
    changes = []
    for attempt in holding:
        item = next(i for i in attempt.paper if i["question_id"] == question_id)
        if item.get("voided"):
            continue
        old_score, old_max = attempt.score, attempt.max_score
        item_points = float(item["points"])
        attempt.paper = [
            {**i, "voided": True, "points": 0, "voided_points": i["points"]}
            if i["question_id"] == question_id
            else i
            for i in attempt.paper
        ]
        flag_modified(attempt, "paper")
        for answer in attempt.answers:
            if answer.question_id == question_id:
                answer.points = 0.0  # the choice and its correctness stay on record
        attempt.max_score = round(old_max - item_points, SCORE_DIGITS)
        attempt.score = round(sum(a.points for a in attempt.answers), SCORE_DIGITS)
        changes.append(
            {
                "attempt_id": attempt.id,
                "user_id": attempt.user_id,
                "status": attempt.status,
                "old_score": old_score,
                "new_score": attempt.score,
                "old_max": old_max,
                "new_max": attempt.max_score,
            }
        )
    if not changes:
        raise Conflict("该题已作废。", code="already_voided")
    record(
        actor,
        "contest.void_question",
        "contest",
        contest.id,
        question_id=question_id,
        reason=reason,
        at=now.isoformat(),
        attempts=changes,
    )
    db.session.flush()
    rebuild_standings(contest)  # commits, bumps board versions, reloads Redis
    return changes
