"""Import the organization tree from a spreadsheet: idempotent, all-or-nothing, scoped.

Two layouts are accepted: columns ``地区, 学校, 班级`` (later ones may be blank), or one column
``单位路径`` holding ``四川省/广元中学/高一(1)班``. Existing nodes are reused, so re-importing the
same file changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.extensions import db
from quiz.models import User
from quiz.models.audit import record
from quiz.services import DomainError
from quiz.services.accounts.organizations import (
    check_name,
    create_organization,
    find_child,
    managed_ids,
)
from quiz.services.spreadsheets import RowProblems, SpreadsheetError, Table, read_table

PATH_COLUMN = "单位路径"
LEVEL_COLUMNS = ("地区", "学校", "班级")
MAX_DEPTH = len(LEVEL_COLUMNS)


@dataclass
class ImportReport:
    created: int = 0
    existing: int = 0


def row_paths(table: Table) -> list[tuple[int, list[str] | str]]:
    """(line, parts) per row, or (line, problem) when the row's path is malformed."""
    if PATH_COLUMN in table.columns:
        return [(row.line, _split_path(row.get(PATH_COLUMN))) for row in table.rows]
    if LEVEL_COLUMNS[0] in table.columns:
        return [
            (row.line, _level_parts([row.get(column) for column in LEVEL_COLUMNS]))
            for row in table.rows
        ]
    raise SpreadsheetError("缺少列：需要“地区、学校、班级”三列，或一列“单位路径”。")


def _split_path(text: str) -> list[str] | str:
    parts = [part.strip() for part in text.strip().strip("/").split("/")]
    if not parts or any(not part for part in parts):
        return "单位路径为空或含有空的层级。"
    if len(parts) > MAX_DEPTH:
        return "层级过多：最多三级（地区/学校/班级）。"
    return parts


def _level_parts(cells: list[str]) -> list[str] | str:
    while cells and not cells[-1]:
        cells = cells[:-1]
    for column, cell in zip(LEVEL_COLUMNS, cells, strict=False):
        if not cell:
            return f"缺少“{column}”。"
    return cells


def import_organization_file(actor: User, filename: str, data: bytes) -> ImportReport:
    """Read an uploaded CSV/XLSX and import its paths (see :func:`import_organizations`)."""
    return import_organizations(actor, read_table(filename, data))


def import_organizations(actor: User, table: Table) -> ImportReport:
    """Create every path of ``table`` that ``actor`` may create; nothing at all if a row is bad."""
    if not table.rows:
        raise DomainError("文件中没有数据行。", code="empty")
    scope = managed_ids(actor)
    report = ImportReport()
    problems: list[tuple[int, str]] = []
    for line, parts in row_paths(table):
        if isinstance(parts, str):
            problems.append((line, parts))
            continue
        try:
            _ensure(actor, parts, scope, report)
        except DomainError as error:
            problems.append((line, error.message))
    if problems:
        db.session.rollback()
        raise RowProblems(problems)
    record(actor, "organization.import", "organization", None, created=report.created)
    db.session.commit()
    return report


def _ensure(actor: User, parts: list[str], scope: set[int] | None, report: ImportReport) -> None:
    node = None
    created_any = False
    for raw in parts:
        name = check_name(raw)
        child = find_child(node, name)
        if child is None:
            if node is None and not actor.is_admin:
                raise DomainError(f"只有管理员可以新建地区“{name}”。")
            if node is not None and scope is not None and node.id not in scope:
                raise DomainError(f"“{node.path}”不在您的管理范围内。")
            child = create_organization(name, node, commit=False)
            if scope is not None:
                scope.add(child.id)
            report.created += 1
            created_any = True
        node = child
    if not created_any:
        if scope is not None and node.id not in scope:
            raise DomainError(f"“{node.path}”不在您的管理范围内。")
        report.existing += 1
