"""Which board (contest, themed day, week) and who is looking at it (live or public, names, "me")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.models import Contest, Event
from quiz.models.standings import WEEK
from quiz.services.accounts import managed_ids
from quiz.services.boards.ranking import Entry


@dataclass(frozen=True)
class BoardRef:
    """Which board: a contest's, a themed day of an event, or an event's week."""

    kind: str
    contest_id: int | None = None
    event_id: int | None = None
    day: str | None = None

    @property
    def key(self) -> str:
        if self.kind == "contest":
            return f"c:{self.contest_id}"
        return f"e:{self.event_id}:{self.day if self.kind == 'day' else WEEK}"

    @property
    def scope(self) -> str:
        return f"c:{self.contest_id}" if self.kind == "contest" else f"e:{self.event_id}"


@dataclass(frozen=True)
class Viewer:
    """Who is looking: decides live/public, name masking and the "me" row."""

    user_id: int | None = None
    is_admin: bool = False
    scope: frozenset[int] | None = frozenset()  # orgs whose students they may name (None = all)
    live: bool = False  # an organizer of this board: sees it live, not frozen
    projector: bool = False  # the hall screen: every name masked

    @property
    def role_class(self) -> str:
        return "live" if self.live else "public"

    def sees_full_name(self, entry: Entry) -> bool:
        if self.projector:
            return False
        if self.user_id is not None and entry.user_id == self.user_id:
            return True
        return self.scope is None or (entry.org_id is not None and entry.org_id in self.scope)


def viewer_for(user, owner: Contest | Event, *, projector: bool = False) -> Viewer:
    """The viewer for ``user`` (None or anonymous allowed) on the board of ``owner``."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Viewer(projector=projector)
    if not user.is_organizer:
        return Viewer(user_id=user.id, projector=projector)
    scope = managed_ids(user)
    live = scope is None or owner.organization_id in scope
    return Viewer(
        user_id=user.id,
        is_admin=user.is_admin,
        scope=None if scope is None else frozenset(scope),
        live=live and not projector,
        projector=projector,
    )


def frozen_contests(contests: list[Contest], viewer: Viewer, now: datetime) -> list[Contest]:
    """Contests whose public board is frozen for this viewer right now."""
    if viewer.live:
        return []
    return [c for c in contests if c.freeze_at is not None and c.freeze_at <= now]
