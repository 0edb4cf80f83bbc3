"""Merging two units of the same level: members, sub-units and every reference move across.

Done in SQL (bulk updates) so a school with thousands of students merges in a few statements, and
recorded in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select, update

from quiz.extensions import db
from quiz.models import Organization, User
from quiz.models.audit import record
from quiz.services import DomainError, Forbidden
from quiz.services.accounts.organizations import can_manage, name_key


@dataclass
class MergeReport:
    members: int = 0
    units: int = 0


def merge(actor: User, source: Organization, target: Organization) -> MergeReport:
    """Move everything in ``source`` into ``target`` (same level) and delete ``source``.

    Children whose names clash with a child of ``target`` are merged the same way, recursively.
    """
    if not (can_manage(actor, source) and can_manage(actor, target)):
        raise Forbidden("该单位不在您的管理范围内。")
    if source.id == target.id:
        raise DomainError("不能把单位合并到它自己。", code="same_node")
    if source.level != target.level:
        raise DomainError("只能合并同一级别的单位（例如班级并入班级）。", code="level_mismatch")
    source_path, target_path = source.path, target.path
    db.session.flush()
    report = MergeReport()
    _merge_into(source.id, target.id, report)
    db.session.expire_all()  # the ORM's view of the moved rows is stale after bulk updates
    record(
        actor,
        "organization.merge",
        "organization",
        target.id,
        source=source_path,
        source_id=source.id,
        target=target_path,
        moved_members=report.members,
        moved_units=report.units,
    )
    db.session.commit()
    return report


def _merge_into(source_id: int, target_id: int, report: MergeReport) -> None:
    """SQL-level merge: reparent or merge children, repoint every reference, delete the source."""
    target_children = {
        name_key(name): child_id
        for child_id, name in db.session.execute(
            select(Organization.id, Organization.name).where(Organization.parent_id == target_id)
        )
    }
    for child_id, name in db.session.execute(
        select(Organization.id, Organization.name).where(Organization.parent_id == source_id)
    ).all():
        twin = target_children.get(name_key(name))
        if twin is None:
            db.session.execute(
                update(Organization).where(Organization.id == child_id).values(parent_id=target_id)
            )
            report.units += 1
        else:
            _merge_into(child_id, twin, report)
    report.members += db.session.scalar(
        select(func.count()).where(User.organization_id == source_id)
    )
    _repoint_references(source_id, target_id)
    db.session.execute(delete(Organization).where(Organization.id == source_id))


def _repoint_references(source_id: int, target_id: int) -> None:
    """Point every foreign key to ``organization.id`` (users, contests, …) from source to target.

    Walking the metadata keeps merges correct as other features add tables that reference units.
    Where the column is part of a composite key, rows already present for the target are dropped.
    """
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if table.name == "organization" or not any(
                fk.column.table.name == "organization" for fk in column.foreign_keys
            ):
                continue
            others = [c for c in table.primary_key.columns if c is not column]
            if column.primary_key and others:
                twin = table.alias()
                duplicate = exists().where(
                    twin.c[column.name] == target_id, *[twin.c[c.name] == c for c in others]
                )
                db.session.execute(delete(table).where(column == source_id, duplicate))
            db.session.execute(
                update(table).where(column == source_id).values({column.name: target_id})
            )
