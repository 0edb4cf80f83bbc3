"""``flask backup`` and ``flask restore``: the whole database, with the databases' own tools.

Run ``backup`` every night from cron (it is safe while the app serves); ``restore`` with the
app stopped, then ``flask boards rebuild`` (docs/deploy.md).
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from quiz.extensions import db
from quiz.services.backup import BackupError, backup_database, default_backup_name, restore_database
from quiz.timeutil import utcnow

KIND_NAMES = {"sqlite": "SQLite 数据库", "postgresql": "PostgreSQL 归档 pg_dump -Fc"}


def _database() -> str:
    return db.engine.url.render_as_string(hide_password=True)


@click.command("backup")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="备份文件（默认：当前目录下 quiz-<UTC 时间>.sqlite3 或 .pgdump）",
)
@click.option("--force", is_flag=True, help="覆盖已存在的备份文件")
@with_appcontext
def backup_command(out: Path | None, force: bool):
    """Back up the database (SQLite backup API / pg_dump -Fc); safe while the app runs."""
    out = out or Path(default_backup_name(db.engine.url, utcnow()))
    if out.exists() and not force:
        raise click.ClickException(f"{out} 已存在；换一个文件名，或加 --force 覆盖。")
    try:
        summary = backup_database(db.engine, db.metadata.sorted_tables, out)
    except BackupError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"已备份 {_database()} → {out}（{KIND_NAMES[summary.kind]}，{summary.size}）")
    click.echo(f"备份内容：{summary.describe()}")


@click.command("restore")
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="覆盖已有数据（默认只恢复到空数据库）")
@with_appcontext
def restore_command(backup_file: Path, force: bool):
    """Restore a backup made by ``flask backup`` into the configured database."""
    try:
        summary = restore_database(db.engine, db.metadata.sorted_tables, backup_file, force=force)
    except BackupError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"已恢复 {backup_file}（{KIND_NAMES[summary.kind]}）→ {_database()}")
    click.echo(f"恢复内容：{summary.describe()}")
    heads = _migration_heads()
    if summary.revision is None:
        click.echo("数据库结构版本：未标记（没有 alembic_version 表）。")
    elif summary.revision not in heads:
        click.echo(
            f"数据库结构版本 {summary.revision} 早于本版本程序（{', '.join(heads)}）："
            "请先运行 flask --app quiz db upgrade。"
        )
    else:
        click.echo(f"数据库结构版本：{summary.revision}（与程序一致）。")
    redis = "已配置 Redis：" if current_app.config.get("REDIS_URL") else "若使用 Redis："
    click.echo(
        f"下一步：{redis}运行 flask --app quiz boards rebuild 从恢复的数据重建排行榜，"
        "然后启动应用。"
    )


def _migration_heads() -> list[str]:
    from alembic.script import ScriptDirectory

    from quiz.resources import migrations_dir

    return list(ScriptDirectory(str(migrations_dir())).get_heads())
