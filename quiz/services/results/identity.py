"""Whose identity an organizer may see (docs/boards.md, "Names").

Full name, username and class go only to organizers whose scope holds the student's unit, and
to admins. Everyone else sees the student as public boards do: 张*明, no username, and the unit
path without its class.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Organization, User
from quiz.models.accounts import OrgLevel
from quiz.services.boards import mask_name


@dataclass(frozen=True)
class Identity:
    """A student as one organizer may see them."""

    name: str
    username: str
    organization: str
    masked: bool


def _without_class(org_id: int | None, paths: dict[int, str], levels: dict[int, str]) -> str:
    path = paths.get(org_id, "") if org_id is not None else ""
    if org_id is not None and levels.get(org_id) == OrgLevel.CLASS and "/" in path:
        return path.rsplit("/", 1)[0]
    return path


class IdentityView:
    """Masks students outside ``scope`` (a set of organization ids; None: an admin, sees all)."""

    def __init__(self, scope: set[int] | frozenset[int] | None, paths: dict[int, str]):
        self.scope = scope
        self.paths = paths
        self._levels: dict[int, str] | None = None

    def sees(self, user: User) -> bool:
        return self.scope is None or (
            user.organization_id is not None and user.organization_id in self.scope
        )

    def of(self, user: User) -> Identity:
        org = self.paths.get(user.organization_id, "") if user.organization_id else ""
        if self.sees(user):
            return Identity(user.display_name, user.username, org, False)
        if self._levels is None:  # one query, only when someone is masked
            self._levels = dict(
                db.session.execute(select(Organization.id, Organization.level)).all()
            )
        return Identity(
            mask_name(user.display_name),
            "",
            _without_class(user.organization_id, self.paths, self._levels),
            True,
        )
