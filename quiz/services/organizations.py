"""The organization tree: listing, scoping (an organizer's unit and below), creation."""

from __future__ import annotations

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Organization, OrgLevel, User
from quiz.models.accounts import CHILD_LEVEL
from quiz.services import Conflict, DomainError


def all_organizations() -> list[Organization]:
    return list(db.session.execute(select(Organization)).scalars())


def selectable_for_students() -> list[tuple[int, str]]:
    """Choices for a student's picker: schools and classes, labelled by their full path."""
    nodes = [o for o in all_organizations() if o.level in (OrgLevel.SCHOOL, OrgLevel.CLASS)]
    return sorted(((o.id, o.path) for o in nodes), key=lambda pair: pair[1])


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


def find_by_path(path: str) -> Organization | None:
    """Resolve ``地区/学校/班级`` to a node, or None."""
    node = None
    for name in [part.strip() for part in path.split("/") if part.strip()]:
        parent_id = node.id if node else None
        node = db.session.execute(
            select(Organization).where(
                Organization.name == name,
                Organization.parent_id.is_(None) if parent_id is None else Organization.parent_id == parent_id,
            )
        ).scalar_one_or_none()
        if node is None:
            return None
    return node


def create_organization(name: str, parent: Organization | None, *, commit: bool = True) -> Organization:
    """Add a child of ``parent`` (a region when parent is None); sibling names are unique."""
    name = (name or "").strip()
    if not name:
        raise DomainError("请填写单位名称。", code="bad_name")
    if "/" in name:
        raise DomainError("单位名称不能包含“/”。", code="bad_name")
    parent_level = parent.level if parent else None
    level = CHILD_LEVEL.get(parent_level)
    if level is None:
        raise DomainError("班级/小组下不能再建下级单位。", code="too_deep")
    siblings = parent.children if parent else _roots()
    if any(s.name == name for s in siblings):
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
        siblings = node.children if node else _roots()
        existing = next((s for s in siblings if s.name == name), None)
        node = existing or create_organization(name, node, commit=False)
    if node is None:
        raise DomainError("单位路径为空。", code="bad_path")
    return node


def _roots() -> list[Organization]:
    return list(
        db.session.execute(select(Organization).where(Organization.parent_id.is_(None))).scalars()
    )
