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

Beside every set, a hash (``<set>:v``) records the SQL board version the set reflects (see
:mod:`~quiz.services.boards.versions`) and its member count then; a board is served from Redis
only when that version is the one the reader's token was made from (or later) and the count
still holds. Each change is applied with the version its transaction made, by a script that
applies it only when it is the very next version. A change that is lost (Redis paused, down,
a timeout) or that arrives out of order leaves the recorded version behind — once a later
change sees the gap it deletes the record — and the board's next read rebuilds the set from
the standings, recording the version it read before the rows. A member count could not see a
lost update of a student already on the board; the version does. Every Redis error is logged
and the board is served from SQL meanwhile.
"""

from __future__ import annotations

import logging

from flask import current_app, has_app_context
from sqlalchemy import select

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Contest, EventStanding, Standing
from quiz.models.standings import WEEK
from quiz.services.boards.ranking import Entry, rank_tuple, sort_key
from quiz.services.boards.sources import placed_by_parts
from quiz.services.boards.versions import current_version

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


def _log_failure(message: str, *args) -> None:
    """Log the Redis error being handled: an outage in one line, anything else with its trace.

    Redis down or unreachable is an expected operational state (boards fall back to SQL);
    a traceback per request during an outage would bury whatever else the log says.
    """
    import sys

    import redis

    error = sys.exc_info()[1]
    if isinstance(error, redis.ConnectionError | redis.TimeoutError | ConnectionError):
        log.warning(message + " (%s)", *args, error)
    else:
        log.exception(message, *args)


def version_key(board_key: str) -> str:
    """A hash beside each board's set: the SQL board ``version`` the set reflects, and how many
    ``members`` it had then (so a set deleted or evicted on its own is noticed too)."""
    return key(board_key) + ":v"


def scope_of(board_key: str) -> str:
    """The version scope of a board: ``c:<contest>`` or ``e:<event>`` (all its day/week boards)."""
    return ":".join(board_key.split(":")[:2])


# Apply one student's change to one board, if it is the next version the set is missing.
# KEYS: the sorted set, its version hash. ARGV: the version the change made, the member, its
# encoded score ('' removes the member). 1: the set holds the change; 0: it must be rebuilt.
_APPLY = """
local have = tonumber(redis.call('HGET', KEYS[2], 'version'))
local made = tonumber(ARGV[1])
if have == nil then return 0 end
if have >= made then return 1 end
if have ~= made - 1 then
  redis.call('DEL', KEYS[2])
  return 0
