"""A small in-process LRU for computed boards, keyed by board, role class, version token, page.

Entries hold *raw* rows (full names included, never sent as is): masking and the viewer's own
row are applied per request. Keys always contain the board key and its version token, which
itself includes the freeze state, so nothing is served across contests, freezes or versions;
the role class (live/public) is in every key that can differ between them.

Each worker process has its own cache; the version token comes from the database, so workers
agree on what is current without talking to each other.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

DEFAULT_SIZE = 256


class BoardCache:
    """Thread-safe least-recently-used cache (a dict and a lock; boards are small)."""

    def __init__(self, size: int = DEFAULT_SIZE):
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_set(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
        # Computed outside the lock: two requests may both compute once, which is harmless.
        value = compute()
        with self._lock:
            self.misses += 1
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class NullCache(BoardCache):
    """Computes every time (benchmarks and tests of the uncached path)."""

    def get_or_set(self, key, compute):
        return compute()


def app_cache(app) -> BoardCache:
    """The app's board cache, created on first use (size from BOARD_CACHE_SIZE)."""
    cache = app.extensions.get("board_cache")
    if cache is None:
        cache = app.extensions["board_cache"] = BoardCache(int(app.config["BOARD_CACHE_SIZE"]))
    return cache
