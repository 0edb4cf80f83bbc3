"""Practice: which questions a student may practise, and grading one practice answer.

Practice never creates an attempt and never touches a leaderboard.

A question's key is only revealed here once one of the student's finished attempts that held it
has disclosed its answers (services.disclosure), so the 错题本 and practice never leak the key
of a contest whose answers are still withheld; and only while the question is *practicable*, no
running contest being able to draw it (services.contests.practicable).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from quiz.bank.constants import QuestionStatus, QuestionType, ThemedDay
from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Contest, Question, QuestionDay, Source, User
from quiz.services import DomainError, NotFound
from quiz.services.attempts.answers import MAX_TEXT_LENGTH
from quiz.services.attempts.grading import grade_choice, grade_text
from quiz.services.attempts.reveal import bank_key_text, question_source
from quiz.services.attempts.review import mark_mastered, review_entries
from quiz.services.contests import KeyLocks, filter_practicable, pool_versions, practicable_from

#: Questions per practice round.
PRACTICE_SIZE = 10
REVIEW_PRACTICE_SIZE = 20


def day_practicable_from(day: str, now: datetime) -> datetime | None:
    """When every question of ``day`` is practicable: the close of the last contest that can
    draw one of them (None when they all are already; services.contests.practicable)."""
    return practicable_from(day_question_ids(day), now)


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
    """Practise a themed day's questions, the 错题本, an ended contest's or an article's."""

    DAY = "day"
    REVIEW = "review"
    CONTEST = "contest"
    SOURCE = "source"


#: Why a practice round is empty (the page words each one).
NOTHING_IN_REVIEW, DAY_STILL_LIVE, DAY_EMPTY = "review_empty", "day_live", "day_empty"

#: How many ended contests and articles the practice page offers (the most recent / fullest).
CONTESTS_OFFERED, SOURCES_OFFERED = 6, 12


@dataclass(frozen=True)
class PracticeChoice:
    """One thing the practice page offers: how many of its questions are practicable now, and
    when the rest will be (the close of the last running contest that can draw one)."""

    mode: str
    key: str
    title: str
    practicable: int
    total: int
    opens_at: datetime | None = None


def practice_choices(user: User, now: datetime) -> list[PracticeChoice]:
    """What ``user`` can practise now: each themed day, the ended contests they took part in,
    and the articles with practicable questions (those no running contest can draw).

    Read with one :class:`KeyLocks`, so every count uses the same running contests.
    """
    locks = KeyLocks(now)

    def choice(mode: str, key: str, title: str, ids: list[int]) -> PracticeChoice:
        until = [t for t in (locks.locked_until(i) for i in ids) if t is not None]
        opens = max(until, default=None)
        return PracticeChoice(mode, key, title, len(ids) - len(until), len(ids), opens)

    found = [
        choice(PracticeMode.DAY, day.value, day.label, day_question_ids(day.value))
        for day in ThemedDay
    ]
    for contest in _ended_contests(user, now)[:CONTESTS_OFFERED]:
        found.append(
            choice(PracticeMode.CONTEST, str(contest.id), contest.title, _contest_ids(contest))
        )
    sources = []
    for (source_id, title), ids in _questions_by_source().items():
        offered = choice(PracticeMode.SOURCE, source_id, title or source_id, ids)
        if offered.practicable:
            sources.append(offered)
    sources.sort(key=lambda c: (-c.practicable, c.key))
    return found + sources[:SOURCES_OFFERED]


def practice_subject(mode: str, key: str | None) -> str:
    """The name of what an ended-contest or article round practises ("" when unknown)."""
    if not key:
        return ""
    if mode == PracticeMode.CONTEST and key.isdigit():
        contest = db.session.get(Contest, int(key))
        return contest.title if contest else ""
    if mode == PracticeMode.SOURCE:
        source = db.session.get(Source, key)
        return (source.title or source.id) if source else ""
    return ""


def _ended_contests(user: User, now: datetime) -> list[Contest]:
    """Closed contests in which ``user`` finished an attempt, the most recently closed first."""
    finished = (AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED)
    return list(
        db.session.execute(
            select(Contest)
            .join(Attempt, Attempt.contest_id == Contest.id)
            .where(
                Attempt.user_id == user.id,
                Attempt.status.in_(finished),
                Contest.closes_at <= now,
            )
            .group_by(Contest.id)
            .order_by(Contest.closes_at.desc(), Contest.id.desc())
        ).scalars()
    )


def _contest_ids(contest: Contest) -> list[int]:
    """An ended contest's questions: its fixed pool (services.contests.pools), else none."""
    return sorted(pool_versions(contest.id))


def _questions_by_source() -> dict[tuple[str, str], list[int]]:
    """Every article's approved questions, (id, title) -> question ids, in one query."""
    found: dict[tuple[str, str], list[int]] = {}
    rows = db.session.execute(
        select(Source.id, Source.title, Question.id)
        .join(Question, Question.source_id == Source.id)
        .where(Question.status == QuestionStatus.APPROVED)
        .order_by(Source.id, Question.id)
    )
    for source_id, title, question_id in rows:
        found.setdefault((source_id, title), []).append(question_id)
    return found


def _source_ids(source_id: str) -> list[int]:
    """The approved questions made from one article."""
    return list(
        db.session.execute(
            select(Question.id)
            .where(Question.source_id == source_id, Question.status == QuestionStatus.APPROVED)
            .order_by(Question.id)
        ).scalars()
    )


def practicable_ids(
    user: User, mode: str, day: str | None, *, now: datetime, grace_seconds: float
) -> tuple[list[int], str | None]:
    """Question ids ``user`` may practise in ``mode`` now, or a reason code why there are none.

    ``day`` is what the mode picks: a themed day's code, an ended contest's id or an article's
    id (unused for the 错题本). A contest counts only if ``user`` finished an attempt in it.
    """
    if mode == PracticeMode.REVIEW:
        entries = review_entries(user, now=now, grace_seconds=grace_seconds)  # practicable only
        ids = [e.question.id for e in entries if e.disclosed]
        return ids, None if ids else NOTHING_IN_REVIEW
    if day is None:
        return [], None
    if mode == PracticeMode.CONTEST:
        contest = next((c for c in _ended_contests(user, now) if str(c.id) == day), None)
        every = _contest_ids(contest) if contest else []
    elif mode == PracticeMode.SOURCE:
        every = _source_ids(day)
    else:
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
    modes = {m.value for m in PracticeMode}
    mode = PracticeMode(payload["mode"]) if payload.get("mode") in modes else PracticeMode.DAY
    day = payload.get("day") if isinstance(payload.get("day"), str) else None
    if mode == PracticeMode.DAY and day not in ThemedDay.values():
        day = None
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
