"""Accounts: users with roles, and the organization tree (region → school/unit → class/group)."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    event,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.base import NEVER_SET, NO_VALUE

from quiz.extensions import db
from quiz.timeutil import utcnow


class Role(enum.StrEnum):
    """What a user may do: students play; organizers run their unit; admins run everything."""

    STUDENT = "student"
    ORGANIZER = "organizer"
    ADMIN = "admin"


ROLES = tuple(role.value for role in Role)


class OrgLevel(enum.StrEnum):
    """Levels of the organization tree, top down. Leaderboards rank by each level."""

    REGION = "region"
    SCHOOL = "school"
    CLASS = "class"


#: The level a child must have under a parent of the given level (None = a root).
CHILD_LEVEL = {
    None: OrgLevel.REGION,
    OrgLevel.REGION: OrgLevel.SCHOOL,
    OrgLevel.SCHOOL: OrgLevel.CLASS,
}


class Organization(db.Model):
    """A node of the tree. Names are unique among siblings so a path names one node."""

    __tablename__ = "organization"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    level: Mapped[str] = mapped_column(String(10), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # A class closed to self-registration: students join it only through an organizer's roster.
    registration_closed: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )

    parent: Mapped[Organization | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Organization]] = relationship(
        back_populates="parent", order_by="Organization.name"
    )
    members: Mapped[list[User]] = relationship(back_populates="organization")

    def ancestors(self) -> list[Organization]:
        """This node's ancestors from the root down, excluding itself."""
        chain: list[Organization] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def path(self) -> str:
        """``地区/学校/班级`` as shown in pickers and exports."""
        return "/".join([*(a.name for a in self.ancestors()), self.name])

    def at_level(self, level: str) -> Organization | None:
        """This node or the ancestor at ``level`` (for ranking by region/school/class)."""
        for node in [*self.ancestors(), self]:
            if node.level == level:
                return node
        return None

    def __repr__(self) -> str:
        return f"<Organization {self.path}>"


class User(UserMixin, db.Model):
    """A person who logs in. Usernames are stored NFKC-normalized and lower-cased."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), default=Role.STUDENT, index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # Test accounts (demo, rehearsal) never appear on leaderboards.
    is_test_account: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active_account: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Part of the login cookie (get_id): bumping it ends every session and remember-me cookie.
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Set when the personal data was erased (on request or by retention): the account keeps
    # its anonymized results for the boards and can never log in again.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    organization: Mapped[Organization | None] = relationship(back_populates="members")

    def get_id(self) -> str:
        """``"<id>:<session version>"``, so a bumped version invalidates copied cookies."""
        return f"{self.id}:{self.session_version or 1}"

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.is_active_account

    @property
    def is_organizer(self) -> bool:
        """Organizers and admins may use organizer pages."""
        return self.role in (Role.ORGANIZER, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


class LoginFailure(db.Model):
    """Failed logins of one account from one source (an IP address): the backoff is per source,
    so an attacker elsewhere slows only themselves and the owner still gets in."""

    __tablename__ = "login_failure"
    __table_args__ = (UniqueConstraint("user_id", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_failed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


@event.listens_for(User.role, "set")
def _role_change_ends_sessions(user: User, value, oldvalue, _initiator) -> None:
    """A changed role must not keep the powers (or limits) of the old one in open sessions."""
    if oldvalue not in (NO_VALUE, NEVER_SET, None) and value != oldvalue:
        user.session_version = (user.session_version or 1) + 1


class PendingCredentials(db.Model):
    """Initial passwords from a roster import, held only until downloaded once (then deleted).

    The plaintext lives here for minutes, not for good: the download deletes the row and stale
    rows are purged after a day (quiz.services.roster). Only the creator may fetch it.
    """

    __tablename__ = "pending_credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200), default="")
    # [[username, display_name, class path, password], ...]
    rows: Mapped[list] = mapped_column(JSON, default=list)
    shown: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
