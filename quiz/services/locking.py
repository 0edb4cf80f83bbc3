"""Write transactions whose checks hold until they commit (SQLite's ``BEGIN IMMEDIATE``).

Python's ``sqlite3`` (legacy transaction control, which SQLAlchemy's pysqlite dialect keeps)
opens a transaction with a deferred ``BEGIN`` only right before the first INSERT, UPDATE or
DELETE; the reads before it run outside any transaction, and ``SELECT … FOR UPDATE`` is not
SQLite syntax (SQLAlchemy drops the clause). A check made by those reads — "this attempt is
still open" — can therefore be overtaken by another writer before the write that relies on it.
:func:`begin_write` closes that gap: on SQLite it starts the session's transaction with
``BEGIN IMMEDIATE``, which takes the database's write lock at once (waiting on
``busy_timeout`` like any writer), so everything read afterwards stays true until the commit.
On PostgreSQL it does nothing: there the check locks the rows it reads (``FOR UPDATE``) and
other transactions keep writing meanwhile.
"""

from __future__ import annotations

from quiz.extensions import db


def begin_write() -> None:
    """Hold SQLite's write lock from here to the session's commit or rollback; no-op elsewhere.

    Call it before the reads a write depends on. Within a transaction that already holds the
    lock (it has written) it does nothing, so nested calls are safe.
    """
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        return
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
