"""Backing up and restoring the whole database with the databases' own tools.

- **SQLite**: the online backup API (``sqlite3.Connection.backup``), copied in one step so the
  copy is one consistent snapshot; in WAL mode a reader never blocks the app's writers, so a
  backup is safe while students are answering. The copy is switched to a rollback journal
  (one self-contained file) and checked with ``PRAGMA integrity_check``.
- **PostgreSQL**: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists
  --single-transaction`` found on ``PATH``. ``pg_dump`` reads an exported snapshot, so the row
  counts it reports are those of the dump itself; a restore is all or nothing.

Restoring never overwrites a database that holds data unless the caller forces it. The
summary says what the backup or the restored database holds. The Redis boards are not part of
a backup: after a restore they are rebuilt from the restored standings (``flask boards
rebuild``).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, inspect, select, text
from sqlalchemy.engine import URL

from quiz.services import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
#: The tables a summary names, in this order (every table counts for "holds data").
SUMMARY_LABELS = {
    "user": "用户",
    "organization": "单位",
    "question": "题目",
    "event": "活动",
    "contest": "比赛",
    "attempt": "答题",
    "answer": "答案",
    "standing": "排行榜记录",
}
#: How long a PostgreSQL restore waits for a table that a running app still holds.
PG_LOCK_TIMEOUT = "30s"


class BackupError(DomainError):
    """A backup or restore that could not be done; the message says why and what to do."""

    code = "backup_failed"


@dataclass
class Summary:
    """What a backup file or a restored database holds."""

    kind: str  # "sqlite" or "postgresql"
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    revision: str | None = None  # the Alembic schema revision, when the database has one

    def describe(self) -> str:
        """``用户 12、比赛 6、答题 40 …`` (the summary tables, then how many rows in all)."""
        parts = [f"{SUMMARY_LABELS[name]} {self.counts[name]}" for name in SUMMARY_LABELS
                 if name in self.counts]  # fmt: skip
        total = sum(self.counts.values())
        return "、".join(parts) + f"（{len(self.counts)} 张表共 {total} 行）"

    @property
    def size(self) -> str:
        """The file's size for people (``560 KB``, ``2.3 MB``)."""
        size = self.path.stat().st_size
        return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def database_kind(url: URL) -> str:
    """``sqlite`` or ``postgresql``; anything else cannot be backed up here."""
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持备份 {backend} 数据库（只支持 SQLite 和 PostgreSQL）。")
    return backend


def file_kind(path: Path) -> str:
    """What a backup file is, from its first bytes: ``sqlite`` or ``postgresql``."""
    if not path.is_file():
        raise BackupError(f"备份文件 {path} 不存在。")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(
        f"{path} 不是备份文件（既不是 SQLite 数据库，也不是 pg_dump 自定义格式归档）。"
    )


def default_backup_name(url: URL, now: datetime) -> str:
    """``quiz-20211012T020000Z.sqlite3`` or ``….pgdump``: UTC, so names sort by time."""
    suffix = "sqlite3" if database_kind(url) == "sqlite" else "pgdump"
    return f"quiz-{now:%Y%m%dT%H%M%SZ}.{suffix}"


def table_counts(conn: Connection, tables: Iterable[Table]) -> dict[str, int]:
    """Rows per table, for the tables of ``tables`` that exist in the connected database."""
    present = set(inspect(conn).get_table_names())
    return {
        table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for table in tables
        if table.name in present
    }


def schema_revision(conn: Connection) -> str | None:
    """The Alembic revision stamped in the database (None without ``alembic_version``)."""
    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# --- backup ----------------------------------------------------------------------------------


