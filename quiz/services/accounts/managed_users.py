"""Managing accounts from the organizer pages: student lists, resets, flags, staff accounts.

Organizers reach only students in their own unit and below; admins reach every account. Each
lookup goes through :func:`get_managed_user`, so no route can act on an id outside its scope.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from sqlalchemy import func, or_, select

from quiz.extensions import db
from quiz.models import LoginFailure, Role, User
from quiz.models.audit import record
from quiz.services import DomainError, Forbidden, NotFound
from quiz.services.accounts.organizations import descendant_ids, get_managed, managed_ids
from quiz.services.accounts.users import (
    NewUser,
    clear_login_failures,
    create_user,
    generate_password,
    reset_password,
)
from quiz.services.paging import Page, clamp_page

STAFF_ROLES = (Role.ORGANIZER, Role.ADMIN)


def list_students(
    actor: User,
    *,
    query: str = "",
    organization_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page:
    """Students in ``actor``'s scope, optionally under one unit and matching a name/username."""
    statement = select(User).where(User.role == Role.STUDENT)
    scope = managed_ids(actor)
    if scope is not None:
        statement = statement.where(User.organization_id.in_(scope))
    if organization_id:
        statement = statement.where(
            User.organization_id.in_(descendant_ids(get_managed(actor, organization_id)))
        )
    query = unicodedata.normalize("NFKC", query or "").strip()
    if query:
        statement = statement.where(
            or_(
                User.username.icontains(query.casefold(), autoescape=True),
                User.display_name.icontains(query, autoescape=True),
            )
        )
    total = db.session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page = clamp_page(page, total, per_page)
    items = db.session.execute(
        statement.order_by(User.organization_id, User.username)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).scalars()
    return Page(list(items), total, page, per_page)


def get_managed_user(actor: User, user_id: int) -> User:
    """The account ``user_id`` if ``actor`` may manage it (organizers: their students only)."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("账号不存在。")
    if actor.is_admin:
        return user
    scope = managed_ids(actor) or set()
    if user.role != Role.STUDENT or user.organization_id not in scope:
        raise Forbidden("该账号不在您的管理范围内。")
    return user


def _refuse_erased(user: User) -> None:
    """An erased account stays closed: no password, no reactivation, no flags (PIPL)."""
    if user.erased_at is not None:
        raise DomainError("该账号的个人信息已注销，不能再修改。", code="erased")


def reset_user_password(actor: User, user: User, *, hash_method: str) -> str:
    """Issue a new password (shown once by the caller) that must be changed at next login."""
    _refuse_erased(user)
    if user.id == actor.id:
        raise DomainError("请在“修改密码”页面修改自己的密码。", code="self")
    password = reset_password(user, hash_method=hash_method)
    record(actor, "user.reset_password", "user", user.id, username=user.username)
    db.session.commit()
    return password


def set_test_account(actor: User, user: User, value: bool) -> None:
    """Test accounts may play but never appear on leaderboards."""
    _refuse_erased(user)
    user.is_test_account = value
    record(actor, "user.test_account", "user", user.id, value=value)
    db.session.commit()


def set_active(actor: User, user: User, value: bool) -> None:
    """Deactivated accounts cannot log in; their results stay."""
    _refuse_erased(user)
    if user.id == actor.id and not value:
        raise DomainError("不能停用自己的账号。", code="self")
    user.is_active_account = value
    record(actor, "user.active", "user", user.id, value=value)
    db.session.commit()


def list_staff(actor: User) -> list[User]:
    """Organizers and admins (admins only)."""
    if not actor.is_admin:
        raise Forbidden("只有管理员可以管理组织者账号。")
    return list(
        db.session.execute(
            select(User).where(User.role.in_(STAFF_ROLES)).order_by(User.role, User.username)
        ).scalars()
    )


def create_staff(
    actor: User,
    *,
    username: str,
    display_name: str,
    role: str,
    organization_id: int | None,
    password: str | None,
    must_change_password: bool,
    hash_method: str,
) -> tuple[User, str]:
    """An admin creates an organizer or admin; returns the account and its initial password."""
    if not actor.is_admin:
        raise Forbidden("只有管理员可以创建组织者或管理员账号。")
    if role not in STAFF_ROLES:
        raise DomainError("只能在此创建组织者或管理员账号。", code="bad_role")
    if role == Role.ORGANIZER and not organization_id:
        raise DomainError("组织者必须指定所管理的单位。", code="missing_organization")
    password = password or generate_password()
    user = create_user(
        NewUser(
            username=username,
            display_name=display_name,
            password=password,
            role=role,
            organization_id=organization_id or None,
            must_change_password=must_change_password,
        ),
        hash_method=hash_method,
        commit=False,
    )
    record(actor, "user.create", "user", user.id, username=user.username, role=role)
    db.session.commit()
    return user, password


def locked_accounts(actor: User, *, now: datetime) -> list[tuple[User, datetime]]:
    """Students in ``actor``'s scope with a source still locked out, and when the last lock ends."""
    until = func.max(LoginFailure.locked_until)
    statement = (
        select(User, until)
        .join(LoginFailure, LoginFailure.user_id == User.id)
        .where(User.role == Role.STUDENT, LoginFailure.locked_until > now)
        .group_by(User.id)
        .order_by(User.organization_id, User.username)
    )
    scope = managed_ids(actor)
    if scope is not None:
        statement = statement.where(User.organization_id.in_(scope))
    return [(user, locked) for user, locked in db.session.execute(statement).all()]


def unlock_user(actor: User, user: User) -> int:
    """Lift every login lock of ``user`` (audited); return how many sources were cleared."""
    cleared = clear_login_failures(user)
    record(actor, "user.unlock", "user", user.id, username=user.username, sources=cleared)
    db.session.commit()
    return cleared
