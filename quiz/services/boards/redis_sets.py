"""Redis sorted-set boards (when ``QUIZ_REDIS_URL`` is set), kept in step with the standings.

One sorted set per board (``<prefix>c:<contest>``, ``<prefix>e:<event>:<day>``,
``<prefix>e:<event>:week``); members are user ids. Redis gives the order and the rank; the row
details (time, submission, organization) come from the standings table by primary key, and
the ranking function of :mod:`quiz.services.boards.ranking` settles what the encoding cannot.

Score encoding (one double, exact up to 2**53)::

    encoded = S * 2**24 + (2**24 - 1 - T)
    S = round(score * 10**4)                 # exact: scores are stored to 4 decimals;
                                             # 0 <= S < 2**29, i.e. scores below 53,687.0912
    T = min(time_used_ms // 100, 2**24 - 1)  # 100 ms buckets, saturating at ~19.4 days

Higher is better. S is exact (scores, and week sums, are kept rounded to 4 decimals), so equal
S means equal score and a higher score always encodes higher; at equal score less time never
encodes lower. The encoding can merge neighbours — times in the same 100 ms bucket, and the
submission time is not encoded at all.
Such a *tied band* (members with one encoded value) is read whole and ordered on read with the
ranking function; its first member's position is ``ZCOUNT(> value)``.

Every Redis error is logged and the caller falls back to SQL; a member count that differs from
the SQL count triggers a rebuild of that board from the database.
"""

from __future__ import annotations

import logging

from flask import current_app, has_app_context
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Contest, EventStanding, Standing
from quiz.services.boards.ranking import Entry, rank_tuple, sort_key
from quiz.services.boards.sources import placed_by_parts

log = logging.getLogger(__name__)
TIME_BITS = 24
TIME_MAX = 2**TIME_BITS - 1
SCORE_MAX = 2**29 - 1


