"""``flask privacy …``: a student's data copy, erasure on request and the retention purge.

Run from the server's shell, so the actor in the audit log is the system (actor None).
"""

from __future__ import annotations

import json
from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from quiz.extensions import db
from quiz.models import User
from quiz.services import DomainError
from quiz.services.accounts import (
    erase_personal_data,
    export_personal_data,
    get_user_by_username,
    purge_expired,
)
from quiz.timeutil import utcnow

privacy_cli = AppGroup("privacy", help="个人信息 (personal data: copy, erasure, retention).")


def _student(name: str) -> User:
    """A student by username, or by ``#<id>`` (erased accounts have no username to type)."""
    user = db.session.get(User, int(name[1:])) if name[1:].isdigit() and name[0] == "#" else None
    user = user or get_user_by_username(name)
    if user is None or user.role != "student":
        raise click.ClickException(f"学生 {name} 不存在。")
    return user


def _now(value: str | None) -> datetime:
    return datetime.fromisoformat(value) if value else utcnow()


@privacy_cli.command("export")
@click.argument("student")
@click.option("--output", type=click.Path(dir_okay=False), help="写入文件（默认输出到屏幕）")
def export_command(student: str, output: str | None):
    """Write one student's personal data as JSON (UTF-8); audited."""
    copy = export_personal_data(None, _student(student), now=utcnow())
    text = json.dumps(copy, ensure_ascii=False, indent=2)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        click.echo(f"已写入 {output}")
    else:
        click.echo(text)


@privacy_cli.command("erase")
@click.argument("student")
@click.option("--yes", is_flag=True, help="不再确认")
def erase_command(student: str, yes: bool):
    """Erase one student's name, username and unit; results stay, anonymized; audited."""
    user = _student(student)
    if not yes:
        click.confirm(
            f"注销 {user.username}（{user.display_name}）的个人信息？不可恢复", abort=True
        )
    try:
        name = erase_personal_data(None, user, now=utcnow())
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"已注销：账号 {user.id} 现显示为 {name}")


@privacy_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="只列出，不注销")
@click.option("--days", type=int, default=None, help="保留天数（默认 QUIZ_RETENTION_DAYS）")
@click.option("--now", "now_text", default=None, help="按此时间（UTC，ISO 8601）计算，用于核对")
def purge_command(dry_run: bool, days: int | None, now_text: str | None):
    """Erase the personal data of students whose every contest closed over N days ago."""
    days = days if days is not None else current_app.config.get("RETENTION_DAYS")
    try:
        report = purge_expired(int(days or 0), now=_now(now_text), dry_run=dry_run)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    verb = "将注销" if dry_run else "已注销"
    click.echo(
        f"{verb} {len(report.erased)} 名学生的个人信息"
        f"（所参加的比赛均在 {report.cutoff:%Y-%m-%d %H:%M} UTC 前结束）。"
    )
    for user_id in report.erased:
        click.echo(f"  #{user_id}")
