"""Board version counters: bumped whenever a board's rows can have changed (tokens, caches, ETags)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import BoardVersion, Contest


def bump(scope: str, *, void: bool = False) -> None:
    """Increment a board version counter (creating it on first use); no commit."""
    values = {"version": BoardVersion.version + 1}
    if void:
        values["void_version"] = BoardVersion.void_version + 1
    result = db.session.execute(
        update(BoardVersion).where(BoardVersion.scope == scope).values(**values)
    )
    if result.rowcount:
        return
    try:
        with db.session.begin_nested():
            db.session.add(BoardVersion(scope=scope, version=1, void_version=1 if void else 0))
    except IntegrityError:  # another request created it first: count on theirs
        db.session.execute(update(BoardVersion).where(BoardVersion.scope == scope).values(**values))


def bump_versions(contest: Contest, *, void: bool = False) -> None:
    bump(f"c:{contest.id}", void=void)
    if contest.event_id:
        bump(f"e:{contest.event_id}", void=void)


def versions(scope: str) -> tuple[int, int]:
    row = db.session.get(BoardVersion, scope)
    return (row.version, row.void_version) if row else (0, 0)
