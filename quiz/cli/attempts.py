"""``flask attempts …``: maintenance of attempts (run ``close-overdue`` from cron or a timer)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from quiz.services.attempts import close_overdue
from quiz.timeutil import utcnow

attempts_cli = AppGroup("attempts", help="答题记录维护 (attempt maintenance).")


@attempts_cli.command("close-overdue")
def close_overdue_command():
    """Record every open attempt past its deadline + grace as expired; print how many."""
    count = close_overdue(
        now=utcnow(), grace_seconds=float(current_app.config["ANSWER_GRACE_SECONDS"])
    )
    click.echo(f"已结束 {count} 份超时的答题 (closed {count} overdue attempts)")