def encode(score: float, time_used_ms: int) -> float:
    """The sorted-set score of a result (see the module docstring for the layout)."""
    s = min(max(round(score * 10**4), 0), SCORE_MAX)
    t = min(max(int(time_used_ms) // 100, 0), TIME_MAX)
    return float(s * 2**TIME_BITS + (TIME_MAX - t))


def client():
    """The app's Redis client, or None when Redis is not configured."""
    if not has_app_context():
        return None
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    found = current_app.extensions.get("board_redis")
    if found is None or found[0] != url:
        import redis

        connection = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        found = current_app.extensions["board_redis"] = (url, connection)
    return found[1]


def key(board_key: str) -> str:
    return current_app.config["REDIS_BOARD_PREFIX"] + board_key


def _errors():
    import redis

    return (redis.RedisError, OSError)


def _rows(model, *conditions):
    return db.session.execute(select(model).where(*conditions)).scalars().all()


def _replace(board_key: str, rows) -> None:
    pipe = client().pipeline(transaction=True)
    pipe.delete(key(board_key))
    members = {str(r.user_id): encode(r.score, r.time_used_ms) for r in rows if not r.is_test}
    if members:
        pipe.zadd(key(board_key), members)
    pipe.execute()


def sync_user(contest: Contest, user_id: int) -> None:
    """Mirror one student's standing rows (contest, their days, their week) into Redis."""
    redis_client = client()
    if redis_client is None:
        return
    try:
        pipe = redis_client.pipeline(transaction=False)
        row = db.session.get(Standing, (contest.id, user_id))
        _set(pipe, f"c:{contest.id}", user_id, row)
        if contest.event_id:
            rows = {
                r.day: r
                for r in _rows(
                    EventStanding,
                    EventStanding.event_id == contest.event_id,
                    EventStanding.user_id == user_id,
                )
            }
            from quiz.bank.constants import THEMED_DAYS

            for day in (*THEMED_DAYS, "week"):
                _set(pipe, f"e:{contest.event_id}:{day}", user_id, rows.get(day))
        pipe.execute()
    except _errors():
        log.exception("Redis board update failed; boards fall back to SQL until rebuilt")


def _set(pipe, board_key: str, user_id: int, row) -> None:
    if row is None or row.is_test:
        pipe.zrem(key(board_key), str(user_id))
    else:
        pipe.zadd(key(board_key), {str(user_id): encode(row.score, row.time_used_ms)})


def rebuild_contest(contest: Contest) -> bool:
    """Reload a contest's board (and its event's day/week boards) from the standings."""
    if client() is None:
        return False
    try:
        _replace(f"c:{contest.id}", _rows(Standing, Standing.contest_id == contest.id))
        if contest.event_id:
            rebuild_event(contest.event_id)
    except _errors():
        log.exception("Redis rebuild of contest %s failed", contest.id)
        return False
    return True


def rebuild_event(event_id: int) -> None:
    from quiz.bank.constants import THEMED_DAYS

    rows = _rows(EventStanding, EventStanding.event_id == event_id)
    for day in (*THEMED_DAYS, "week"):
        _replace(f"e:{event_id}:{day}", [r for r in rows if r.day == day])


def rebuild_board(board_key: str) -> None:
    """Reload one board (``c:<id>`` or ``e:<id>:<day>``) from the standings tables."""
    parts = board_key.split(":")
    if parts[0] == "c":
        _replace(board_key, _rows(Standing, Standing.contest_id == int(parts[1])))
    else:
        _replace(
            board_key,
            _rows(
                EventStanding,
                EventStanding.event_id == int(parts[1]),
                EventStanding.day == parts[2],
            ),
        )


class RedisSource:
    """A board read from a sorted set; details and tie-breaks from the SQL source."""

    def __init__(self, board_key: str, sql):
        self.redis, self.key, self.sql = client(), key(board_key), sql

    def total(self, exclude=frozenset()) -> int:
        return self.redis.zcard(self.key)

    def _bands(self, values) -> dict[float, tuple[int, list[Entry]]]:
        """For each encoded value: (position of its band's first member, members in rule order).

        One Redis round trip and one SQL query, however many bands.
        """
        values = list(dict.fromkeys(values))
        pipe = self.redis.pipeline(transaction=False)
        for value in values:
            pipe.zcount(self.key, f"({value}", "+inf")
            pipe.zrangebyscore(self.key, value, value)
        replies = pipe.execute()
        members = {v: [int(m) for m in replies[2 * i + 1]] for i, v in enumerate(values)}
        entries = {e.user_id: e for e in self.sql.many([u for ms in members.values() for u in ms])}
        return {
            v: (
                replies[2 * i],
                sorted((entries[u] for u in members[v] if u in entries), key=sort_key),
            )
            for i, v in enumerate(values)
        }

    def page(self, offset: int, limit: int, exclude=frozenset()) -> list[Entry]:
        values = self.redis.zrevrange(self.key, offset, offset + limit - 1, withscores=True)
        placed: dict[int, Entry] = {}
        for start, band in self._bands(v for _m, v in values).values():
            placed.update({start + i: e for i, e in enumerate(band)})
        return [placed[p] for p in range(offset, offset + len(values)) if p in placed]

    def count_better(self, entry: Entry, exclude=frozenset()) -> int:
        value = encode(entry.score, entry.time_used_ms)
        start, band = self._bands([value])[value]
        return start + sum(1 for e in band if rank_tuple(e) < rank_tuple(entry))

    def get(self, user_id: int) -> Entry | None:
        return self.sql.get(user_id)

    def page_and_total(self, offset: int, limit: int, exclude=frozenset()):
        return self.page(offset, limit, exclude), self.total(exclude)

    def placed(self, user_id: int, exclude=frozenset()):
        return placed_by_parts(self, user_id, exclude)

    def all(self, exclude=frozenset()):
        return self.sql.all(exclude)


class FallbackSource:
    """Redis first; on any Redis error log it and answer from SQL from then on."""

    def __init__(self, primary, sql):
        self.primary, self.sql = primary, sql

    def _call(self, name, *args):
        if self.primary is not None:
            try:
                return getattr(self.primary, name)(*args)
            except _errors():
                log.exception("Redis board read failed; answering from SQL")
                self.primary = None
        return getattr(self.sql, name)(*args)

    def total(self, exclude=frozenset()):
        return self._call("total", exclude)

    def page(self, offset, limit, exclude=frozenset()):
        return self._call("page", offset, limit, exclude)

    def count_better(self, entry, exclude=frozenset()):
        return self._call("count_better", entry, exclude)

    def page_and_total(self, offset, limit, exclude=frozenset()):
        return self._call("page_and_total", offset, limit, exclude)

    def placed(self, user_id, exclude=frozenset()):
        return self._call("placed", user_id, exclude)

    def get(self, user_id):
        return self.sql.get(user_id)

    def all(self, exclude=frozenset()):
        return self.sql.all(exclude)


def source(board_key: str, sql):
    """The board's source: Redis (checked against the SQL count) or SQL itself.

    Called once per board version (the result is cached), so the count check is cheap
    overall. A mismatch means Redis missed an update: rebuild the set and answer from SQL.
    """
    if client() is None:
        return sql
    try:
        members = client().zcard(key(board_key))
        if members != sql.total():
            log.warning(
                "Redis board %s has %s members, SQL differs: rebuilding", board_key, members
            )
            rebuild_board(board_key)
            return sql
    except _errors():
        log.exception("Redis unavailable; board %s served from SQL", board_key)
        return sql
    return FallbackSource(RedisSource(board_key, sql), sql)
