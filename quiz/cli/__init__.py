"""Flask CLI command groups, registered by the app factory."""

from __future__ import annotations

from flask import Flask


def register_cli(app: Flask) -> None:
    from quiz.cli.attempts import attempts_cli
    from quiz.cli.backup import backup_command, restore_command
    from quiz.cli.bank import bank_cli
    from quiz.cli.boards import boards_cli
    from quiz.cli.contests import contests_cli
    from quiz.cli.privacy import privacy_cli
    from quiz.cli.quickstart import quickstart_command
    from quiz.cli.users import users_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(contests_cli)
    app.cli.add_command(quickstart_command)
    app.cli.add_command(attempts_cli)
    app.cli.add_command(bank_cli)
    app.cli.add_command(boards_cli)
    app.cli.add_command(privacy_cli)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    import quiz.cli.bank_store  # noqa: F401  (adds load/export/import to the bank group)
