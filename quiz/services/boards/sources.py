"""Where a board's rows come from: the standings tables (SQL), Redis, or a list in memory.

Every source implements :class:`BoardSource` — a page in board order (with the board's size),
how many rows are strictly better than an entry, how many rows there are, one user's row and
place — so :func:`assemble_page` can merge in the few open attempts whose time ran out (the
*overlay*) without writing them, and rank the result with :mod:`quiz.services.boards.ranking`.
"""

from __future__ import annotations

import bisect
from collections.abc import Set
from dataclasses import replace
from typing import Protocol

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from quiz.extensions import db
from quiz.models import User
from quiz.services.boards.entries import standing_entry
from quiz.services.boards.ranking import Entry, competition_ranks, rank_tuple, sort_key


class BoardSource(Protocol):
    """What a board's rows answer; ``exclude`` leaves out users whose rows the overlay replaces."""

    def page(self, offset: int, limit: int, exclude: Set[int] = frozenset()) -> list[Entry]:
        """Rows ``offset`` to ``offset + limit`` in board order."""

    def page_and_total(
        self, offset: int, limit: int, exclude: Set[int] = frozenset()
    ) -> tuple[list[Entry], int]:
        """A page and the number of rows on the board (one round trip where possible)."""

    def count_better(self, entry: Entry, exclude: Set[int] = frozenset()) -> int:
        """How many rows rank strictly above ``entry``."""

    def total(self, exclude: Set[int] = frozenset()) -> int:
        """The number of rows."""

    def get(self, user_id: int) -> Entry | None:
        """One user's row."""

    def placed(self, user_id: int, exclude: Set[int] = frozenset()) -> tuple[int, Entry] | None:
        """One user's row with the number of rows strictly better (one round trip if possible)."""

    def all(self, exclude: Set[int] = frozenset()) -> list[Entry]:
        """Every row, in no particular order."""


class SqlSource:
    """Rows of ``Standing`` or ``EventStanding`` with the given key columns (test accounts left
    out): ``SqlSource(Standing, contest_id=7)``, ``SqlSource(EventStanding, event_id=3, day="law")``.

    Every query is a range read of the ``*_board`` index: rank = 1 + the rows strictly better,
    counted as three index ranges (higher score; same score and faster; same both and earlier).
    """

    def __init__(self, model, **key):
        self.model = model
        self.key = key  # the primary-key prefix: contest, or event and day
        self.keys = self._keys(model)
        self.conditions = (*self.keys, model.is_test.is_(False))

    def _keys(self, model) -> list:
        """The key as conditions on ``model`` (the table itself or an alias of it)."""
        return [getattr(model, column) == value for column, value in self.key.items()]

    def _where(self, exclude: set[int]):
        conditions = list(self.conditions)
        if exclude:
            conditions.append(self.model.user_id.not_in(sorted(exclude)))
        return conditions

    def _select(self):
        m = self.model
        return select(m, User.display_name, User.organization_id).join(User, User.id == m.user_id)

    def _entry(self, row, name, org_id) -> Entry:
        return standing_entry(row, name, org_id)

    def page(self, offset: int, limit: int, exclude: set[int] = frozenset()) -> list[Entry]:
        m = self.model
        query = (
            self._select()
            .where(*self._where(exclude))
            .order_by(m.score.desc(), m.time_used_ms, m.finished_at, m.user_id)
            .offset(offset)
            .limit(limit)
        )
        return [self._entry(*row) for row in db.session.execute(query)]

    def page_and_total(self, offset: int, limit: int, exclude: set[int] = frozenset()):
        """One statement: the page, with the board's size as a window count on every row."""
        m = self.model
        query = (
            self._select()
            .add_columns(func.count().over().label("board_total"))
            .where(*self._where(exclude))
            .order_by(m.score.desc(), m.time_used_ms, m.finished_at, m.user_id)
            .offset(offset)
            .limit(limit)
        )
        rows = db.session.execute(query).all()
        if not rows:  # past the end: the window count is not there to read
            return [], self.total(exclude)
        return [self._entry(r, n, o) for r, n, o, _total in rows], rows[0].board_total

    def placed(self, user_id: int, exclude: set[int] = frozenset()):
        """One statement: the user's row and, as correlated range counts, the rows above it."""
        m, other = self.model, aliased(self.model)
        where = [
            *self._keys(other),
            other.is_test.is_(False),
        ]
        if exclude:
            where.append(other.user_id.not_in(sorted(exclude)))

        def count(*extra):
            return select(func.count()).select_from(other).where(*where, *extra).scalar_subquery()

        better = (
            count(other.score > m.score)
            + count(other.score == m.score, other.time_used_ms < m.time_used_ms)
            + count(
                other.score == m.score,
                other.time_used_ms == m.time_used_ms,
                other.finished_at < m.finished_at,
            )
        )
        query = (
            self._select()
            .add_columns(m.is_test, better.label("better"))
            .where(*self.keys, m.user_id == user_id)
        )
        row = db.session.execute(query).first()
        if row is None or row.is_test:
            return None
        return row.better, self._entry(row[0], row[1], row[2])

    def all(self, exclude: set[int] = frozenset()) -> list[Entry]:
        return [
            self._entry(*row)
            for row in db.session.execute(self._select().where(*self._where(exclude)))
        ]

    def count_better(self, entry: Entry, exclude: set[int] = frozenset()) -> int:
        m, where = self.model, self._where(exclude)

        def count(*extra):
            return select(func.count()).select_from(m).where(*where, *extra).scalar_subquery()

        score, time, at = entry.score, entry.time_used_ms, entry.submitted_at
        query = select(
            count(m.score > score),
            count(m.score == score, m.time_used_ms < time),
            count(and_(m.score == score, m.time_used_ms == time, m.finished_at < at)),
        )
        return sum(db.session.execute(query).one())

    def total(self, exclude: set[int] = frozenset()) -> int:
        query = select(func.count()).select_from(self.model).where(*self._where(exclude))
        return db.session.execute(query).scalar_one()

    def _by_user(self, user_ids: list[int]) -> list[Entry]:
        # Filtered on the primary key only, test rows dropped here: with ``is_test`` in the
        # WHERE clause SQLite prefers the board index and scans the whole board.
        query = self._select().add_columns(self.model.is_test)
        query = query.where(*self.keys, self.model.user_id.in_(user_ids))
        return [self._entry(r, n, o) for r, n, o, test in db.session.execute(query) if not test]

    def many(self, user_ids: list[int]) -> list[Entry]:
        return self._by_user(user_ids) if user_ids else []

    def get(self, user_id: int) -> Entry | None:
        found = self._by_user([user_id])
        return found[0] if found else None


