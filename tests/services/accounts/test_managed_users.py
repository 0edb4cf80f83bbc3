"""Accounts an organizer manages: the student list, resets, flags, and staff (admins only)."""

from __future__ import annotations

import pytest
from werkzeug.security import check_password_hash

from quiz.services import DomainError, Forbidden, NotFound
from quiz.services.accounts.managed_users import (
    create_staff,
    get_managed_user,
    list_staff,
    list_students,
    reset_user_password,
    set_active,
    set_test_account,
)
from quiz.services.accounts.organizations import find_by_path
from tests.helpers.audit import audit

pytestmark = pytest.mark.db

CLASS_1, CLASS_2 = "四川省/广元中学/高一(1)班", "四川省/广元中学/高一(2)班"
OTHER_CLASS = "四川省/成都七中/高二(3)班"
FAST_HASH = "pbkdf2:sha256:1000"


@pytest.fixture
def roster(factories):
    """Three students of 广元中学 in two classes, and one of another school."""
    factories.student("zhangsan", display_name="张三", organization=CLASS_1)
    factories.student("lisi_01", display_name="李四", organization=CLASS_1)
    factories.student("wangwu", display_name="王五", organization=CLASS_2)
    factories.student("outsider", display_name="外校生", organization=OTHER_CLASS)


def names(page) -> list[str]:
    return [user.display_name for user in page.items]


def test_an_organizer_lists_only_their_students(factories, roster):
    page = list_students(factories.organizer())
    assert page.total == 3 and sorted(names(page)) == ["张三", "李四", "王五"]


def test_an_admin_lists_every_student_but_no_staff(factories, roster):
    admin = factories.admin()
    factories.organizer("teacher2")
    assert list_students(admin).total == 4


def test_the_list_filters_by_unit_and_below(factories, roster):
    organizer = factories.organizer()
    klass = find_by_path(CLASS_1)
    assert sorted(names(list_students(organizer, organization_id=klass.id))) == ["张三", "李四"]
    school = find_by_path("四川省/广元中学")
    assert list_students(organizer, organization_id=school.id).total == 3


def test_filtering_by_a_unit_outside_the_scope_is_forbidden(factories, roster):
    with pytest.raises(Forbidden):
        list_students(factories.organizer(), organization_id=find_by_path(OTHER_CLASS).id)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("王", ["王五"]), ("LISI", ["李四"]), ("ｌｉｓｉ", ["李四"]), ("_", ["李四"])],
)
def test_the_search_matches_names_and_usernames(factories, roster, query, expected):
    """Case-insensitive, NFKC, and ``_`` is a plain character (no LIKE wildcard)."""
    assert names(list_students(factories.organizer(), query=query)) == expected


def test_a_page_past_the_end_shows_the_last_page(factories, roster):
    page = list_students(factories.organizer(), page=99, per_page=2)
    assert (page.page, page.pages, len(page.items)) == (2, 2, 1)


def test_an_organizer_manages_their_students_only(factories, roster):
    organizer = factories.organizer()
    student = factories.student(organization=CLASS_1)
    assert get_managed_user(organizer, student.id) is student
    outsider = factories.student(organization=OTHER_CLASS)
    colleague = factories.organizer("colleague")
    for user in (outsider, colleague):
        with pytest.raises(Forbidden):
            get_managed_user(organizer, user.id)
    with pytest.raises(NotFound):
        get_managed_user(organizer, 999_999)


def test_an_admin_manages_every_account(factories):
    colleague = factories.organizer("colleague")
    assert get_managed_user(factories.admin(), colleague.id) is colleague


def test_a_reset_password_works_once_and_must_be_changed(factories):
    organizer = factories.organizer()
    student = factories.student(organization=CLASS_1)
    student.failed_logins = 7
    password = reset_user_password(organizer, student, hash_method=FAST_HASH)
    assert check_password_hash(student.password_hash, password)
    assert student.must_change_password and student.failed_logins == 0
    [entry] = audit("user.reset_password")
    assert entry.actor_id == organizer.id and entry.details == {"username": student.username}
    assert password not in str(entry.details)


def test_nobody_resets_their_own_password_here(factories):
    admin = factories.admin()
    with pytest.raises(DomainError) as refused:
        reset_user_password(admin, admin, hash_method=FAST_HASH)
    assert refused.value.code == "self"


def test_test_account_flag_is_set_and_audited(factories):
    organizer = factories.organizer()
    student = factories.student(organization=CLASS_1)
    set_test_account(organizer, student, True)
    assert student.is_test_account
    assert audit("user.test_account")[0].details == {"value": True}


def test_deactivation_is_audited_but_never_of_oneself(factories):
    admin = factories.admin()
    student = factories.student(organization=CLASS_1)
    set_active(admin, student, False)
    assert not student.is_active_account and audit("user.active")[0].details == {"value": False}
    with pytest.raises(DomainError) as refused:
        set_active(admin, admin, False)
    assert refused.value.code == "self" and admin.is_active_account


def test_only_admins_list_staff(factories):
    admin = factories.admin("root")
    organizer = factories.organizer("teacher")
    factories.student("pupil")
    assert [u.username for u in list_staff(admin)] == ["root", "teacher"]
    with pytest.raises(Forbidden):
        list_staff(organizer)


@pytest.fixture
def school(factories):
    return factories.organization("四川省/广元中学")


def staff(actor, school, **overrides):
    """``create_staff`` with the values of the admin's form (an organizer of ``school``)."""
    values = {
        "username": "newteacher",
        "display_name": "新老师",
        "role": "organizer",
        "organization_id": school.id,
        "password": None,
        "must_change_password": True,
        "hash_method": FAST_HASH,
    }
    return create_staff(actor, **{**values, **overrides})


def test_an_admin_creates_an_organizer_with_a_generated_password(factories, school):
    user, password = staff(factories.admin(), school)
    assert user.role == "organizer" and user.must_change_password
    assert len(password) >= 8 and check_password_hash(user.password_hash, password)
    assert audit("user.create")[0].details == {"username": "newteacher", "role": "organizer"}


@pytest.mark.parametrize(
    ("overrides", "code"),
    [({"role": "student"}, "bad_role"), ({"organization_id": None}, "missing_organization")],
)
def test_staff_accounts_need_a_staff_role_and_organizers_a_unit(factories, school, overrides, code):
    with pytest.raises(DomainError) as refused:
        staff(factories.admin(), school, **overrides)
    assert refused.value.code == code


def test_an_admin_needs_no_unit_and_keeps_a_given_password(factories, school):
    user, password = staff(
        factories.admin(), school, role="admin", organization_id=None, password="chosen-pass1"
    )
    assert user.role == "admin" and user.organization_id is None and password == "chosen-pass1"


def test_organizers_cannot_create_staff(factories, school):
    with pytest.raises(Forbidden):
        staff(factories.organizer(), school)
