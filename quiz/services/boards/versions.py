"""Board version counters: bumped whenever a board's rows can have changed (tokens, caches, ETags)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import BoardVersion, Contest


def bump(scope: str, *, void: bool = False) -> int:
    """Increment a board version counter (creating it on first use); its new value. No commit.

    The UPDATE holds the counter's row (the write lock on SQLite) to the commit, so the values
    handed out are in commit order: the Redis mirror relies on that.
    """
    values = {"version": BoardVersion.version + 1}
    if void:
        values["void_version"] = BoardVersion.void_version + 1
    statement = (
        update(BoardVersion)
        .where(BoardVersion.scope == scope)
        .values(**values)
        .returning(BoardVersion.version)
    )
    version = db.session.execute(statement).scalar_one_or_none()
    if version is not None:
        return version
    try:
        with db.session.begin_nested():
            db.session.add(BoardVersion(scope=scope, version=1, void_version=1 if void else 0))
        return 1
    except IntegrityError:  # another request created it first: count on theirs
        return db.session.execute(statement).scalar_one()


def bump_versions(contest: Contest, *, void: bool = False) -> dict[str, int]:
    """Bump the contest's counter and its event's; ``{scope: new version}``. No commit."""
    scopes = [f"c:{contest.id}"] + ([f"e:{contest.event_id}"] if contest.event_id else [])
    return {scope: bump(scope, void=void) for scope in scopes}


def current_version(scope: str) -> int:
    """The scope's version as committed now (read from the table, never the session's copy)."""
    found = db.session.scalar(select(BoardVersion.version).where(BoardVersion.scope == scope))
    return found or 0
