"""Organization pages: tree, create, rename, merge, delete, import, and scope (no IDOR)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog, Organization, User
from quiz.services.accounts.organizations import find_by_path
from quiz.services.spreadsheets import write_xlsx
from tests.helpers.admin import OTHER_SCHOOL, text, upload

SCHOOL = "四川省/广元中学"


def test_tree_shows_hierarchy_with_counts(client, organizer, factories):
    factories.student(organization=f"{SCHOOL}/高一(1)班")
    factories.student(organization=f"{SCHOOL}/高一(1)班")
    factories.student(organization=f"{SCHOOL}/高一(2)班")
    factories.organization(f"{OTHER_SCHOOL}/高三(9)班")
    page = text(client.get("/admin/organizations"))
    assert "广元中学" in page and "高一(1)班" in page and "高一(2)班" in page
    assert "3 名学生" in page and "2 名学生" in page
    assert "成都七中" not in page  # another school is outside the organizer's tree
    assert "新建地区" not in page


def test_organizer_creates_class_but_not_region(client, organizer):
    school = find_by_path(SCHOOL)
    response = client.post(f"/admin/organizations/{school.id}/children", data={"name": "高二(5)班"})
    assert response.status_code == 302
    assert find_by_path(f"{SCHOOL}/高二(5)班").level == "class"
    assert client.post("/admin/organizations", data={"name": "重庆市"}).status_code == 403
    assert find_by_path("重庆市") is None


def test_admin_creates_region(client, admin):
    assert client.post("/admin/organizations", data={"name": "重庆市"}).status_code == 302
    assert find_by_path("重庆市").level == "region"


def test_rename_clash_has_chinese_message(client, organizer, factories):
    factories.organization(f"{SCHOOL}/高一(1)班")
    second = factories.organization(f"{SCHOOL}/高一(2)班")
    response = client.post(
        f"/admin/organizations/{second.id}/rename", data={"new_name": "高一（1）班"}
    )
    assert response.status_code == 422
    assert "同一上级下已有名为“高一（1）班”的单位" in text(response)
    ok = client.post(f"/admin/organizations/{second.id}/rename", data={"new_name": "高一(3)班"})
    assert ok.status_code == 302
    db.session.expire_all()  # the request renamed it in its own session
    assert find_by_path(f"{SCHOOL}/高一(3)班").id == second.id


def test_merge_moves_members_and_children_recursively(client, admin, factories):
    a_class = factories.organization("四川省/旧校区/高一(1)班")
    factories.organization("四川省/旧校区/高一(2)班")
    b_class = factories.organization("四川省/新校区/高一（1）班")  # same name after NFKC
    in_a = factories.student("aaa1", organization=a_class)
    in_a_school = factories.student("aaa2", organization="四川省/旧校区")
    in_b = factories.student("bbb1", organization=b_class)
    source, target = find_by_path("四川省/旧校区"), find_by_path("四川省/新校区")
    source_id, a_class_id = source.id, a_class.id

    response = client.post(
        f"/admin/organizations/{source.id}/merge",
        data={"target_id": str(target.id), "confirm": "y"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Organization, source_id) is None
    assert db.session.get(Organization, a_class_id) is None  # merged into its namesake
    assert sorted(c.name for c in target.children) == ["高一(2)班", "高一（1）班"]
    assert db.session.get(User, in_a.id).organization_id == b_class.id
    assert db.session.get(User, in_a_school.id).organization_id == target.id
    assert db.session.get(User, in_b.id).organization_id == b_class.id
    entry = db.session.execute(
        select(AuditLog).where(AuditLog.action == "organization.merge")
    ).scalar_one()
    assert entry.details["source"] == "四川省/旧校区" and entry.details["moved_members"] == 2


def test_merge_needs_confirmation(client, admin, factories):
    source = factories.organization("四川省/旧校区")
    target = factories.organization("四川省/新校区")
    response = client.post(
        f"/admin/organizations/{source.id}/merge", data={"target_id": str(target.id)}
    )
    assert response.status_code == 422 and "请勾选确认后再合并" in text(response)
    assert "请选择目标单位" not in text(response)
    response = client.post(
        f"/admin/organizations/{source.id}/merge", data={"target_id": "0", "confirm": "y"}
    )
    assert response.status_code == 422 and "请选择目标单位" in text(response)
    assert find_by_path("四川省/旧校区") is not None


def test_merge_requires_same_level(client, admin, factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    school = find_by_path(SCHOOL)
    response = client.post(
        f"/admin/organizations/{klass.id}/merge", data={"target_id": str(school.id), "confirm": "y"}
    )
    assert response.status_code == 422
    assert "只能合并同一级别的单位" in text(response)


def test_delete_only_when_empty(client, organizer, factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    factories.student(organization=klass)
    response = client.post(f"/admin/organizations/{klass.id}/delete")
    assert response.status_code == 409
    assert "下还有0个下级单位、1个账号，不能删除" in text(response)
    empty = factories.organization(f"{SCHOOL}/空班")
    assert client.post(f"/admin/organizations/{empty.id}/delete").status_code == 302
    assert find_by_path(f"{SCHOOL}/空班") is None


@pytest.mark.parametrize(
    ("method", "suffix", "data"),
    [
        ("GET", "", None),
        ("POST", "/children", {"name": "x班"}),
        ("POST", "/rename", {"new_name": "改名"}),
        ("POST", "/delete", {}),
        ("POST", "/merge", {"target_id": "1", "confirm": "y"}),
    ],
)
def test_organizer_cannot_touch_another_school(client, organizer, factories, method, suffix, data):
    other = factories.organization(f"{OTHER_SCHOOL}/高三(9)班")
    response = client.open(f"/admin/organizations/{other.id}{suffix}", method=method, data=data)
    assert response.status_code == 403
    assert find_by_path(f"{OTHER_SCHOOL}/高三(9)班") is not None


def test_organizer_cannot_merge_into_another_school(client, organizer, factories):
    mine = factories.organization(f"{SCHOOL}/高一(1)班")
    theirs = factories.organization(f"{OTHER_SCHOOL}/高一(1)班")
    response = client.post(
        f"/admin/organizations/{mine.id}/merge", data={"target_id": str(theirs.id), "confirm": "y"}
    )
    assert response.status_code == 403
    assert find_by_path(f"{SCHOOL}/高一(1)班") is not None


def test_import_levels_is_idempotent(client, admin):
    data = (
        "地区,学校,班级\n四川省,广元中学,高一(1)班\n四川省,广元中学,高一(2)班\n四川省,绵阳中学,\n"
    )
    response = upload(client, "/admin/organizations/import", "orgs.csv", data.encode("gb18030"))
    assert response.status_code == 302
    assert find_by_path("四川省/绵阳中学").level == "school"
    count = db.session.scalar(select(db.func.count()).select_from(Organization))
    again = upload(client, "/admin/organizations/import", "orgs.csv", data.encode())
    assert again.status_code == 302
    assert db.session.scalar(select(db.func.count()).select_from(Organization)) == count


def test_import_path_column_from_xlsx(client, admin):
    data = write_xlsx([["单位路径"], ["四川省/广元中学/高一(1)班"], ["重庆市/巴蜀中学"]])
    assert upload(client, "/admin/organizations/import", "orgs.xlsx", data).status_code == 302
    assert find_by_path("重庆市/巴蜀中学") is not None


def test_import_bad_rows_names_lines_and_creates_nothing(client, organizer):
    data = "单位路径\n四川省/广元中学/高一(1)班\n四川省/成都七中/高一(1)班\n四川省//x\n重庆市\n"
    response = upload(client, "/admin/organizations/import", "orgs.csv", data.encode())
    assert response.status_code == 422
    page = text(response)
    assert "第3行：“四川省”不在您的管理范围内" in page
    assert "第4行：单位路径为空或含有空的层级" in page
    assert "第5行：只有管理员可以新建地区“重庆市”" in page
    assert "未导入任何内容" in page
    assert find_by_path(f"{SCHOOL}/高一(1)班") is None  # the good row was rolled back too


def test_import_without_known_columns(client, admin):
    response = upload(client, "/admin/organizations/import", "x.csv", "名称\nabc\n".encode())
    assert response.status_code == 422
    assert "缺少列" in text(response)
