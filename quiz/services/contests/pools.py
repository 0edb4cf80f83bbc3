"""Fixed pools (issue 11 item 2): what a running contest can draw, frozen as question versions.

- A contest's pool is fixed at the first start after ``opens_at`` (:func:`fix_pool`, inside
  that start's write transaction), as a snapshot of the versions of the questions its rules
  match then (a fixed set: its hand-picked questions).
- From then on its papers come only from those versions (services.contests.papers): editing a
  question makes a new version the pool does not use, and later approvals or retirements reach
  only contests whose pool is not fixed yet.
- 更新题池 (:func:`refresh_pool`, audited) takes a new snapshot from the rules as they match
  now. Changing a contest's draw (allowed while only previews exist) lets the pool go, so the
  next start fixes it again from the new rules (:func:`release_pool`).
- Attempts keep their paper snapshot as before: a refresh never changes a started paper.

Nothing here reads the request: callers pass ``now`` and the actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm.attributes import set_committed_value

from quiz.enums import DrawMode
from quiz.extensions import db
from quiz.models import Contest, ContestPool, Question, User
from quiz.models.audit import record
from quiz.services import Conflict, DomainError
from quiz.services.contests.papers import check_runnable, matching_questions
from quiz.services.locking import begin_write
from quiz.services.questions import ensure_versions


def pool_questions(contest: Contest) -> list[tuple[Question, int]]:
    """(question, position) for what ``contest``'s rules match in the bank now."""
    if contest.draw_mode == DrawMode.FIXED:
        links = {link.question_id: link.position for link in contest.fixed_questions}
        found = db.session.execute(select(Question).where(Question.id.in_(links))).scalars()
        return sorted(((q, links[q.id]) for q in found), key=lambda pair: pair[1])
    return [(question, 0) for question in matching_questions(contest.themed_day)]


def _snapshot(contest: Contest) -> dict[int, int]:
    """Write ``contest``'s pool from its rules now; returns question id -> version id."""
    chosen = pool_questions(contest)
    versions = ensure_versions([question for question, _ in chosen])
    rows = [
        {
            "contest_id": contest.id,
            "question_id": question.id,
            "question_version_id": versions[question.id],
            "position": position,
        }
        for question, position in chosen
    ]
    if rows:
        db.session.execute(insert(ContestPool), rows)
    return versions


def pool_versions(contest_id: int) -> dict[int, int]:
    """A contest's fixed pool: question id -> version id (empty when not fixed)."""
    return dict(
        db.session.execute(
            select(ContestPool.question_id, ContestPool.question_version_id).where(
                ContestPool.contest_id == contest_id
            )
        ).all()
    )


def fix_pool(contest: Contest, *, now: datetime) -> bool:
    """Fix the pool at the first start after ``opens_at``; True when this call fixed it.

    The caller (the start) commits with its attempt, so a start that fails leaves the pool
    unfixed. One conditional UPDATE decides between simultaneous first starts: the one that
    set ``pool_fixed_at`` writes the pool; on PostgreSQL the others wait on the contest's row
    until it commits and then find it fixed, on SQLite the write lock orders them.
    """
    if contest.pool_fixed_at is not None or now < contest.opens_at:
        return False
    begin_write()
    won = db.session.execute(
        update(Contest)
        .where(Contest.id == contest.id, Contest.pool_fixed_at.is_(None))
        .values(pool_fixed_at=now)
        .execution_options(synchronize_session=False)
    )
    if won.rowcount != 1:
        db.session.refresh(contest, ["pool_fixed_at"])  # another start fixed it meanwhile
        return False
    _snapshot(contest)
    # The UPDATE above wrote it: record it as loaded, so the session writes nothing more.
    set_committed_value(contest, "pool_fixed_at", now)
    return True


def release_pool(contest: Contest) -> None:
    """Let a fixed pool go (the draw changed before any real attempt): the next start fixes
    it again. The caller commits."""
    if contest.pool_fixed_at is None:
        return
    db.session.execute(delete(ContestPool).where(ContestPool.contest_id == contest.id))
    contest.pool_fixed_at = None


@dataclass(frozen=True)
class PoolRefresh:
    """What 更新题池 changed (question ids)."""

    added: list[int]
    removed: list[int]
    changed: list[int]  # still in the pool, now at their current version
    size: int


def refresh_pool(contest: Contest, *, actor: User, now: datetime) -> PoolRefresh:
    """更新题池: replace a fixed pool by the versions its rules match now (audited).

    Refused (Conflict) while the pool is not fixed: until the first start it follows the bank
    anyway. Refused (DomainError) when the bank can no longer fill a paper, leaving the pool as
    it was. Started papers keep their snapshot.
    """
    if contest.pool_fixed_at is None:
        raise Conflict(
            "题池尚未固定：比赛开放后第一位考生开始答题时固定，在此之前抽题随题库变化。",
            code="pool_not_fixed",
        )
    begin_write()
    # Holds the contest's row (PostgreSQL) so a simultaneous refresh waits for this one.
    db.session.execute(update(Contest).where(Contest.id == contest.id).values(pool_fixed_at=now))
    try:
        check_runnable(contest)
    except DomainError:
        db.session.rollback()
        raise
    before = pool_versions(contest.id)
    db.session.execute(delete(ContestPool).where(ContestPool.contest_id == contest.id))
    after = _snapshot(contest)
    result = PoolRefresh(
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        changed=sorted(q for q in after.keys() & before.keys() if after[q] != before[q]),
        size=len(after),
    )
    record(
        actor,
        "contest.pool.refresh",
        "contest",
        contest.id,
        title=contest.title,
        added=result.added,
        removed=result.removed,
        changed=result.changed,
        size=result.size,
    )
    db.session.commit()
    return result
