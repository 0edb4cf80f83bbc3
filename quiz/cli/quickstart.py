"""``flask quickstart``: one command from a fresh clone to a running app on SQLite."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from quiz import write_secret_key
from quiz.services import demo


@click.command("quickstart")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="只准备数据，不启动服务器 (for scripts and tests)")
@with_appcontext
def quickstart_command(host: str, port: int, no_serve: bool):
    """Prepare the database, load demo data and the seed bank, then serve on 127.0.0.1:5000."""
    app = current_app._get_current_object()
    write_secret_key(app)
    from flask_migrate import upgrade

    upgrade()
    report = demo.prepare(app)
    for line in report.lines:
        click.echo(line)
    click.echo("")
    click.echo("演示组织者 (demo organizer):")
    click.echo(f"  用户名 username: {report.organizer_username}")
    click.echo(f"  密码   password: {report.organizer_password}")
    click.echo(f"打开 http://{host}:{port}/ ，学生可自行注册并选择演示学校/班级。")
    if no_serve:
        return
    from werkzeug.serving import run_simple

    # app.run() is a no-op under the flask CLI, so start werkzeug's server directly.
    run_simple(host, port, app, threaded=True, use_reloader=False)
