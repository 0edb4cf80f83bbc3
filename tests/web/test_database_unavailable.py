"""A database that is down or restarting answers 503 with Retry-After, never a 500.

The fault benchmark (bench/faults.py db-restart) saw every request during a PostgreSQL restart
answered 500 "server error"; the clients retried and lost nothing, but a 500 says the app is
broken. A lost connection, a server starting up or a SQLite lock past the busy timeout is
temporary: 503 ``database_unavailable`` with ``Retry-After``, which the quiz page's saver and
the API's clients retry like any 5xx.
"""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from quiz.extensions import db


def failing_with(error: Exception):
    def fail(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, error)

    return fail


@pytest.mark.parametrize(
    "cause",
    [
        psycopg.OperationalError("connection failed: Connection refused"),
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg.errors.CannotConnectNow("the database system is starting up"),
        sqlite3.OperationalError("database is locked"),
    ],
)
def test_the_api_answers_503_while_the_database_is_unavailable(client, monkeypatch, cause):
    monkeypatch.setattr("quiz.api.boards.board_state", failing_with(cause))
    response = client.get("/api/v1/contests/1/leaderboard")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.get_json()["error"]["code"] == "database_unavailable"


def test_a_page_answers_a_styled_503_while_the_database_is_unavailable(client, monkeypatch):
    monkeypatch.setattr(
        "quiz.boards.routes.board_state", failing_with(psycopg.OperationalError("gone"))
    )
    response = client.get("/boards/contests/1")
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    assert "数据库暂时不可用" in response.get_data(as_text=True)


def test_a_schema_error_is_still_a_server_error(app, client, monkeypatch):
    """SQLite reports a missing table as an OperationalError too: that is a bug, not an
    outage, and stays a logged 500."""
    app.config["PROPAGATE_TEST_ERRORS"] = False
    cause = sqlite3.OperationalError("no such table: standing")
    monkeypatch.setattr("quiz.api.boards.board_state", failing_with(cause))
    response = client.get("/api/v1/contests/1/leaderboard")
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "server_error"


def test_a_connection_lost_after_the_response_is_made_does_not_turn_it_into_a_500(
    app, client, monkeypatch
):
    """PostgreSQL crashing between a view's last statement and the end of the request made
    Flask-SQLAlchemy's teardown raise (its ROLLBACK on the dead connection): gunicorn then
    answered 500 although the view had finished, e.g. after an answer was committed."""

    def lost(self, dbapi_connection):
        raise sqlite3.OperationalError("disk I/O error: the connection went away")

    def view():
        db.session.execute(text("SELECT 1"))  # an open transaction, as a view leaves it
        monkeypatch.setattr(type(db.engine.dialect), "do_rollback", lost)
        return "saved"

    app.add_url_rule("/_probe/connection-lost", "connection_lost_probe", view)
    response = client.get("/_probe/connection-lost")
    monkeypatch.undo()
    assert response.status_code == 200 and response.get_data(as_text=True) == "saved"
    assert client.get("/api/v1/csrf").status_code == 200  # the next request gets a new session
