"""The suite's one "now" and one grace period, and the frozen clock tests move by hand.

``NOW`` is naive UTC, as the database stores times: 2026-10-11 10:00 in Beijing, the morning
of 校园日. The factories' contests open a minute before it. ``GRACE`` is the app's default
``ANSWER_GRACE_SECONDS`` (a test in tests/web/test_settings.py keeps the two equal).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

NOW = datetime(2026, 10, 11, 2, 0, 0)
GRACE = 3


class Clock:
    """Frozen time (time-machine) that a test moves explicitly: it never sleeps."""

    def __init__(self, traveller, now: datetime = NOW):
        self._traveller = traveller
        self.now = now

    def move_to(self, when: datetime) -> datetime:
        """Jump to ``when`` (naive UTC, or aware in any zone); return it as naive UTC."""
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        self._traveller.move_to(when.replace(tzinfo=UTC))
        self.now = when
        return when

    def shift(self, delta: timedelta | None = None, **parts) -> datetime:
        """Move forward by ``delta`` or by ``timedelta(**parts)``; return the new now."""
        return self.move_to(self.now + (delta if delta is not None else timedelta(**parts)))
