"""Practicable questions: the one rule for every place that discloses a key.

A question is *practicable* when no contest with ``closes_at > now`` can draw it: its key,
explanation and source may then be shown in practice, the 错题本, results and exports. A contest
that can still be entered (open or upcoming) can draw:

- once its pool is fixed (the first start after ``opens_at``, services.contests.pools): the
  questions of its pool, whatever the bank says now (a retired question stays drawable there,
  a later approval does not reach it);
- before that, a fixed-set contest: its hand-picked questions;
- and a rules contest: the approved questions its rules match now (its day's and the
  week-wide ``general`` ones, or every approved question when it has no themed day).

Nothing here reads the request: callers pass ``now``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from quiz.bank.constants import QuestionStatus
from quiz.enums import DrawMode
from quiz.extensions import db
from quiz.models import Contest, ContestPool, ContestQuestion, Question, QuestionDay
from quiz.services.contests.papers import GENERAL


def _drawable_by(contest: Contest) -> set[int] | None:
    """Question ids ``contest`` can draw, or None for "every approved question"."""
    if contest.draw_mode == DrawMode.FIXED:
        return set(
            db.session.execute(
                select(ContestQuestion.question_id).where(ContestQuestion.contest_id == contest.id)
            ).scalars()
        )
    if not contest.themed_day:
        return None
    return set(
        db.session.execute(
            select(QuestionDay.question_id)
            .join(Question, Question.id == QuestionDay.question_id)
            .where(
                QuestionDay.day.in_([contest.themed_day, GENERAL]),
                Question.status == QuestionStatus.APPROVED,
            )
        ).scalars()
    )


def _fixed_pools(contest_ids: list[int]) -> dict[int, set[int]]:
    """The question ids of the fixed pools of ``contest_ids`` (one statement for them all)."""
    if not contest_ids:
        return {}
    pools: dict[int, set[int]] = {}
    rows = db.session.execute(
        select(ContestPool.contest_id, ContestPool.question_id).where(
            ContestPool.contest_id.in_(contest_ids)
        )
    )
    for contest_id, question_id in rows:
        pools.setdefault(contest_id, set()).add(question_id)
    return pools


class KeyLocks:
    """Which questions running contests can still draw, and until when.

    ``besides`` names a contest that does not count: an attempt's own contest, whose
    ``show_answers`` setting already decided what its finishers see (after_submit is the
    organizer's choice); every *other* running contest still keeps the key back.
    """

    def __init__(self, now: datetime):
        self.now = now
        self._by_question: dict[int, list[tuple[int, datetime]]] = {}
        self._whole_bank: list[tuple[int, datetime]] = []  # contests drawing from every day
        contests = list(
            db.session.execute(select(Contest).where(Contest.closes_at > now)).scalars()
        )
        pools = _fixed_pools([c.id for c in contests if c.pool_fixed_at is not None])
        for contest in contests:
            ids = pools.get(contest.id, set()) if contest.pool_fixed_at else _drawable_by(contest)
            entry = (contest.id, contest.closes_at)
            if ids is None:
                self._whole_bank.append(entry)
                continue
            for qid in ids:
                self._by_question.setdefault(qid, []).append(entry)

    def locked_until(self, question_id: int, besides: int | None = None) -> datetime | None:
        """The close of the last contest that can draw the question (None: practicable now)."""
        found = [
            closes
            for contest_id, closes in (*self._by_question.get(question_id, ()), *self._whole_bank)
            if contest_id != besides
        ]
        return max(found) if found else None

    def practicable(self, question_id: int, besides: int | None = None) -> bool:
        return self.locked_until(question_id, besides) is None

    def filter(self, ids) -> list[int]:
        """The practicable ones of ``ids``, in their order."""
        return [qid for qid in ids if self.practicable(qid)]


def filter_practicable(ids, now: datetime) -> list[int]:
    """The practicable question ids among ``ids`` (see the module docstring)."""
    return KeyLocks(now).filter(ids)


def is_practicable(question_id: int, now: datetime) -> bool:
    return KeyLocks(now).practicable(question_id)


def practicable_from(ids, now: datetime) -> datetime | None:
    """When every question of ``ids`` is practicable: the last close among the contests drawing
    them (None when they all are already)."""
    locks = KeyLocks(now)
    found = [t for t in (locks.locked_until(qid) for qid in ids) if t is not None]
    return max(found) if found else None