def backup_database(engine: Engine, tables: Iterable[Table], out: Path) -> Summary:
    """Write a backup of ``engine``'s database to ``out`` (atomically: a partial file never
    takes the name); returns what the backup holds."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        if database_kind(engine.url) == "sqlite":
            summary = _backup_sqlite(_sqlite_file(engine.url), partial, list(tables))
        else:
            summary = _backup_postgresql(engine, partial, list(tables))
        _fsync(partial)
        os.replace(partial, out)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(f"备份失败：{error}") from error
    finally:
        partial.unlink(missing_ok=True)
    summary.path = out
    return summary


def _sqlite_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("内存中的 SQLite 数据库没有文件，无法备份或恢复。")
    return Path(url.database)


def _backup_sqlite(source: Path, partial: Path, tables: list[Table]) -> Summary:
    if not source.is_file():
        raise BackupError(f"数据库文件 {source} 不存在。")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as copy:
        # pages=-1: the whole database in one step, i.e. one read snapshot. Copied in several
        # steps, a write by the app between two steps would restart the copy from page one.
        src.backup(copy, pages=-1)
    summary = _sqlite_summary(partial, tables)
    with closing(sqlite3.connect(partial)) as copy:
        # Last, because the app's connect hook (also on the summary's engine) turns WAL on:
        # a rollback journal makes the backup one self-contained file, with no -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        _check_integrity(copy, partial)
    return summary


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"{path} 未通过 SQLite 完整性检查：{result}")


def _sqlite_summary(path: Path, tables: list[Table]) -> Summary:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return Summary("sqlite", path, table_counts(conn, tables), schema_revision(conn))
    finally:
        engine.dispose()


def _backup_postgresql(engine: Engine, partial: Path, tables: list[Table]) -> Summary:
    pg_dump = pg_tool("pg_dump")
    with engine.connect() as conn:
        check_pg_versions(pg_dump, tool_major(pg_dump), server_major(conn))
    # The counts and pg_dump read one snapshot, so the summary is that of the dump.
    snapshot_conn = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot_conn as conn, conn.begin():
        snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        counts, revision = table_counts(conn, tables), schema_revision(conn)
        conninfo, env = libpq_target(engine.url)
        _run(
            [pg_dump, "--format=custom", "--no-password", f"--snapshot={snapshot}",
             f"--file={partial}", f"--dbname={conninfo}"],
            env, "pg_dump",
        )  # fmt: skip
    return Summary("postgresql", partial, counts, revision)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


# --- restore ---------------------------------------------------------------------------------


def restore_database(
    engine: Engine, tables: Iterable[Table], backup: Path, *, force: bool = False
) -> Summary:
    """Replace ``engine``'s database with the backup ``backup``; refuses a database that holds
    data unless ``force``. Returns what the restored database holds."""
    tables = list(tables)
    kind, target = file_kind(backup), database_kind(engine.url)
    if kind != target:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupError(
            f"{backup} 是 {names[kind]} 备份，不能恢复到 {names[target]} 数据库："
            "备份只能恢复到同一种数据库。"
        )
    if kind == "sqlite":
        _check_sqlite_backup(backup, tables)
    else:
        pg_restore = pg_tool("pg_restore")
        _run([pg_restore, "--list", str(backup)], None, "pg_restore")  # a readable archive
    with engine.connect() as conn:
        existing = {name: n for name, n in table_counts(conn, tables).items() if n}
    if existing and not force:
        found = Summary(target, backup, existing).describe()
        raise BackupError(
            f"目标数据库不是空的（{found}）。恢复会覆盖这些数据；"
            "确认要覆盖，请加 --force（建议先备份当前数据库）。"
        )
    if kind == "sqlite":
        try:
            _restore_sqlite(backup, _sqlite_file(engine.url))
        except sqlite3.Error as error:
            raise BackupError(f"恢复失败，目标数据库未改变：{error}") from error
    else:
        with engine.connect() as conn:
            check_pg_versions(pg_restore, tool_major(pg_restore), server_major(conn))
        conninfo, env = libpq_target(engine.url)
        options = env.get("PGOPTIONS", "")
        env["PGOPTIONS"] = f"{options} -c lock_timeout={PG_LOCK_TIMEOUT}".strip()
        _run(
            [pg_restore, "--clean", "--if-exists", "--no-owner", "--no-acl",
             "--single-transaction", "--exit-on-error", "--no-password",
             f"--dbname={conninfo}", str(backup)],
            env, "pg_restore",
        )  # fmt: skip
    engine.dispose()  # pooled connections may hold plans of the tables just replaced
    with engine.connect() as conn:
        return Summary(kind, backup, table_counts(conn, tables), schema_revision(conn))


def _check_sqlite_backup(backup: Path, tables: list[Table]) -> None:
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as conn:
        _check_integrity(conn, backup)
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if not {table.name for table in tables} & present:
        raise BackupError(f"{backup} 是 SQLite 数据库，但不是本系统的备份（没有本系统的表）。")


def _restore_sqlite(backup: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    source = closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True))
    with source as src, closing(sqlite3.connect(target, timeout=30)) as dest:
        # The backup API writes the target as one transaction: all pages or none.
        src.backup(dest, pages=-1)


# --- PostgreSQL tools ------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of ``pg_dump``/``pg_restore`` on PATH, or a BackupError saying how to get it."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"找不到 {name}：PostgreSQL 的备份和恢复需要与服务器同一大版本（或更新）的 "
            f"PostgreSQL 客户端工具。Debian/Ubuntu：apt-get install postgresql-client，"
            f"然后确认 {name} 在 PATH 上。"
        )
    return found


def tool_major(tool: str) -> int:
    """The major version of a PostgreSQL client tool (``pg_dump (PostgreSQL) 15.20`` → 15)."""
    output = subprocess.run(  # noqa: S603 (a tool found on PATH, fixed arguments)
        [tool, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"\)\s+(\d+)", output)
    if match is None:
        raise BackupError(f"无法识别 {tool} 的版本：{output.strip()!r}")
    return int(match.group(1))


def server_major(conn: Connection) -> int:
    """The server's major version (``SHOW server_version_num`` 150020 → 15)."""
    return int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000


def check_pg_versions(tool: str, tool_version: int, server_version: int) -> None:
    """pg_dump cannot read a newer server; a restore through an older pg_restore is refused
    too (it cannot know the newer server's objects)."""
    if tool_version < server_version:
        name = Path(tool).name
        raise BackupError(
            f"{name} 是 PostgreSQL {tool_version} 的版本，而数据库服务器是 PostgreSQL "
            f"{server_version}：请安装 postgresql-client-{server_version}，并把它的 {name} "
            "放到 PATH 的前面。"
        )


def libpq_target(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq connection URI for the tools (the password goes in the environment, never on
    the command line where ``ps`` shows it) and the environment to run them with."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    conninfo = url.set(drivername="postgresql", password=None)
    return conninfo.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str] | None, name: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    if result.returncode != 0:
        message = result.stderr.strip() or result.stdout.strip()
        hint = "（数据库仍被占用：请先停止应用再恢复。）" if "lock timeout" in message else ""
        raise BackupError(f"{name} 失败（退出码 {result.returncode}）：{message}{hint}")
    return result.stdout
