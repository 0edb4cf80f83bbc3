"""``flask users create``: accounts with a role and a unit, refusals."""

from __future__ import annotations

import pytest

from quiz.services.accounts.users import get_user_by_username

pytestmark = pytest.mark.db


def test_users_create_with_role_and_organization(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "teacher",
            "--role",
            "organizer",
            "--password",
            "teach1234",
            "--display-name",
            "李老师",
            "--organization",
            "四川省/广元中学",
        ]
    )
    assert result.exit_code == 0, result.output
    user = get_user_by_username("teacher")
    assert user.role == "organizer" and user.display_name == "李老师"
    assert user.organization.path == "四川省/广元中学"
    assert user.organization.level == "school"


def test_users_create_rejects_duplicates_and_bad_roles(runner):
    args = [
        "users",
        "create",
        "dup",
        "--password",
        "pass1234",
        "--organization",
        "四川省/甲校/一班",
    ]
    assert runner.invoke(args=args).exit_code == 0
    again = runner.invoke(args=args)
    assert again.exit_code != 0 and "该用户名已被使用" in again.output
    bad_role = runner.invoke(
        args=["users", "create", "x1x", "--role", "boss", "--password", "p1234567"]
    )
    assert bad_role.exit_code != 0
