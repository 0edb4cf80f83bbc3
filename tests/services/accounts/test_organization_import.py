"""Importing the organization tree from a spreadsheet: two layouts, idempotent, all-or-nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Organization
from quiz.services import DomainError
from quiz.services.accounts.organization_import import (
    import_organization_file,
    import_organizations,
    row_paths,
)
from quiz.services.accounts.organizations import find_by_path
from quiz.services.spreadsheets import Row, RowProblems, SpreadsheetError, Table, write_xlsx
from tests.helpers.audit import audit

pytestmark = pytest.mark.db

LEVELS_CSV = (
    "地区,学校,班级\n四川省,广元中学,高一(1)班\n四川省,广元中学,高一(2)班\n四川省,绵阳中学,\n"
)


def table(columns: list[str], *rows: list[str]) -> Table:
    return Table(
        columns, [Row(n, dict(zip(columns, r, strict=True))) for n, r in enumerate(rows, 2)]
    )


def unit_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Organization))


def test_level_columns_may_end_early():
    rows = table(["地区", "学校", "班级"], ["四川省", "广元中学", ""], ["四川省", "", ""])
    assert row_paths(rows) == [(2, ["四川省", "广元中学"]), (3, ["四川省"])]


def test_a_gap_in_the_level_columns_is_named():
    rows = table(["地区", "学校", "班级"], ["四川省", "", "高一(1)班"])
    assert row_paths(rows) == [(2, "缺少“学校”。")]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/四川省/广元中学/", ["四川省", "广元中学"]),
        (" 四川省 / 广元中学 ", ["四川省", "广元中学"]),
        ("四川省//高一(1)班", "单位路径为空或含有空的层级。"),
        ("", "单位路径为空或含有空的层级。"),
        ("四川省/广元中学/高一(1)班/第一组", "层级过多：最多三级（地区/学校/班级）。"),
    ],
)
def test_the_path_column_is_split_and_checked(path, expected):
    assert row_paths(table(["单位路径"], [path])) == [(2, expected)]


def test_a_sheet_without_known_columns_is_refused():
    with pytest.raises(SpreadsheetError, match="缺少列"):
        row_paths(table(["名称"], ["abc"]))


def test_import_creates_each_node_once_and_is_idempotent(factories):
    admin = factories.admin()
    first = import_organization_file(admin, "orgs.csv", LEVELS_CSV.encode("gb18030"))
    assert (first.created, first.existing) == (5, 0)
    assert find_by_path("四川省/绵阳中学").level == "school"
    again = import_organization_file(
        admin,
        "orgs.xlsx",
        write_xlsx([["单位路径"], ["四川省/广元中学/高一（1）班"], ["四川省/绵阳中学"]]),
    )
    assert (again.created, again.existing) == (0, 2) and unit_count() == 5


def test_the_import_is_audited(factories):
    admin = factories.admin()
    import_organization_file(admin, "orgs.csv", LEVELS_CSV.encode())
    [entry] = audit("organization.import")
    assert entry.actor_id == admin.id and entry.details == {"created": 5}


def test_an_empty_sheet_is_refused(factories):
    with pytest.raises(DomainError) as refused:
        import_organizations(factories.admin(), Table(["单位路径"]))
    assert refused.value.code == "empty"


def test_bad_rows_name_their_lines_and_nothing_is_created(factories):
    organizer = factories.organizer()  # 四川省/广元中学
    before = unit_count()
    sheet = table(
        ["单位路径"],
        ["四川省/广元中学/高一(1)班"],
        ["四川省/成都七中/高一(1)班"],
        ["四川省//x"],
        ["重庆市"],
    )
    with pytest.raises(RowProblems) as refused:
        import_organizations(organizer, sheet)
    assert refused.value.lines == [
        "第3行：“四川省”不在您的管理范围内。",
        "第4行：单位路径为空或含有空的层级。",
        "第5行：只有管理员可以新建地区“重庆市”。",
    ]
    assert unit_count() == before
    assert find_by_path("四川省/广元中学/高一(1)班") is None


def test_an_existing_unit_outside_the_scope_is_refused(factories):
    factories.organization("四川省/成都七中/高一(1)班")
    organizer = factories.organizer()
    with pytest.raises(RowProblems) as refused:
        import_organizations(organizer, table(["单位路径"], ["四川省/成都七中/高一(1)班"]))
    assert refused.value.lines == ["第2行：“四川省/成都七中/高一(1)班”不在您的管理范围内。"]


def test_an_organizer_adds_classes_under_their_school(factories):
    organizer = factories.organizer()
    report = import_organizations(
        organizer, table(["单位路径"], ["四川省/广元中学/高三(1)班"], ["四川省/广元中学"])
    )
    assert (report.created, report.existing) == (1, 1)
    assert find_by_path("四川省/广元中学/高三(1)班").level == "class"


def test_names_are_checked_per_row(factories):
    with pytest.raises(RowProblems) as refused:
        import_organizations(factories.admin(), table(["地区", "学校"], ["四川省", "长" * 81]))
    assert refused.value.lines == ["第2行：单位名称不能超过80个字。"]
