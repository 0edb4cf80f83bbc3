"""Factories for users, organizations (and later contests and questions) in tests."""

from __future__ import annotations

import itertools

from quiz.extensions import db
from quiz.models import Organization, Role, User
from quiz.services.accounts import NewUser, create_user
from quiz.services.organizations import ensure_path

DEFAULT_PASSWORD = "passw0rd!"
DEFAULT_CLASS = "四川省/广元中学/高一(1)班"


class Factories:
    """Create domain objects through the real services so tests exercise the same rules."""

    _counter = itertools.count(1)

    def __init__(self, app):
        self.app = app

    def organization(self, path: str = DEFAULT_CLASS) -> Organization:
        node = ensure_path(path)
        db.session.commit()
        return node

    def user(
        self,
        username: str | None = None,
        *,
        role: str = Role.STUDENT,
        password: str = DEFAULT_PASSWORD,
        organization: str | Organization | None = DEFAULT_CLASS,
        display_name: str | None = None,
        **extra,
    ) -> User:
        username = username or f"user{next(self._counter)}"
        if isinstance(organization, str):
            organization = self.organization(organization)
        return create_user(
            NewUser(
                username=username,
                display_name=display_name or f"用户{username}",
                password=password,
                role=role,
                organization_id=organization.id if organization else None,
                **extra,
            ),
            hash_method=self.app.config["PASSWORD_HASH_METHOD"],
        )

    def student(self, username: str | None = None, **kwargs) -> User:
        return self.user(username, role=Role.STUDENT, **kwargs)

    def organizer(self, username: str | None = None, *, unit: str = "四川省/广元中学", **kwargs):
        return self.user(username, role=Role.ORGANIZER, organization=unit, **kwargs)

    def admin(self, username: str | None = None, **kwargs) -> User:
        return self.user(username, role=Role.ADMIN, organization=None, **kwargs)
