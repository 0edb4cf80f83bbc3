"""Revocable sessions: the per-user session version that ``User.get_id()`` puts in the cookie.

A login cookie says ``"<id>:<version>"``. Bumping the version (logout everywhere, password
change or reset, role change) ends every session and remember-me cookie made before. Workers
learn a bump from Redis when it is configured, else from their own cache, which re-reads the
database after at most ``ttl`` seconds (5 s): that is the revocation delay. A plain logout
ends only this browser's session; "logout everywhere" is the button for a copied cookie.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import User

REDIS_PREFIX = "quiz:session-version:"


def parse_session_id(value: str) -> tuple[int, int] | None:
    """``(user id, version)`` from a cookie's id, or None when it is not in that form."""
    user_id, sep, version = (value or "").partition(":")
    if not sep or not user_id.isdigit() or not version.isdigit():
        return None  # includes cookies from before versions: they log in again
    return int(user_id), int(version)


class SessionVersions:
    """Current session versions, from Redis (shared) or a per-worker cache (``ttl`` seconds)."""

    def __init__(self, redis=None, *, ttl: float = 5.0, clock: Callable[[], float] = time.time):
        self.redis = redis
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[int, tuple[int, float]] = {}

    def current(self, user_id: int) -> int | None:
        """The user's current version (None: no such user)."""
        if self.redis is not None:
            try:
                found = self.redis.get(REDIS_PREFIX + str(user_id))
            except Exception:  # noqa: BLE001 - Redis down: fall back to the database
                found = None
            if found is not None:
                return int(found)
        else:
            cached = self._cache.get(user_id)
            if cached is not None and self.clock() - cached[1] < self.ttl:
                return cached[0]
        version = db.session.execute(
            select(User.session_version).where(User.id == user_id)
        ).scalar_one_or_none()
        if version is not None:
            self.remember(user_id, version)
        return version

    def remember(self, user_id: int, version: int) -> None:
        """Record a version this worker knows to be current (after a read or a bump)."""
        if self.redis is not None:
            # Bumps made through the app reach every worker at once; the key also expires
            # after ``ttl``, so an edit made outside the app (SQL) is seen within it too.
            with contextlib.suppress(Exception):  # the database stays the truth
                self.redis.set(REDIS_PREFIX + str(user_id), version, ex=max(1, int(self.ttl)))
        else:
            self._cache[user_id] = (version, self.clock())

    def forget(self, user_id: int) -> None:
        """Drop a cached version, so the next check reads the database."""
        self._cache.pop(user_id, None)
        if self.redis is not None:
            with contextlib.suppress(Exception):
                self.redis.delete(REDIS_PREFIX + str(user_id))


def bump_session_version(user: User) -> int:
    """End every session of ``user`` (the caller commits); return the new version."""
    user.session_version = (user.session_version or 1) + 1
    return user.session_version
