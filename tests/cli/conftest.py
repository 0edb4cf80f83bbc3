"""CLI test fixtures: a week of attempts taken over the API, and a fresh database to restore to."""

from __future__ import annotations

import random
import shutil
import subprocess
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quiz.extensions import db
from quiz.services.contests.week import create_week, event_contests
from tests.cli.helpers import CLASSES, login, take_quiz
from tests.clock import NOW


@pytest.fixture
def week(app, factories, clock):
    """A week of six open contests, taken by 12 students of three classes (some days skipped,
    one attempt left open to run out, one test account); returns the board URLs to compare."""
    organizer = factories.organizer("teacher", unit="四川省/广元中学")
    for qtype, count in {"single_choice": 6, "multiple_choice": 2, "true_false": 2}.items():
        factories.questions(count, type=qtype, days=("general",))
    factories.questions(2, type="fill_blank", days=("general",))
    event = create_week(
        title="四川省网安周", start=NOW.date(), actor=organizer, open_now=True, now=NOW,
        question_count=4,
    )  # fmt: skip
    contests = event_contests(event)
    rng = random.Random(2021)
    students = [
        factories.student(f"stu{i:02d}", organization=CLASSES[i % 3], display_name=f"学生{i:02d}")
        for i in range(12)
    ]
    factories.student("tester", organization=CLASSES[0], is_test_account=True)
    usernames = [user.username for user in students] + ["tester"]
    for index, username in enumerate(usernames):
        client = app.test_client()
        login(client, username)
        for contest in contests:
            if rng.random() < 0.75:
                left_open = index == 5 and contest is contests[0]
                take_quiz(client, clock, contest.id, rng, submit=not left_open)
    clock.shift(timedelta(hours=2))  # the open attempt has run out: boards count it as expired
    event_id, days = event.id, [(c.id, c.themed_day) for c in contests]
    db.session.remove()  # what follows runs on other connections (the CLI, pg_restore)
    urls = [f"/api/v1/events/{event_id}/leaderboard"]
    urls += [f"/api/v1/events/{event_id}/days/{day}/leaderboard" for _id, day in days]
    urls += [f"/api/v1/contests/{contest_id}/leaderboard" for contest_id, _day in days]
    urls += [f"{url}?offset=3&limit=4" for url in urls[:3]]
    urls += [
        f"/api/v1/events/{event_id}/organizations/leaderboard?level=school",
        f"/api/v1/events/{event_id}/organizations/leaderboard?level=class",
        f"/api/v1/contests/{days[0][0]}/organizations/leaderboard?level=class",
    ]
    return urls


def _pg_version(output: str) -> int:
    return int(output.split()[2].split(".")[0])


@pytest.fixture
def fresh_database_url(app, tmp_path):
    """An empty database of the same kind as the suite's: a new SQLite file, or a new
    PostgreSQL database on the suite's server (dropped afterwards)."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    for tool in ("pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not on PATH (Debian: apt-get install postgresql-client)")
    client = _pg_version(subprocess.run(["pg_dump", "--version"], capture_output=True, text=True,
                                        check=True).stdout)  # fmt: skip
    with db.engine.connect() as conn:
        server = int(conn.execute(text("SHOW server_version_num")).scalar()) // 10000
    if client < server:
        pytest.skip(f"pg_dump {client} cannot dump a PostgreSQL {server} server")
    name = f"{url.database}_restore_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