class MemorySource:
    """A fully computed board (frozen boards, or anything rebuilt from attempts)."""

    def __init__(self, entries):
        self.entries = sorted(entries, key=sort_key)
        self.keys = [rank_tuple(e) for e in self.entries]
        self.by_user = {e.user_id: e for e in self.entries}

    def _rows(self, exclude):
        return [e for e in self.entries if e.user_id not in exclude] if exclude else self.entries

    def page(self, offset, limit, exclude=frozenset()):
        return self._rows(exclude)[offset : offset + limit]

    def all(self, exclude=frozenset()):
        return list(self._rows(exclude))

    def count_better(self, entry, exclude=frozenset()):
        if exclude:
            return sum(1 for e in self._rows(exclude) if rank_tuple(e) < rank_tuple(entry))
        return bisect.bisect_left(self.keys, rank_tuple(entry))

    def total(self, exclude=frozenset()):
        return len(self._rows(exclude))

    def get(self, user_id):
        return self.by_user.get(user_id)

    def page_and_total(self, offset, limit, exclude=frozenset()):
        return self.page(offset, limit, exclude), self.total(exclude)

    def placed(self, user_id, exclude=frozenset()):
        return placed_by_parts(self, user_id, exclude)


def placed_by_parts(source, user_id: int, exclude) -> tuple[int, Entry] | None:
    """``placed`` for sources without a one-statement form: the row, then its better count."""
    entry = source.get(user_id)
    if entry is None:
        return None
    return source.count_better(entry, exclude), entry


def assemble_page(source, overlay: dict[int, Entry], offset: int, limit: int):
    """``([(rank, entry)], total)`` for the board ``source`` with ``overlay`` rows replacing theirs.

    Without an overlay this is one page query plus one rank count. With one, the page is read
    from a window of the source wide enough to hold every overlay row that could fall into it
    (``len(overlay)`` rows earlier), then merged in order.
    """
    exclude = set(overlay)
    extra = sorted(overlay.values(), key=sort_key)
    if not extra:
        rows, total = source.page_and_total(offset, limit, exclude)
    else:
        rows = _merged_page(source, extra, exclude, offset, limit)
        total = source.total(exclude) + len(extra)
    if not rows:
        return [], total
    first = rows[0]
    if offset == 0:
        better = 0  # nothing ranks above the first row of the board
    else:
        better = source.count_better(first, exclude) + sum(
            1 for e in extra if rank_tuple(e) < rank_tuple(first)
        )
    return list(zip(competition_ranks(rows, better + 1, offset), rows, strict=True)), total


def _merged_page(source, extra, exclude, offset, limit):
    start = max(0, offset - len(extra))
    window = source.page(start, offset + limit - start, exclude)
    if start and not window:  # the source ends before the window: read it from the top
        start = 0
        window = source.page(0, offset + limit, exclude)
    exhausted = len(window) < offset + limit - start
    if window:
        lo, hi = sort_key(window[0]), sort_key(window[-1])
        picked = [
            e for e in extra if (start == 0 or sort_key(e) > lo) and (exhausted or sort_key(e) < hi)
        ]
        merged_start = start + (0 if start == 0 else sum(1 for e in extra if sort_key(e) < lo))
    else:
        picked, merged_start = list(extra), 0
    merged = sorted([*window, *picked], key=sort_key)
    return merged[offset - merged_start : offset - merged_start + limit]


def rank_of(source, overlay: dict[int, Entry], user_id: int) -> tuple[int, Entry] | None:
    """One user's (rank, entry) on the board, or None when they have no result."""
    exclude = set(overlay)
    entry = overlay.get(user_id)
    if entry is not None:
        better = source.count_better(entry, exclude)
    else:
        found = source.placed(user_id, exclude)
        if found is None:
            return None
        better, entry = found
    better += sum(1 for e in overlay.values() if rank_tuple(e) < rank_tuple(entry))
    return better + 1, entry


def with_names(entries: dict[int, Entry]) -> dict[int, Entry]:
    """Fill name and own organization of overlay entries (they come from attempts)."""
    if not entries:
        return entries
    rows = db.session.execute(
        select(User.id, User.display_name, User.organization_id).where(User.id.in_(list(entries)))
    )
    found = {uid: (name, org) for uid, name, org in rows}
    return {
        uid: replace(e, name=found.get(uid, ("", None))[0], org_id=found.get(uid, ("", None))[1])
        for uid, e in entries.items()
    }
