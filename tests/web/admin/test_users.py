"""Student list, password reset, flags, staff accounts, dashboard links, and scope (no IDOR)."""

from __future__ import annotations

import re

import pytest

from quiz.extensions import db
from quiz.models import User
from quiz.services.accounts.organizations import find_by_path
from quiz.services.accounts.users import get_user_by_username
from tests.helpers.admin import OTHER_SCHOOL, text

CLASS = "四川省/广元中学/高一(1)班"


def test_dashboard_links_by_role(client, auth, factories):
    factories.organizer("teacher")
    auth.login("teacher")
    page = text(client.get("/admin/"))
    for label in ("单位管理", "学生管理", "批量导入学生"):
        assert label in page
    assert "账号管理" not in page
    auth.logout()
    factories.admin("root")
    auth.login("root")
    assert "账号管理" in text(client.get("/admin/"))


def test_student_list_search_filter_and_pages(app, client, organizer, factories):
    app.config["ITEMS_PER_PAGE"] = 2
    factories.student("zhangsan", display_name="张三", organization=CLASS)
    factories.student("lisi01", display_name="李四", organization=CLASS)
    factories.student("wangwu", display_name="王五", organization="四川省/广元中学/高一(2)班")
    factories.student("outsider", display_name="外校生", organization=f"{OTHER_SCHOOL}/一班")

    first = text(client.get("/admin/students"))
    assert "共 3 名学生" in first and "外校生" not in first
    assert "第 1 / 2 页" in first
    assert "共 3 名学生" in text(client.get("/admin/students?page=2"))
    assert "王五" in text(client.get("/admin/students?q=王"))
    assert "张三" not in text(client.get("/admin/students?q=王"))
    assert "李四" in text(client.get("/admin/students?q=LISI"))
    assert "外校生" not in text(client.get("/admin/students?q=外校"))
    klass = find_by_path(CLASS)
    by_class = text(client.get(f"/admin/students?org={klass.id}"))
    assert "共 2 名学生" in by_class and "王五" not in by_class
    other = find_by_path(OTHER_SCHOOL)
    assert client.get(f"/admin/students?org={other.id}").status_code == 403


@pytest.mark.parametrize(
    ("method", "suffix", "data"),
    [
        ("GET", "", None),
        ("POST", "/reset-password", {}),
        ("POST", "/test-account", {"value": "1"}),
        ("POST", "/active", {"value": "0"}),
    ],
)
def test_organizer_cannot_touch_other_schools_or_staff(
    client, organizer, factories, method, suffix, data
):
    outsider = factories.student("outsider", organization=f"{OTHER_SCHOOL}/一班")
    colleague = factories.organizer("colleague")  # same unit, but not a student
    for target in (outsider, colleague):
        before = target.password_hash
        response = client.open(f"/admin/users/{target.id}{suffix}", method=method, data=data)
        assert response.status_code == 403, target
        db.session.refresh(target)
        assert target.password_hash == before
        assert target.is_active_account and not target.is_test_account
    assert client.get("/admin/users/999999").status_code == 404


def test_reset_password_shown_once_and_forces_change(client, auth, organizer, factories):
    student = factories.student("xiaoming", organization=CLASS)
    response = client.post(f"/admin/users/{student.id}/reset-password")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    password = re.search(r'class="secret">([^<]+)<', text(response)).group(1)
    assert "secret" not in text(client.get(f"/admin/users/{student.id}"))
    auth.logout()
    assert auth.login("xiaoming").status_code == 200  # the old password no longer works
    login = auth.login("xiaoming", password)
    assert login.headers["Location"].endswith("/auth/password")
    assert client.get("/").headers["Location"].endswith("/auth/password")


def test_test_account_and_deactivation(client, auth, organizer, factories):
    student = factories.student("xiaoming", organization=CLASS)
    assert (
        client.post(f"/admin/users/{student.id}/test-account", data={"value": "1"}).status_code
        == 302
    )
    assert client.post(f"/admin/users/{student.id}/active", data={"value": "0"}).status_code == 302
    db.session.refresh(student)
    assert student.is_test_account and not student.is_active_account
    auth.logout()
    assert "用户名或密码不正确" in text(auth.login("xiaoming"))
    auth.login("teacher")
    client.post(f"/admin/users/{student.id}/active", data={"value": "1"})
    auth.logout()
    assert auth.login("xiaoming").status_code == 302


def test_admin_creates_organizer_with_generated_password(client, auth, admin, factories):
    school = factories.organization("四川省/广元中学")
    response = client.post(
        "/admin/accounts/new",
        data={
            "username": "NewTeacher",
            "display_name": "新老师",
            "role": "organizer",
            "organization_id": str(school.id),
            "password": "",
            "must_change_password": "y",
        },
    )
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    password = re.search(r'class="secret">([^<]+)<', text(response)).group(1)
    user = get_user_by_username("newteacher")
    assert user.role == "organizer" and user.organization_id == school.id
    assert user.must_change_password
    assert "新老师" in text(client.get("/admin/accounts"))
    auth.logout()
    assert auth.login("newteacher", password).headers["Location"].endswith("/auth/password")


def test_admin_form_errors_in_chinese(client, admin):
    response = client.post(
        "/admin/accounts/new",
        data={
            "username": "boss",
            "display_name": "老板",
            "role": "organizer",
            "organization_id": "0",
        },
    )
    assert response.status_code == 422
    assert "组织者必须指定所管理的单位" in text(response)


@pytest.mark.parametrize("role", ["organizer", "admin"])
def test_organizer_cannot_create_staff(client, organizer, role):
    assert client.get("/admin/accounts").status_code == 403
    response = client.post(
        "/admin/accounts/new",
        data={
            "username": "sneaky",
            "display_name": "x",
            "role": role,
            "organization_id": "0",
            "password": "passw0rd!x",
        },
    )
    assert response.status_code == 403
    assert get_user_by_username("sneaky") is None


def test_admin_cannot_deactivate_self(client, admin):
    response = client.post(
        f"/admin/users/{admin.id}/active", data={"value": "0"}, follow_redirects=True
    )
    assert "不能停用自己的账号" in text(response)
    assert db.session.get(User, admin.id).is_active_account


def test_every_admin_page_renders(client, admin, factories):
    student = factories.student("xiaoming", organization=CLASS)
    school = find_by_path("四川省/广元中学")
    urls = [
        "/admin/",
        "/admin/organizations",
        "/admin/organizations/import",
        f"/admin/organizations/{school.parent_id}",
        f"/admin/organizations/{school.id}",
        f"/admin/organizations/{student.organization_id}",
        "/admin/students",
        f"/admin/users/{student.id}",
        f"/admin/users/{admin.id}",
        f"/admin/roster?school={school.id}",
        "/admin/accounts",
        "/admin/accounts/new",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'class="table-wrap"' in text(response) or "<table" not in text(response), url


def test_organizer_without_unit_sees_nothing(client, auth, factories):
    factories.student("someone", organization=CLASS)
    factories.user("lonely", role="organizer", organization=None)
    auth.login("lonely")
    assert "共 0 名学生" in text(client.get("/admin/students"))
    assert "还没有可管理的单位" in text(client.get("/admin/organizations"))
    assert client.get(f"/admin/users/{get_user_by_username('someone').id}").status_code == 403
