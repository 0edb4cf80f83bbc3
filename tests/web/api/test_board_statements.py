"""How many SQL statements a board poll costs (the user loader included).

A class polls its contest's board every few seconds, so these counts are what the board's
200 and 304 answers cost at scale: pinned here so a change that adds a query shows up.
"""

from __future__ import annotations

import pytest
from sqlalchemy import event

from quiz.extensions import db
from tests.helpers.boards import attempt

FINISHED_ATTEMPTS = 200


@pytest.fixture
def statements(app):
    """A list that collects every SQL statement the app's engine runs while it is active."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


@pytest.fixture
def busy_board(contest, factories):
    """The contest's board with 200 finished attempts; returns one of its students."""
    students = [factories.student(f"s{i:03d}") for i in range(FINISHED_ATTEMPTS)]
    for i, student in enumerate(students):
        attempt(contest, student, score=(i * 7) % 41, used=30 + i % 50)
    return students[17]


def test_json_board_poll_statements(client, auth, contest, busy_board, statements):
    auth.login(busy_board.username)
    url = f"/api/v1/contests/{contest.id}/leaderboard?limit=50"
    statements.clear()
    first = client.get(url)
    assert first.status_code == 200 and len(first.get_json()["rows"]) == 50
    assert first.get_json()["me"]["name"] == busy_board.display_name
    assert len(statements) <= 6, statements

    statements.clear()
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert len(statements) <= 2, statements
