"""The organization tree: listing, scoping (an organizer's unit and below), create/rename/delete.

Sibling names compare under NFKC and case-folding, so ``高一（1）班`` and ``高一(1)班`` are one class.
Merging lives in :mod:`.merge`, spreadsheet import in :mod:`.organization_import`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import Organization, OrgLevel, Role, User
from quiz.models.accounts import CHILD_LEVEL
from quiz.models.audit import record
from quiz.services import Conflict, DomainError, Forbidden, NotFound, storable_id

MAX_NAME_LENGTH = 80


def name_key(name: str) -> str:
    """The form in which sibling names are compared."""
    return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def all_organizations() -> list[Organization]:
    return list(db.session.execute(select(Organization)).scalars())


def selectable_for_students() -> list[tuple[int, str]]:
    """Choices for a student's picker: schools and classes open to self-registration,
    labelled by their full path."""
    orgs = {o.id: o for o in all_organizations()}
    return [
        (org_id, path)
        for org_id, path in choices(None, levels=(OrgLevel.SCHOOL, OrgLevel.CLASS))
        if not _closed(orgs[org_id], orgs)
    ]


def _closed(org: Organization, orgs: dict[int, Organization]) -> bool:
    node: Organization | None = org
    while node is not None:
        if node.registration_closed:
            return True
        node = orgs.get(node.parent_id) if node.parent_id else None
    return False


def check_open_for_registration(organization_id: int | None) -> None:
    """Raise DomainError unless students may register themselves into this school or class
    (closing a school closes its classes; rosters still add students to closed units)."""
    org = db.session.get(Organization, organization_id) if storable_id(organization_id) else None
    if org is None or org.level not in (OrgLevel.SCHOOL, OrgLevel.CLASS):
        raise DomainError("请选择所属学校/班级。", code="bad_organization")
    if _closed(org, {o.id: o for o in [org, *org.ancestors()]}):
        raise DomainError("该班级不接受自行注册，请向老师领取账号。", code="registration_closed")


def set_registration_closed(actor: User, org: Organization, closed: bool) -> None:
    """Close or reopen a unit to self-registration (audited)."""
    if not can_manage(actor, org):
        raise Forbidden("该单位不在您的管理范围内。")
    org.registration_closed = closed
    record(actor, "organization.registration", "organization", org.id, closed=closed)
    db.session.commit()


def choices(actor: User | None, *, levels: tuple[str, ...] | None = None) -> list[tuple[int, str]]:
    """(id, path) of nodes ``actor`` manages (every node when actor is None), sorted by path."""
    orgs = {o.id: o for o in all_organizations()}
    scope = managed_ids(actor) if actor is not None else None
    paths = _paths(orgs)
    return sorted(
        (
            (org_id, paths[org_id])
            for org_id, org in orgs.items()
            if (levels is None or org.level in levels) and (scope is None or org_id in scope)
        ),
        key=lambda pair: pair[1],
    )


def _paths(orgs: dict[int, Organization]) -> dict[int, str]:
    # Walk parent ids in memory: org.path would lazy-load each ancestor one query at a time.
    def path(org_id: int) -> str:
        org = orgs[org_id]
        return f"{path(org.parent_id)}/{org.name}" if org.parent_id in orgs else org.name

    return {org_id: path(org_id) for org_id in orgs}


def descendant_ids(root: Organization) -> set[int]:
    """Ids of ``root`` and everything under it."""
    children_of: dict[int | None, list[int]] = {}
    for org_id, parent_id in db.session.execute(select(Organization.id, Organization.parent_id)):
        children_of.setdefault(parent_id, []).append(org_id)
    found, frontier = {root.id}, [root.id]
    while frontier:
        current = frontier.pop()
        for child in children_of.get(current, []):
            if child not in found:
                found.add(child)
                frontier.append(child)
    return found


def managed_ids(user: User) -> set[int] | None:
    """Organization ids an organizer may manage; None means everything (admins)."""
    if user.is_admin:
        return None
    if user.organization is None:
        return set()
    return descendant_ids(user.organization)


def can_manage(user: User, organization: Organization | None) -> bool:
    scope = managed_ids(user)
    return scope is None or (organization is not None and organization.id in scope)


def get_managed(actor: User, org_id: int | None) -> Organization:
    """The node ``org_id`` if ``actor`` may manage it; NotFound / Forbidden otherwise."""
    org = db.session.get(Organization, org_id) if storable_id(org_id) else None
    if org is None:
        raise NotFound("单位不存在。")
    if not can_manage(actor, org):
        raise Forbidden("该单位不在您的管理范围内。")
    return org


def find_by_path(path: str) -> Organization | None:
    """Resolve ``地区/学校/班级`` to a node, or None."""
    node = None
    for name in [part.strip() for part in path.split("/") if part.strip()]:
        node = find_child(node, name)
        if node is None:
            return None
    return node


def find_child(parent: Organization | None, name: str) -> Organization | None:
    """The child of ``parent`` (a root when None) whose name matches ``name``, or None."""
    key = name_key(name)
    return next((s for s in _children(parent) if name_key(s.name) == key), None)


def check_name(name: str) -> str:
    """Return the stripped name or raise DomainError (Chinese) when it is unusable."""
    name = " ".join((name or "").split())
    if not name:
        raise DomainError("请填写单位名称。", code="bad_name")
    if "/" in name:
        raise DomainError("单位名称不能包含“/”。", code="bad_name")
    if len(name) > MAX_NAME_LENGTH:
        raise DomainError(f"单位名称不能超过{MAX_NAME_LENGTH}个字。", code="bad_name")
    return name


def create_organization(
    name: str, parent: Organization | None, *, commit: bool = True
) -> Organization:
    """Add a child of ``parent`` (a region when parent is None); sibling names are unique."""
    name = check_name(name)
    level = CHILD_LEVEL.get(parent.level if parent else None)
    if level is None:
        raise DomainError("班级/小组下不能再建下级单位。", code="too_deep")
    if find_child(parent, name) is not None:
        raise Conflict(f"同一上级下已有名为“{name}”的单位。", code="duplicate_name")
    org = Organization(name=name, level=level, parent=parent)
    db.session.add(org)
    db.session.flush()
    if commit:
        db.session.commit()
    return org


def ensure_path(path: str) -> Organization:
    """Find or create every node of ``地区/学校/班级`` (used by the CLI and demo data)."""
    node = None
    for name in [part.strip() for part in path.split("/") if part.strip()]:
        node = find_child(node, name) or create_organization(name, node, commit=False)
    if node is None:
        raise DomainError("单位路径为空。", code="bad_path")
    return node


def _children(parent: Organization | None) -> list[Organization]:
    # Queried rather than read from ``parent.children``, which may be stale in a long session.
    where = (
        Organization.parent_id.is_(None) if parent is None else Organization.parent_id == parent.id
    )
    return list(db.session.execute(select(Organization).where(where)).scalars())


def create_child(actor: User, parent: Organization | None, name: str) -> Organization:
    """An organizer adds a unit under a node in scope; only admins add regions."""
    if parent is None and not actor.is_admin:
        raise Forbidden("只有管理员可以新建地区。")
    if parent is not None and not can_manage(actor, parent):
        raise Forbidden("该单位不在您的管理范围内。")
    org = create_organization(name, parent, commit=False)
    record(actor, "organization.create", "organization", org.id, path=org.path)
    db.session.commit()
    return org


def rename(actor: User, org: Organization, new_name: str) -> None:
    """Rename a node; the name must stay unique among its siblings."""
    if not can_manage(actor, org):
        raise Forbidden("该单位不在您的管理范围内。")
    new_name = check_name(new_name)
    clash = find_child(org.parent, new_name)
    if clash is not None and clash.id != org.id:
        raise Conflict(f"同一上级下已有名为“{new_name}”的单位。", code="duplicate_name")
    old_path = org.path
    org.name = new_name
    record(actor, "organization.rename", "organization", org.id, before=old_path, after=org.path)
    try:
        db.session.commit()
    except IntegrityError as exc:  # a concurrent rename won the race
        db.session.rollback()
        raise Conflict(f"同一上级下已有名为“{new_name}”的单位。", code="duplicate_name") from exc


def remove(actor: User, org: Organization) -> None:
    """Delete a node that has neither sub-units nor accounts."""
    if not can_manage(actor, org) or org.id == actor.organization_id:
        raise Forbidden("您不能删除该单位。")
    children = db.session.scalar(select(func.count()).where(Organization.parent_id == org.id))
    members = db.session.scalar(select(func.count()).where(User.organization_id == org.id))
    if children or members:
        raise Conflict(
            f"“{org.name}”下还有{children}个下级单位、{members}个账号，不能删除。"
            "请先移走成员，或将它合并到其他单位。",
            code="not_empty",
        )
    record(actor, "organization.delete", "organization", org.id, path=org.path)
    db.session.delete(org)
    db.session.commit()


@dataclass
class TreeNode:
    """A node for the tree page: direct and subtree student counts."""

    org: Organization
    students: int = 0
    total: int = 0
    children: list[TreeNode] = field(default_factory=list)


def tree(actor: User) -> list[TreeNode]:
    """The part of the tree ``actor`` manages (everything for admins), with student counts."""
    counts = dict(
        db.session.execute(
            select(User.organization_id, func.count())
            .where(User.role == Role.STUDENT)
            .group_by(User.organization_id)
        ).all()
    )
    nodes = {o.id: TreeNode(o, students=counts.get(o.id, 0)) for o in all_organizations()}
    roots: list[TreeNode] = []
    for node in sorted(nodes.values(), key=lambda n: name_key(n.org.name)):
        parent = nodes.get(node.org.parent_id)
        (parent.children if parent else roots).append(node)
    if not actor.is_admin:
        roots = [nodes[actor.organization_id]] if actor.organization_id in nodes else []

    def total(node: TreeNode) -> int:
        node.total = node.students + sum(total(child) for child in node.children)
        return node.total

    for root in roots:
        total(root)
    return roots