end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[2])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
end
redis.call('HSET', KEYS[2], 'version', ARGV[1], 'members', redis.call('ZCARD', KEYS[1]))
return 1
"""


def _rows(model, *conditions, extra: tuple[str, ...] = ()):
    """(user id, score, time used, test flag, *extra) of standing rows, read from the table now.

    Columns, not entities: an entity already in the session would come back as the session
    last saw it, which may predate another request's commit.
    """
    names = ("user_id", "score", "time_used_ms", "is_test", *extra)
    columns = [getattr(model, name) for name in names]
    return db.session.execute(select(*columns).where(*conditions)).all()


def _replace(board_key: str, version: int, rows) -> None:
    """Replace a board's set by ``rows`` and record ``version`` with it, atomically.

    ``version`` must be read before ``rows``: the rows then hold at least every change up to it.
    """
    pipe = client().pipeline(transaction=True)
    pipe.delete(key(board_key))
    members = {str(r.user_id): encode(r.score, r.time_used_ms) for r in rows if not r.is_test}
    if members:
        pipe.zadd(key(board_key), members)
    pipe.hset(version_key(board_key), mapping={"version": version, "members": len(members)})
    pipe.execute()


def sync_user(contest: Contest, user_id: int, made: dict[str, int]) -> None:
    """Mirror one student's committed standing rows (contest, their days, their week) into
    Redis; ``made`` is the ``{scope: version}`` the finishing transaction wrote."""
    redis_client = client()
    if redis_client is None:
        return
    try:
        pipe = redis_client.pipeline(transaction=False)
        found = _rows(Standing, Standing.contest_id == contest.id, Standing.user_id == user_id)
        _apply(
            pipe, f"c:{contest.id}", made[f"c:{contest.id}"], user_id, found[0] if found else None
        )
        if contest.event_id:
            rows = _rows(
                EventStanding,
                EventStanding.event_id == contest.event_id,
                EventStanding.user_id == user_id,
                extra=("day",),
            )
            by_day = {r.day: r for r in rows}
            version = made[f"e:{contest.event_id}"]
            for day in (*THEMED_DAYS, WEEK):
                _apply(pipe, f"e:{contest.event_id}:{day}", version, user_id, by_day.get(day))
        pipe.execute()
    except _errors():
        # Nothing to mark when Redis cannot be reached: the sets' recorded versions stay
        # behind the database's, and each board is rebuilt when it is next read.
        _log_failure("Redis board update failed; boards fall back to SQL until rebuilt")


def _apply(pipe, board_key: str, version: int, user_id: int, row) -> None:
    score = "" if row is None or row.is_test else repr(encode(row.score, row.time_used_ms))
    pipe.eval(_APPLY, 2, key(board_key), version_key(board_key), version, str(user_id), score)


def rebuild_contest(contest: Contest) -> bool:
    """Reload a contest's board (and its event's day/week boards) from the standings."""
    if client() is None:
        return False
    try:
        version = current_version(f"c:{contest.id}")
        _replace(f"c:{contest.id}", version, _rows(Standing, Standing.contest_id == contest.id))
        if contest.event_id:
            rebuild_event(contest.event_id)
    except _errors():
        _log_failure("Redis rebuild of contest %s failed", contest.id)
        return False
    return True


def rebuild_event(event_id: int) -> None:
    version = current_version(f"e:{event_id}")
    for day in (*THEMED_DAYS, WEEK):
        rows = _rows(EventStanding, EventStanding.event_id == event_id, EventStanding.day == day)
        _replace(f"e:{event_id}:{day}", version, rows)


def rebuild_board(board_key: str) -> None:
    """Reload one board (``c:<id>`` or ``e:<id>:<day>``) from the standings tables."""
    version = current_version(scope_of(board_key))  # before the rows: see _replace
    parts = board_key.split(":")
    if parts[0] == "c":
        rows = _rows(Standing, Standing.contest_id == int(parts[1]))
    else:
        rows = _rows(
            EventStanding, EventStanding.event_id == int(parts[1]), EventStanding.day == parts[2]
        )
    _replace(board_key, version, rows)


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
        return self._placed_page(offset, values)

    def page_and_total(self, offset: int, limit: int, exclude=frozenset()):
        """The page and the board's size, read in one round trip."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.zrevrange(self.key, offset, offset + limit - 1, withscores=True)
        pipe.zcard(self.key)
        values, total = pipe.execute()
        return self._placed_page(offset, values), total

    def _placed_page(self, offset: int, values) -> list[Entry]:
        placed: dict[int, Entry] = {}
        for start, band in self._bands(v for _m, v in values).values():
            placed.update({start + i: e for i, e in enumerate(band)})
        return [placed[p] for p in range(offset, offset + len(values)) if p in placed]

    def placed(self, user_id: int, exclude=frozenset()):
        return placed_by_parts(self, user_id, exclude)

    def count_better(self, entry: Entry, exclude=frozenset()) -> int:
        value = encode(entry.score, entry.time_used_ms)
        start, band = self._bands([value])[value]
        return start + sum(1 for e in band if rank_tuple(e) < rank_tuple(entry))

    def get(self, user_id: int) -> Entry | None:
        return self.sql.get(user_id)

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
                _log_failure("Redis board read failed; answering from SQL")
                self.primary = None
        return getattr(self.sql, name)(*args)

    def total(self, exclude=frozenset()):
        return self._call("total", exclude)

    def page(self, offset, limit, exclude=frozenset()):
        return self._call("page", offset, limit, exclude)

    def page_and_total(self, offset, limit, exclude=frozenset()):
        return self._call("page_and_total", offset, limit, exclude)

    def placed(self, user_id, exclude=frozenset()):
        return self._call("placed", user_id, exclude)

    def count_better(self, entry, exclude=frozenset()):
        return self._call("count_better", entry, exclude)

    def get(self, user_id):
        return self.sql.get(user_id)

    def all(self, exclude=frozenset()):
        return self.sql.all(exclude)


def source(board_key: str, sql, version: int):
    """The board's source: Redis when its set reflects ``version`` (the board version the
    caller's token was made from) or a later one, else SQL — after rebuilding the set.

    Called once per board version (the result is cached), so the check is one Redis round trip.
    """
    if client() is None:
        return sql
    try:
        pipe = client().pipeline(transaction=False)
        pipe.hmget(version_key(board_key), "version", "members")
        pipe.zcard(key(board_key))
        (have, members), size = pipe.execute()
        if have is None or members is None or int(have) < version or int(members) != size:
            log.warning(
                "Redis board %s (version %s, %s of %s members) is behind version %s: rebuilding",
                board_key,
                have and int(have),
                size,
                members and int(members),
                version,
            )
            rebuild_board(board_key)
            return sql
    except _errors():
        _log_failure("Redis unavailable; board %s served from SQL", board_key)
        return sql
    return FallbackSource(RedisSource(board_key, sql), sql)
