"""Flask CLI command groups, registered by the app factory."""

from __future__ import annotations

from flask import Flask


def register_cli(app: Flask) -> None:
    from quiz.cli.quickstart import quickstart_command
    from quiz.cli.users import users_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(quickstart_command)
