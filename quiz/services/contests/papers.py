"""Papers from the database: a contest's candidate questions, runnability, and the draw.

Until a contest's pool is fixed (services.contests.pools) its candidates are what its rules
match in the bank now; once fixed, they are the question versions of its pool.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.bank.constants import QuestionStatus
from quiz.enums import DrawMode
from quiz.extensions import db
from quiz.models import Contest, ContestPool, Question, QuestionDay, QuestionVersion
from quiz.services import DomainError
from quiz.services.contests.draw import (
    Candidate,
    DrawError,
    draw_paper,
    draw_questions,
    fixed_paper,
    prepare_pool,
    shortage,
)
from quiz.services.questions import source_info

#: Seeds a contest must be drawable with before it may open (see check_runnable).
RUNNABLE_CHECK_SEEDS = 12

#: check_runnable proves a few seeds, not every one: a student's draw that runs a thin,
#: conflicting pool dry tries this many other seeds before the start is refused.
STUDENT_DRAW_RETRIES = 8


def student_draw_seeds(seed: int) -> list[int]:
    """The seeds a student's draw tries, in order: the attempt's own, then other seeds that
    are still its own (a thin pool's refusal is retried, never shown for one unlucky seed)."""
    return [seed + retry * 1_000_003 for retry in range(STUDENT_DRAW_RETRIES + 1)]


GENERAL = "general"


def as_candidate(question: Question, day: str | None) -> Candidate:
    source = source_info(question)
    tags = question.themed_days
    return Candidate(
        id=question.id,
        uid=question.uid,
        type=question.type,
        fact=question.fact,
        difficulty=question.difficulty,
        stem=question.stem,
        options=tuple(question.options or ()),
        answer=tuple(question.answer or ()),
        explanation=question.explanation,
        source=source,
        filler=bool(day) and day not in tags,
        answer_spans=tuple(tuple(span) for span in question.answer_spans or ()),
    )


def matching_questions(themed_day: str | None) -> list[Question]:
    """Approved questions for a day (its own and week-wide ``general`` ones), or every
    approved question without a day: what a rules contest's pool is made of."""
    query = (
        select(Question)
        .where(Question.status == QuestionStatus.APPROVED)
        .options(selectinload(Question.days), selectinload(Question.source))
    )
    if themed_day:
        query = query.where(
            Question.id.in_(
                select(QuestionDay.question_id).where(QuestionDay.day.in_([themed_day, GENERAL]))
            )
        )
    return list(db.session.execute(query).scalars().all())


def candidates_for(themed_day: str | None) -> list[Candidate]:
    """Approved questions for a day (its own first, then week-wide ``general`` ones)."""
    return [as_candidate(question, themed_day) for question in matching_questions(themed_day)]


def version_candidate(question_id: int, content: dict, day: str | None) -> Candidate:
    """A pool's question version as the draw sees it (the same shape as :func:`as_candidate`)."""
    return Candidate(
        id=question_id,
        uid=content["uid"],
        type=content["type"],
        fact=content.get("fact") or "",
        difficulty=content.get("difficulty") or 1,
        stem=content["stem"],
        options=tuple(content.get("options") or ()),
        answer=tuple(content.get("answer") or ()),
        explanation=content.get("explanation") or "",
        source=content.get("source") or {},
        filler=bool(day) and day not in content.get("themed_days", ()),
        answer_spans=tuple(tuple(span) for span in content.get("answer_spans") or ()),
    )


def pool_candidates(contest: Contest) -> list[Candidate]:
    """The versions of a fixed pool, in pool order (a fixed set's hand-picked order)."""
    rows = db.session.execute(
        select(ContestPool.question_id, QuestionVersion.content)
        .join(QuestionVersion, QuestionVersion.id == ContestPool.question_version_id)
        .where(ContestPool.contest_id == contest.id)
        .order_by(ContestPool.position, ContestPool.question_id)
    ).all()
    return [version_candidate(qid, content, contest.themed_day) for qid, content in rows]


def type_counts(contest: Contest) -> dict[str, int]:
    return {k: int(v) for k, v in (contest.draw_rules or {}).get("types", {}).items() if int(v) > 0}


def difficulty_counts(contest: Contest) -> dict[int, int]:
    rules = (contest.draw_rules or {}).get("difficulty", {})
    return {int(k): int(v) for k, v in rules.items() if int(v) > 0}


def check_runnable(contest: Contest) -> None:
    """Raise DomainError (Chinese, with the shortage per type) if no paper can be drawn."""
    if contest.draw_mode == DrawMode.FIXED:
        questions = [link.question_id for link in contest.fixed_questions]
        if len(questions) != contest.question_count:
            raise DomainError(
                f"固定题目数（{len(questions)}）与题目数量（{contest.question_count}）不一致。",
                code="fixed_count_mismatch",
            )
        return
    counts = type_counts(contest)
    if sum(counts.values()) > contest.question_count:
        raise DomainError("各题型数量之和超过了题目总数。", code="type_counts_exceed_total")
    if why := undrawable(
        contest.themed_day, contest.question_count, counts, difficulty_counts(contest)
    ):
        raise DomainError(why, code="not_enough_questions")


def undrawable(
    themed_day: str | None,
    question_count: int,
    counts: dict[str, int],
    difficulties: dict[int, int] | None = None,
) -> str | None:
    """Why papers of ``question_count`` questions cannot be drawn for ``themed_day`` from the
    approved bank (Chinese), or None when they can."""
    candidates = candidates_for(themed_day)
    if missing := shortage(candidates, counts, question_count):
        return str(DrawError(missing))
    # Counting facts is not enough: questions that give each other away cannot share a paper.
    # A contest is runnable only if papers can be drawn for every student, so try a few.
    for seed in range(RUNNABLE_CHECK_SEEDS):
        try:
            draw_questions(
                candidates,
                total=question_count,
                type_counts=counts,
                seed=seed,
                difficulty_counts=difficulties,
            )
        except DrawError as error:
            return str(error)
    return None


def build_paper(contest: Contest, seed: int) -> list[dict]:
    """The paper snapshot for a new attempt at ``contest`` drawn with ``seed``: from its fixed
    pool's versions once fixed, from the bank before."""
    pooled = pool_candidates(contest) if contest.pool_fixed_at is not None else None
    if contest.draw_mode == DrawMode.FIXED:
        if pooled is None:
            ids = [link.question_id for link in contest.fixed_questions]
            questions = db.session.execute(select(Question).where(Question.id.in_(ids))).scalars()
            by_id = {q.id: as_candidate(q, None) for q in questions}
            pooled = [by_id[i] for i in ids]
        return fixed_paper(pooled, seed=seed, points=contest.points_per_question)
    candidates = pooled if pooled is not None else candidates_for(contest.themed_day)
    refusal = None
    for each_seed in student_draw_seeds(seed):
        try:
            return draw_paper(
                candidates,
                total=contest.question_count,
                type_counts=type_counts(contest),
                seed=each_seed,
                points=contest.points_per_question,
                difficulty_counts=difficulty_counts(contest),
            )
        except DrawError as error:
            refusal = error
            if error.missing.keys() - {"total"}:
                break  # a question type is short in the pool itself: no seed can help
    raise DomainError(str(refusal), code="not_enough_questions") from refusal


def preview_paper(contest: Contest, seed: int) -> tuple[list[dict], str | None]:
    """An organizer's preview: the paper drawn with ``seed`` and nothing stored, or ``([],
    why)`` when the bank cannot fill it (the page shows the reason instead of an error)."""
    try:
        return build_paper(contest, seed), None
    except DomainError as refusal:
        return [], refusal.message


@dataclass(frozen=True)
class PoolSummary:
    """What the draw makes of a contest's candidates (for the organizer's preview)."""

    candidates: int  # approved questions of the day (and week-wide ones)
    excluded: int  # never drawn: their answer is the shared context (广元, 2021年)
    conflicting_pairs: int  # pairs kept apart: same sentence, or one gives the other away


def pool_summary(contest: Contest) -> PoolSummary | None:
    """How many of a drawn contest's candidates the draw excludes or keeps apart (None for a
    fixed paper, whose questions the organizer picked)."""
    if contest.draw_mode == DrawMode.FIXED:
        return None
    fixed = contest.pool_fixed_at is not None
    candidates = pool_candidates(contest) if fixed else candidates_for(contest.themed_day)
    pool = prepare_pool(candidates)  # cached: the draw reuses it
    pairs = sum(len(others) for others in pool.conflicts.values()) // 2
    return PoolSummary(len(pool.usable) + len(pool.excluded), len(pool.excluded), pairs)
