"""``flask boards rebuild``: recompute standings (and the Redis boards) from the attempts."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Contest
from quiz.services.boards import rebuild_standings

boards_cli = AppGroup("boards", help="排行榜 (leaderboards).")


@boards_cli.command("rebuild")
@click.option("--contest", "contest_id", type=int, default=None, help="只重建该比赛（默认全部）")
def rebuild_command(contest_id: int | None):
    """Rebuild standings, day/week rows and Redis sorted sets from the database."""
    query = select(Contest).order_by(Contest.id)
    if contest_id is not None:
        query = query.where(Contest.id == contest_id)
    contests = db.session.execute(query).scalars().all()
    if contest_id is not None and not contests:
        raise click.ClickException(f"比赛 {contest_id} 不存在。")
    for contest in contests:
        rows = rebuild_standings(contest)
        click.echo(f"比赛 {contest.id}「{contest.title}」：{rows} 名学生")
    click.echo("排行榜已重建。")
