"""Time helpers: the app stores naive UTC datetimes and shows them in Asia/Shanghai.

Services never read the clock themselves; routes and commands call :func:`utcnow` once and pass
``now`` down, so tests can move time with time-machine.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def utcnow() -> datetime:
    """Current time as a naive UTC datetime (the storage convention)."""
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(value: datetime) -> datetime:
    """A stored naive-UTC datetime as an aware Asia/Shanghai datetime."""
    return value.replace(tzinfo=UTC).astimezone(SHANGHAI)


def from_local(value: datetime) -> datetime:
    """A naive Asia/Shanghai wall-clock time (as typed in a form) as naive UTC for storage."""
    return value.replace(tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 with an explicit Z, for JSON (the client must not guess the zone)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
