"""``flask contests …``: create the themed-day week from scripts."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from quiz.services import DomainError
from quiz.services.accounts import find_by_path
from quiz.services.contests import DEFAULT_WEEK_TITLE, create_week, event_contests
from quiz.timeutil import utcnow

contests_cli = AppGroup(
    "contests", help="管理比赛 (manage contests).", context_settings={"show_default": True}
)


@contests_cli.command("create-week")
@click.option(
    "--start",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="校园日的日期 YYYY-MM-DD（北京时间）",
)
@click.option("--title", default=DEFAULT_WEEK_TITLE, help="活动名称")
@click.option("--open-now", is_flag=True, help="立即开放全部六场，为期7天（演练、演示）")
@click.option("--time-limit", default=10, type=click.IntRange(1, 1440), help="每次答题时限（分钟）")
@click.option("--questions", default=10, type=click.IntRange(1, 200), help="每份试卷题目数量")
@click.option(
    "--organization",
    default=None,
    help='所属单位路径，如 "四川省"；该单位及上级的组织者可管理（缺省仅管理员可见）',
)
def create_week_command(start, title, open_now, time_limit, questions, organization):
    """Create an event with the six themed-day contests, one day each from --start."""
    unit = find_by_path(organization) if organization else None
    if organization and unit is None:
        raise click.ClickException(f"单位不存在：{organization}")
    try:
        event = create_week(
            title=title,
            start=start.date(),
            actor=None,
            open_now=open_now,
            now=utcnow(),
            time_limit_seconds=time_limit * 60,
            question_count=questions,
            organization_id=unit.id if unit else None,
        )
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"已创建活动「{event.title}」(id={event.id})：")
    for contest in event_contests(event):
        click.echo(f"  {contest.id}\t{contest.title}")
