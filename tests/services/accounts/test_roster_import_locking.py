"""A roster import never stops students' answer saves (issue 10 item 1).

The roster's passwords are hashed with no write transaction open, then every row is committed
in one short step. Pinned two ways: an engine event records each connection's writes, commits
and rollbacks, and a spy on the hash records whether its thread had a write open at each call;
and 200 answer saves sent by real clients to the app served for real while a 300-row roster is
imported with the production hash all answer 200.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event, func, select

from quiz.config import DefaultConfig
from quiz.extensions import db
from quiz.models import Attempt, User
from quiz.services.accounts import import_roster
from quiz.services.accounts import passwords as passwords_module
from quiz.timeutil import utcnow
from tests.factories import DEFAULT_PASSWORD
from tests.helpers.live_server import serve
from tests.services.attempts.live import Browser

pytestmark = pytest.mark.db

SCHOOL = "四川省/广元中学"
ROSTER_ROWS = 300
SAVES = 200
STUDENTS = 20
WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN IMMEDIATE")


@pytest.fixture
def app_config(app_config):
    # The live server answers on 127.0.0.1:<port>: no fixed SERVER_NAME.
    return {key: value for key, value in app_config.items() if key != "SERVER_NAME"}


def roster_csv(rows: int) -> bytes:
    lines = ["姓名,班级"] + [f"学生{n},高一{n % 5 + 1}班" for n in range(rows)]
    return "\n".join(lines).encode()


class WriteWatch:
    """Per thread: is a write transaction open (a write since the last commit/rollback)?"""

    def __init__(self, engine):
        self.engine = engine
        self.open: dict[int, bool] = {}
        self.log: list[tuple[int, str]] = []
        self.hashes_in_write: list[bool] = []
        self.first_hash = threading.Event()
        self.lock = threading.Lock()

    def _mark(self, name: str, value: bool | None):
        with self.lock:
            thread = threading.get_ident()
            self.log.append((thread, name))
            if value is not None:
                self.open[thread] = value

    def before_execute(self, conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(WRITES):
            self._mark("write", True)

    def begin(self, conn):
        self._mark("begin", None)

    def commit(self, conn):
        self._mark("commit", False)

    def rollback(self, conn):
        self._mark("rollback", False)

    def hashed(self):
        with self.lock:
            self.hashes_in_write.append(self.open.get(threading.get_ident(), False))
        self.first_hash.set()

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self.before_execute)
        event.listen(self.engine, "begin", self.begin)
        event.listen(self.engine, "commit", self.commit)
        event.listen(self.engine, "rollback", self.rollback)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self.before_execute)
        event.remove(self.engine, "begin", self.begin)
        event.remove(self.engine, "commit", self.commit)
        event.remove(self.engine, "rollback", self.rollback)


@pytest.fixture
def watch(app, monkeypatch):
    """Engine events plus a spy on the password hash every account creation goes through."""
    original = passwords_module.hash_password
    with WriteWatch(db.engine) as watcher:

        def spy(password, method=passwords_module.PRODUCTION_METHOD):
            watcher.hashed()
            return original(password, method)

        monkeypatch.setattr(passwords_module, "hash_password", spy)
        yield watcher


def test_no_write_transaction_is_open_while_hashing(app, factories, watch):
    """Every password of the roster is hashed while the importing thread holds no write."""
    organizer = factories.organizer(unit=SCHOOL)
    school = factories.organization(SCHOOL)
    watch.hashes_in_write.clear()
    result = import_roster(
        organizer,
        school.id,
        "名单.csv",
        roster_csv(30),
        hash_method="pbkdf2:sha256:1000",
        now=utcnow(),
    )
    assert result.created == 30
    assert len(watch.hashes_in_write) == 30
    assert not any(watch.hashes_in_write), "a password was hashed inside a write transaction"
    assert db.session.scalar(select(func.count()).select_from(User)) == 30 + 1


def test_answer_saves_go_on_during_a_roster_import(app, factories, watch):
    """200 saves from 20 students during a 300-row import with the production hash: all stored,
    at most 2.5 % of them after one retry of a 503 (the quiz page's saver retries those)."""
    organizer = factories.organizer(unit=SCHOOL)
    school = factories.organization(SCHOOL)
    contest = factories.contest(now=utcnow())
    with serve(app) as url:
        tabs = []
        for _ in range(STUDENTS):
            browser = Browser(url).login(factories.student().username, DEFAULT_PASSWORD)
            status, body = browser.request("POST", f"/api/v1/contests/{contest.id}/attempts")
            assert status == 201, body
            tabs.append((browser, body["id"]))
        papers = {a: db.session.get(Attempt, a).paper for _b, a in tabs}
        db.session.rollback()  # the test's own session holds nothing while the threads run
        watch.hashes_in_write.clear()
        outcome: dict[str, object] = {}

        def run_import():
            with app.app_context():
                actor = db.session.get(User, organizer.id)
                started = time.monotonic()
                outcome["result"] = import_roster(
                    actor,
                    school.id,
                    "名单.csv",
                    roster_csv(ROSTER_ROWS),
                    hash_method=DefaultConfig.PASSWORD_HASH_METHOD,
                    now=utcnow(),
                )
                outcome["seconds"] = time.monotonic() - started
                outcome["ended"] = time.monotonic()

        importer = threading.Thread(target=run_import)
        importer.start()
        assert watch.first_hash.wait(60), "the import never started hashing"
        first_save = time.monotonic()

        def save(number: int):
            browser, attempt_id = tabs[number % STUDENTS]
            item = papers[attempt_id][number // STUDENTS % len(papers[attempt_id])]
            payload = {"text": "答案"} if item["type"] == "fill_blank" else {"choice": [0]}
            path = f"/api/v1/attempts/{attempt_id}/answers/{item['question_id']}"
            first = browser.tab().request("PUT", path, payload)[0]
            if first != 503:
                return first, first
            # 503 + Retry-After is "try again": the quiz page's saver retries it, so do we.
            return first, browser.tab().request("PUT", path, payload)[0]

        with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
            tries = list(pool.map(save, range(SAVES)))
        first_tries = [first for first, _final in tries]
        statuses = [final for _first, final in tries]
        importer.join(timeout=600)

    assert outcome["result"].created == ROSTER_ROWS
    assert outcome["ended"] > first_save  # the saves ran while the import was under way
    assert statuses.count(200) == SAVES, sorted(set(statuses))
    # Before the fix 91 of 200 first tries were refused. A few 503s can still come when the
    # shared CPU is starved (saves queue on each other's BEGIN IMMEDIATE past the busy timeout,
    # not on the import): at most 2.5 %, and each one stored on its retry.
    assert first_tries.count(503) <= SAVES // 40, first_tries.count(503)
    assert set(first_tries) <= {200, 503}, sorted(set(first_tries))
    assert len(watch.hashes_in_write) == ROSTER_ROWS
    assert not any(watch.hashes_in_write)
