"""``flask backup`` and ``flask restore``: a week with attempts comes back with identical boards."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing, contextmanager

import pytest
from sqlalchemy import create_engine

from quiz import create_app
from quiz.extensions import db
from quiz.services.backup import (
    BackupError,
    backup_database,
    check_pg_versions,
    pg_tool,
    restore_database,
)
from quiz.services.boards import redis_sets
from tests.cli.helpers import board_snapshot


@contextmanager
def restored_app(app, app_config, url: str, **config):
    """The app again, on the database ``url`` (the same config otherwise), in its context."""
    restored = create_app({**app_config, "DATABASE_URL": url, **config})
    restored.test_client_class = app.test_client_class
    with restored.app_context():
        yield restored
        db.session.remove()
        db.engine.dispose()


@pytest.mark.db
def test_a_week_restored_into_a_fresh_database_shows_identical_boards(
    app, app_config, runner, week, tmp_path, fresh_database_url
):
    before = board_snapshot(app, week)
    assert any(body["rows"] for status, body in before.values() if "rows" in body)
    backup_file = tmp_path / "nightly.backup"
    result = runner.invoke(args=["backup", "--out", str(backup_file)])
    assert result.exit_code == 0, result.output
    assert backup_file.stat().st_size > 0 and "已备份" in result.output
    assert "用户 14、" in result.output  # 12 students, the test account and the organizer

    with restored_app(app, app_config, fresh_database_url) as restored:
        result = restored.test_cli_runner().invoke(args=["restore", str(backup_file)])
        assert result.exit_code == 0, result.output
        assert "已恢复" in result.output and "用户 14、" in result.output
        assert "boards rebuild" in result.output
        assert board_snapshot(restored, week) == before


@pytest.mark.db
def test_restore_refuses_a_database_that_holds_data_unless_forced(app, runner, week, tmp_path):
    before = board_snapshot(app, week)
    backup_file = tmp_path / "nightly.backup"
    assert runner.invoke(args=["backup", "--out", str(backup_file)]).exit_code == 0
    refused = runner.invoke(args=["restore", str(backup_file)])
    assert refused.exit_code == 1 and "--force" in refused.output and "不是空的" in refused.output
    assert "用户 14" in refused.output
    forced = runner.invoke(args=["restore", str(backup_file), "--force"])
    assert forced.exit_code == 0, forced.output
    db.session.remove()
    assert board_snapshot(app, week) == before


@pytest.mark.db
@pytest.mark.redis
def test_boards_rebuild_after_a_restore_serves_the_same_boards_from_redis(
    app, app_config, runner, week, tmp_path, fresh_database_url, redis_url
):
    before = board_snapshot(app, week)
    backup_file = tmp_path / "nightly.backup"
    assert runner.invoke(args=["backup", "--out", str(backup_file)]).exit_code == 0
    prefix = f"test:{uuid.uuid4().hex}:"
    config = {"REDIS_URL": redis_url, "REDIS_BOARD_PREFIX": prefix}
    with restored_app(app, app_config, fresh_database_url, **config) as restored:
        cli = restored.test_cli_runner()
        assert cli.invoke(args=["restore", str(backup_file)]).exit_code == 0
        rebuilt = cli.invoke(args=["boards", "rebuild"])
        assert rebuilt.exit_code == 0 and "排行榜已重建" in rebuilt.output
        client = redis_sets.client()
        try:
            # Each board is a sorted set beside a hash of its version (redis_sets.version_key).
            boards = [n for n in client.scan_iter(f"{prefix}*") if client.type(n) == b"zset"]
            assert any(client.zcard(name) for name in boards)
            assert board_snapshot(restored, week) == before
        finally:
            for name in client.scan_iter(f"{prefix}*"):
                client.delete(name)


def test_backup_refuses_to_overwrite_a_file_unless_forced(runner, tmp_path):
    existing = tmp_path / "last-night.sqlite3"
    existing.write_bytes(b"keep me")
    refused = runner.invoke(args=["backup", "--out", str(existing)])
    assert refused.exit_code == 1 and "已存在" in refused.output
    assert existing.read_bytes() == b"keep me"


def test_a_sqlite_backup_is_taken_while_a_writer_holds_the_lock(app, tmp_path):
    """The app in WAL mode keeps writing during a backup; the copy has what was committed."""
    source = tmp_path / "live.sqlite3"
    engine = create_engine(f"sqlite:///{source}")  # the app's connect hook turns WAL on
    db.metadata.create_all(engine)
    with closing(sqlite3.connect(source)) as writer:
        writer.execute(
            "INSERT INTO organization (name, level, created_at) VALUES ('四川省', 'region', '2021-10-12')"
        )
        writer.commit()
        writer.execute("BEGIN IMMEDIATE")  # a student's answer save, still in progress
        writer.execute(
            "INSERT INTO organization (name, level, created_at) VALUES ('甲', 'region', '2021-10-12')"
        )
        summary = backup_database(engine, db.metadata.sorted_tables, tmp_path / "copy.sqlite3")
        writer.commit()
    assert summary.counts["organization"] == 1
    with closing(sqlite3.connect(tmp_path / "copy.sqlite3")) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not (tmp_path / "copy.sqlite3-wal").exists()
    engine.dispose()


def test_restore_refuses_files_that_are_not_backups_of_this_app(app, tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    tables = db.metadata.sorted_tables
    notes = tmp_path / "notes.txt"
    notes.write_text("不是备份", encoding="utf-8")
    with pytest.raises(BackupError, match="不是备份文件"):
        restore_database(engine, tables, notes)
    other = tmp_path / "other-app.sqlite3"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    with pytest.raises(BackupError, match="不是本系统的备份"):
        restore_database(engine, tables, other)
    archive = tmp_path / "quiz.pgdump"
    archive.write_bytes(b"PGDMP\x01\x0f\x00")
    with pytest.raises(BackupError, match="是 PostgreSQL 备份，不能恢复到 SQLite"):
        restore_database(engine, tables, archive)
    with pytest.raises(BackupError, match="不存在"):
        restore_database(engine, tables, tmp_path / "missing.sqlite3")
    engine.dispose()


def test_a_missing_postgresql_tool_is_named_with_how_to_get_it(monkeypatch):
    monkeypatch.setattr("quiz.services.backup.shutil.which", lambda name: None)
    with pytest.raises(BackupError, match="找不到 pg_dump.*postgresql-client"):
        pg_tool("pg_dump")


def test_a_pg_dump_older_than_the_server_is_refused():
    with pytest.raises(BackupError, match="PostgreSQL 14.*PostgreSQL 16.*postgresql-client-16"):
        check_pg_versions("/usr/bin/pg_dump", 14, 16)
    check_pg_versions("/usr/bin/pg_dump", 16, 15)  # a newer pg_dump reads an older server
