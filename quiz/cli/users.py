"""``flask users …``: create accounts from scripts, tests and the shell."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from quiz.models import ROLES
from quiz.services import DomainError
from quiz.services.accounts import NewUser, create_user, ensure_path

users_cli = AppGroup("users", help="管理账号 (manage accounts).")


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="student", show_default=True)
@click.option("--password", required=True, help="初始密码 (至少8位，字母+数字)")
@click.option("--display-name", default=None, help="显示的姓名，默认同用户名")
@click.option(
    "--organization", default=None, help='单位路径，如 "四川省/广元中学/高一(1)班"（不存在则创建）'
)
@click.option("--must-change-password", is_flag=True, help="首次登录须修改密码")
@click.option("--test-account", is_flag=True, help="测试账号：不进入排行榜")
def create_user_command(
    username, role, password, display_name, organization, must_change_password, test_account
):
    """Create a user with a role; the organization path is created if missing."""
    org_id = ensure_path(organization).id if organization else None
    try:
        user = create_user(
            NewUser(
                username=username,
                display_name=display_name or username,
                password=password,
                role=role,
                organization_id=org_id,
                must_change_password=must_change_password,
                is_test_account=test_account,
            ),
            hash_method=current_app.config["PASSWORD_HASH_METHOD"],
        )
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"已创建 {user.role} 账号 {user.username} (id={user.id})")
