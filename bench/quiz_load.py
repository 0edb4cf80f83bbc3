"""Quiz load test: N students take one contest at once against a real server; no answer lost.

    python bench/quiz_load.py [--students 200] [--servers gunicorn,werkzeug]
                              [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/quiz_load]

Bounded and self-stopping; talks only to 127.0.0.1. For each server in ``--servers``:

1. **Setup** (in this process): a fresh database — a SQLite file in a temp dir by default, or
   ``--database-url`` whose tables are DROPPED and re-created (``db.drop_all``/``create_all``;
   never point it at a database others use) — the seed bank, one open contest (the first day of
   ``create_week(open_now=True)``), a second contest with a short time limit for the *late*
   students, and N + L student accounts inserted in bulk with a fast hash
   (``pbkdf2:sha256:1000``, bench only: production hashes with scrypt).
2. **Server**: the real app in a child process on a free port — ``gunicorn`` (W workers × T
   threads; in the test extras, not a runtime dependency) or werkzeug's
   threaded server as ``flask quickstart`` runs it. Readiness is polled; the child is always
   killed at the end.
3. **Clients**: one thread per student (stdlib ``http.client``, own cookie jar). Each does
   ``GET /csrf``, ``POST /auth/login``, ``POST /contests/{id}/attempts``, then ``PUT``s every
   answer after a short random think time (some pairs sent at once on two connections, as the
   quiz page's autosave does when a student taps quickly; some answers changed later; some
   students reload = start again), then ``POST …/submit`` (some twice). Network errors, 429 and
   5xx are retried with backoff like ``quiz-saver.js``. L *late* students take the short
   contest: they answer, then keep answering across deadline and deadline + grace.
4. **Verify** in the database: every answer acknowledged with 200 is stored with exactly the
   acknowledged value and ``saved_at``; nothing acknowledged is missing; no duplicate answers;
   each ``saved_at`` lies between the request's send and receive times and never after deadline
   + grace; one attempt per student, all submitted, score = sum of answer points; late students'
   refused answers are absent and their attempts expired at the deadline.

Everything stops by itself: the clients' run is cut at ``--budget`` seconds (default 60).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from quiz import create_app  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.models import Answer, Attempt, Role, User  # noqa: E402

IDLE_CLOSE_S = 1.0  # gunicorn closes idle keep-alive connections after 2 s
FAST_HASH = "pbkdf2:sha256:1000"  # bench only; production keeps scrypt
PASSWORD = "bench-pass-2021"
SECRET = "bench-secret-not-for-production"
CLASSES = ("四川省/广元市第一中学/高一(1)班", "四川省/成都市实验中学/初二(3)班")
WERKZEUG_CMD = (
    "import sys; from werkzeug.serving import run_simple; from quiz import create_app; "
    "run_simple('127.0.0.1', int(sys.argv[1]), create_app(), threaded=True, use_reloader=False)"
)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


# --- setup ------------------------------------------------------------------------------------


def bench_config(url: str, grace: float) -> dict:
    return {
        "SECRET_KEY": SECRET,
        "DATABASE_URL": url,
        "PASSWORD_HASH_METHOD": FAST_HASH,
        "ANSWER_GRACE_SECONDS": grace,
        "RATELIMIT_STORAGE_URI": "memory://",
    }


def ensure_pg_database(url: str) -> None:
    """Create the PostgreSQL database named in ``url`` when missing (a bench-only database)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
        ).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def setup(url: str, n: int, n_late: int, late_limit: int, grace: float) -> dict:
    """Fresh schema, seed bank, the two contests and the students; returns their ids."""
    from quiz.services.accounts.organizations import ensure_path
    from quiz.services.accounts.users import hash_password
    from quiz.services.contests.editing import save_contest, values_of
    from quiz.services.demo import create_fitting_week, load_seed_bank

    if url.startswith("postgresql"):
        ensure_pg_database(url)
    app = create_app(bench_config(url, grace))
    with app.app_context():
        db.drop_all()
        db.create_all()
        lines = load_seed_bank()
        orgs = [ensure_path(path).id for path in CLASSES]
        db.session.commit()
        now = utcnow()
        week, _counts = create_fitting_week(title="压测周", start=now.date(), actor=None, now=now)
        main = sorted(week.contests, key=lambda c: c.id)[0]
        values = values_of(main)
        values.title, values.time_limit_seconds, values.event_id = "迟交测试", late_limit, None
        late = save_contest(None, values, actor=None)
        password_hash = hash_password(PASSWORD, FAST_HASH)
        rows = [
            {
                "username": f"s{i:05d}",
                "display_name": f"学生{i}",
                "password_hash": password_hash,
                "role": Role.STUDENT.value,
                "organization_id": orgs[i % len(orgs)],
            }
            for i in range(n + n_late)
        ]
        db.session.execute(insert(User), rows)
        db.session.commit()
        ids = dict(
            db.session.execute(select(User.username, User.id).where(User.role == "student")).all()
        )
        info = {"main": main.id, "late": late.id, "users": ids, "bank": lines}
    with app.app_context():
        db.engine.dispose()
    return info


# --- server -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The app in a child process (own process group), killed on exit."""

    def __init__(
        self,
        kind: str,
        url: str,
        grace: float,
        workers: int,
        threads: int,
        log: Path,
        extra_env: dict[str, str] | None = None,
    ):
        self.kind, self.port, self.log_path = kind, free_port(), log
        env = dict(os.environ)
        for key in [k for k in env if k.startswith("QUIZ_")]:
            del env[key]
        env.update(
            QUIZ_SECRET_KEY=SECRET,
            QUIZ_DATABASE_URL=url,
            QUIZ_PASSWORD_HASH_METHOD=FAST_HASH,
            QUIZ_ANSWER_GRACE_SECONDS=str(grace),
            PYTHONUNBUFFERED="1",
        )
        env.update(extra_env or {})  # e.g. QUIZ_REDIS_URL for the fault benchmarks
        if kind == "gunicorn":
            cmd = [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "quiz:create_app()",
            ]
            self.label = f"gunicorn {workers}×{threads}"
        else:
            cmd = [sys.executable, "-c", WERKZEUG_CMD, str(self.port)]
            self.label = "werkzeug threaded"
        self.log = open(log, "wb")  # noqa: SIM115  (closed in stop())
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: see {self.log_path}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/v1/csrf")
                if conn.getresponse().status == 200:
                    conn.close()
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server not ready in time")

    def cpu_seconds(self) -> float:
        """User + system CPU of the server's processes (its own process group), from /proc."""
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.proc.pid:  # field 5: process group id
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # our own child's group only
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.log.close()


# --- clients ----------------------------------------------------------------------------------


class Stats:
    """Latencies (ms) and statuses per operation, shared by all client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)

    def add(self, op: str, status, ms: float) -> None:
        with self.lock:
            self.statuses[op][status] += 1
            if isinstance(status, int) and status < 500:
                self.latency[op].append(ms)


@dataclass
class Ack:
    value: dict
    saved_at: datetime
    sent: datetime
    received: datetime


@dataclass
class StudentLog:
    username: str
    late: bool = False
    attempt_id: int | None = None
    resumed_ids: list[int] = field(default_factory=list)
    deadline: datetime | None = None
    acks: dict[int, list[Ack]] = field(default_factory=dict)  # qid -> acknowledged saves
    uncertain: set[int] = field(default_factory=set)  # qids with a save of unknown outcome
    two_tab: set[int] = field(default_factory=set)  # qids sent from two connections at once
    concurrent_saves: int = 0  # times two answers were in flight at once
    refused: dict[int, datetime] = field(default_factory=dict)  # qid -> when the 409 arrived
    grace_accepted: int = 0
    submit_results: list[dict] = field(default_factory=list)
    error: str | None = None
    done: bool = False


class Aborted(Exception):
    pass


class Client:
    """One student's browser: cookie jar + CSRF token, one connection per 'tab'."""

    def __init__(
        self, port: int, stats: Stats, stop_at: float, timeout: float = 20, tries: int = 5
    ):
        self.port, self.stats, self.stop_at, self.timeout = port, stats, stop_at, timeout
        self.tries = tries  # attempts per request: network errors, 429 and 5xx are retried
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.lock = threading.Lock()

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)

    def call(self, conn, op: str, method: str, path: str, body=None):
        """One exchange; returns (status or 'conn_error'/'timeout', json, sent, received, conn)."""
        headers = {"Accept": "application/json"}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            if method != "GET":
                headers["X-CSRFToken"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if time.monotonic() - getattr(conn, "last_used", time.monotonic()) > IDLE_CLOSE_S:
            conn.close()  # like a browser: do not reuse a connection the server may have closed
            conn = self.connection()
        sent = utcnow()
        t0 = time.perf_counter()
        try:
            conn.request(method, "/api/v1" + path, body=data, headers=headers)
            response = conn.getresponse()
            raw = response.read()
        except TimeoutError:
            conn.close()
            self.stats.add(op, "timeout", (time.perf_counter() - t0) * 1000)
            return "timeout", None, sent, utcnow(), self.connection()
        except (OSError, http.client.HTTPException):
            conn.close()
            self.stats.add(op, "conn_error", (time.perf_counter() - t0) * 1000)
            return "conn_error", None, sent, utcnow(), self.connection()
        received = utcnow()
        conn.last_used = time.monotonic()
        self.stats.add(op, response.status, (time.perf_counter() - t0) * 1000)
        with self.lock:
            for header in response.msg.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                if value and "1970" not in header:
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = None
        if response.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = self.connection()
        return response.status, payload, sent, received, conn

    def call_retrying(self, conn, op, method, path, body=None, tries: int | None = None):
        """Retry network errors, 429 and 5xx with backoff (like the quiz page's autosave)."""
        wait = 0.25
        outcomes = []
        for _ in range(tries or self.tries):
            if time.monotonic() > self.stop_at:
                raise Aborted(op)
            status, payload, sent, received, conn = self.call(conn, op, method, path, body)
            outcomes.append(status)
            if isinstance(status, int) and status < 500 and status != 429:
                return status, payload, sent, received, conn, outcomes
            time.sleep(wait + random.random() * 0.1)
            wait = min(wait * 2, 4)
        return status, payload, sent, received, conn, outcomes


def random_answer(item: dict, rng: random.Random) -> dict:
    if item["type"] == "fill_blank":
        return {"text": rng.choice(["国家网络安全宣传周", "个人信息", "2021", "网络安全"])}
    n = len(item["options"])
    if item["type"] == "multiple_choice":
        return {"choice": sorted(rng.sample(range(n), rng.randint(1, n)))}
    return {"choice": [rng.randrange(n)]}


def save(client: Client, conn, log: StudentLog, item: dict, value: dict, op: str = "save"):
    """PUT one answer; records the ack, the refusal or the uncertainty; returns (status, conn)."""
    qid = item["id"]
    path = f"/attempts/{log.attempt_id}/answers/{qid}"
    status, payload, sent, received, conn, outcomes = client.call_retrying(
        conn, op, "PUT", path, value
    )
    if any(not isinstance(s, int) or s >= 500 for s in outcomes):
        log.uncertain.add(qid)  # a lost response may still have been stored
    if status == 200:
        ack = Ack(value, parse_iso(payload["saved_at"]), sent, received)
        with client.lock:
            log.acks.setdefault(qid, []).append(ack)
    elif status == 409:
        log.refused[qid] = received
    elif not isinstance(status, int) or status >= 500:
        log.uncertain.add(qid)
    return status, conn


def login_and_start(client: Client, conn, log: StudentLog, contest_id: int):
    status, payload, *_, conn, _ = client.call_retrying(conn, "csrf", "GET", "/csrf")
    if status != 200:
        raise RuntimeError(f"csrf {status}")
    client.csrf = payload["csrf_token"]
    body = {"username": log.username, "password": PASSWORD}
    status, payload, *_, conn, _ = client.call_retrying(conn, "login", "POST", "/auth/login", body)
    if status != 200:
        raise RuntimeError(f"login {status}")
    client.csrf = payload["csrf_token"]
    path = f"/contests/{contest_id}/attempts"
    status, payload, *_, conn, _ = client.call_retrying(conn, "start", "POST", path)
    if status not in (200, 201):
        raise RuntimeError(f"start {status}")
    log.attempt_id = payload["id"]
    log.deadline = parse_iso(payload["deadline"])
    return payload, conn


def run_student(port, stats, stop_at, log: StudentLog, contest_id: int, opts, seed: int):
    """A student on a phone: log in, start, answer with think time, maybe reload, submit."""
    rng = random.Random(seed)
    client = Client(port, stats, stop_at, tries=opts.retries)
    conn = client.connection()
    try:
        time.sleep(rng.uniform(0, opts.ramp))
        attempt, conn = login_and_start(client, conn, log, contest_id)
        items = attempt["questions"]
        i = 0
        while i < len(items):
            time.sleep(rng.uniform(opts.think_min, opts.think_max))
            if time.monotonic() > stop_at:
                raise Aborted("budget")
            pair = i + 1 < len(items) and rng.random() < opts.pair_fraction
            if pair:
                # Two answers in flight at once on two connections (quick taps on a phone);
                # sometimes the same question from two tabs with different values.
                same = rng.random() < opts.two_tab_fraction
                other = items[i] if same else items[i + 1]
                log.concurrent_saves += 1
                if same:
                    log.two_tab.add(other["id"])
                helper = threading.Thread(
                    target=lambda o=other: save(
                        client, client.connection(), log, o, random_answer(o, rng)
                    )
                )
                helper.start()
                _, conn = save(client, conn, log, items[i], random_answer(items[i], rng))
                helper.join()
                i += 1 if same else 2
            else:
                _, conn = save(client, conn, log, items[i], random_answer(items[i], rng))
                i += 1
            if rng.random() < opts.change_fraction and i > 1:
                again = items[rng.randrange(i)]
                _, conn = save(client, conn, log, again, random_answer(again, rng))
        if rng.random() < opts.reload_fraction:
            path = f"/contests/{contest_id}/attempts"
            status, payload, *_, conn, _ = client.call_retrying(conn, "resume", "POST", path)
            if status in (200, 201):
                log.resumed_ids.append(payload["id"])
        submits = 2 if rng.random() < opts.double_submit_fraction else 1
        for _ in range(submits):
            path = f"/attempts/{log.attempt_id}/submit"
            status, payload, *_, conn, _ = client.call_retrying(conn, "submit", "POST", path)
            if status == 200:
                log.submit_results.append(payload)
        log.done = True
    except Aborted as stop:
        log.error = f"aborted at budget ({stop})"
    except Exception as error:  # noqa: BLE001  (reported, never hides a verification failure)
        log.error = f"{type(error).__name__}: {error}"
    finally:
        conn.close()


def sleep_until(moment: datetime, stop_at: float) -> None:
    delay = (moment - utcnow()).total_seconds()
    if delay > 0:
        if time.monotonic() + delay > stop_at:
            raise Aborted("late phase would exceed the budget")
        time.sleep(delay)


def run_late_student(port, stats, stop_at, log: StudentLog, contest_id: int, grace: float, seed):
    """Answers before the deadline, inside the grace window, and after deadline + grace."""
    rng = random.Random(seed)
    client = Client(port, stats, stop_at)
    conn = client.connection()
    try:
        attempt, conn = login_and_start(client, conn, log, contest_id)
        items = attempt["questions"]
        half = len(items) // 2
        for item in items[:half]:
            time.sleep(rng.uniform(0.2, 1.0))
            _, conn = save(client, conn, log, item, random_answer(item, rng), op="late_before")
        sleep_until(log.deadline - timedelta(seconds=1), stop_at)
        _, conn = save(
            client, conn, log, items[half], random_answer(items[half], rng), "late_before"
        )
        # Inside the grace window: accepted (the server still takes answers for grace seconds).
        sleep_until(log.deadline + timedelta(seconds=min(1.0, grace / 3)), stop_at)
        status, conn = save(
            client, conn, log, items[half + 1], random_answer(items[half + 1], rng), "late_grace"
        )
        log.grace_accepted += status == 200
        # After deadline + grace: every answer must be refused with 409 and not stored.
        sleep_until(log.deadline + timedelta(seconds=grace + 0.5), stop_at)
        for item in items[half + 2 :]:
            _, conn = save(client, conn, log, item, random_answer(item, rng), op="late_after")
        path = f"/attempts/{log.attempt_id}/submit"
        status, payload, *_, conn, _ = client.call_retrying(conn, "late_submit", "POST", path)
        if status == 200:
            log.submit_results.append(payload)
        log.done = True
    except Aborted as stop:
        log.error = f"aborted at budget ({stop})"
    except Exception as error:  # noqa: BLE001
        log.error = f"{type(error).__name__}: {error}"
    finally:
        conn.close()


# --- verification -----------------------------------------------------------------------------


def verify(url: str, grace: float, info: dict, logs: list[StudentLog]) -> dict:
    """Compare what the server acknowledged with what the database holds."""
    app = create_app(bench_config(url, grace))
    problems: list[str] = []
    counts: Counter = Counter()
    with app.app_context():
        attempts = (
            db.session.execute(
                select(Attempt).where(Attempt.contest_id.in_([info["main"], info["late"]]))
            )
            .scalars()
            .all()
        )
        by_user: dict[int, list[Attempt]] = defaultdict(list)
        for attempt in attempts:
            by_user[attempt.user_id].append(attempt)
        stored: dict[int, dict[int, Answer]] = defaultdict(dict)
        for answer in db.session.execute(select(Answer)).scalars():
            stored[answer.attempt_id][answer.question_id] = answer
        duplicates = db.session.execute(
            select(Answer.attempt_id, Answer.question_id)
            .group_by(Answer.attempt_id, Answer.question_id)
            .having(func.count() > 1)
        ).all()
        counts["duplicate_answers"] = len(duplicates)
        if duplicates:
            problems.append(f"{len(duplicates)} duplicate (attempt, question) answers")
        for log in logs:
            uid = info["users"][log.username]
            mine = by_user.get(uid, [])
            if len(mine) != 1:
                problems.append(f"{log.username}: {len(mine)} attempts")
                continue
            attempt = mine[0]
            counts["students"] += 1
            if any(rid != attempt.id for rid in log.resumed_ids):
                problems.append(f"{log.username}: resume returned another attempt")
            counts["resumed"] += len(log.resumed_ids)
            answers = stored.get(attempt.id, {})
            limit = attempt.deadline + timedelta(seconds=grace)
            for qid, answer in answers.items():
                counts["stored_answers"] += 1
                if answer.saved_at > limit:
                    problems.append(f"{log.username} q{qid}: saved_at after deadline + grace")
                if qid not in log.acks and qid not in log.uncertain:
                    problems.append(f"{log.username} q{qid}: stored but never acknowledged")
            for qid, acks in log.acks.items():
                counts["acked_questions"] += 1
                counts["acks"] += len(acks)
                answer = answers.get(qid)
                if answer is None:
                    problems.append(f"{log.username} q{qid}: acknowledged answer MISSING")
                    counts["missing"] += 1
                    continue
                value = (
                    {"text": answer.text} if answer.choice is None else {"choice": answer.choice}
                )
                for ack in acks:
                    if ack.sent <= ack.saved_at <= ack.received:
                        continue
                    # Two tabs' simultaneous first save on SQLite: the loser's INSERT fails and
                    # it answers the winner's row (services.attempts.save_answer), whose
                    # saved_at may precede the loser's own request. Only that is allowed.
                    if qid in log.two_tab and any(
                        other is not ack
                        and other.saved_at == ack.saved_at
                        and other.sent <= other.saved_at <= other.received
                        for other in acks
                    ):
                        counts["two_tab_answered_winner_row"] += 1
                        continue
                    problems.append(f"{log.username} q{qid}: saved_at outside the request")
                last = max(acks, key=lambda a: a.received)
                if (value, answer.saved_at) == (last.value, last.saved_at):
                    counts["exact"] += 1
                elif qid in log.two_tab or qid in log.uncertain:
                    counts["two_tab_or_uncertain"] += 1
                    if not any(answer.saved_at == a.saved_at for a in acks):
                        problems.append(f"{log.username} q{qid}: two-tab saved_at not acknowledged")
                    if not any(value == a.value for a in acks):
                        counts["two_tab_loser_acked"] += 1
                else:
                    problems.append(
                        f"{log.username} q{qid}: stored {value}@{answer.saved_at} but last ack "
                        f"{last.value}@{last.saved_at}"
                    )
                    counts["mismatch"] += 1
            for qid, when in log.refused.items():
                counts["refused"] += 1
                if qid in answers and qid not in log.acks:
                    problems.append(f"{log.username} q{qid}: refused (409) but stored")
                if when <= limit:
                    problems.append(f"{log.username} q{qid}: 409 before deadline + grace")
            points = round(sum(a.points for a in answers.values()), 4)
            if abs(attempt.score - points) > 1e-6:
                counts["score_mismatch"] += 1
                counts["score_mismatch_after_concurrent_saves"] += log.concurrent_saves > 0
                problems.append(
                    f"{log.username}: attempt.score {attempt.score} != sum of answer points {points}"
                )
            for result in log.submit_results:
                if result["score"] != attempt.score or result["status"] != attempt.status:
                    counts["submit_result_differs"] += 1
            want = "expired" if log.late else "submitted"
            if attempt.status != want:
                problems.append(f"{log.username}: status {attempt.status}, expected {want}")
            else:
                counts[want] += 1
            if log.late and attempt.finished_at != attempt.deadline:
                problems.append(f"{log.username}: expired attempt not finished at its deadline")
        db.engine.dispose()
    counts["client_errors"] = sum(1 for log in logs if log.error)
    return {"ok": not problems, "problems": problems, "counts": dict(counts)}


# --- reporting --------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


OPS = ("csrf", "login", "start", "save", "resume", "submit")
LATE_OPS = ("late_before", "late_grace", "late_after", "late_submit")


def latency_rows(stats: Stats) -> list[dict]:
    rows = []
    for op in (*OPS, *LATE_OPS):
        values = stats.latency.get(op, [])
        if not stats.statuses.get(op):
            continue
        rows.append(
            {
                "op": op,
                "n": sum(stats.statuses[op].values()),
                "p50": percentile(values, 50),
                "p95": percentile(values, 95),
                "p99": percentile(values, 99),
                "max": max(values) if values else float("nan"),
                "statuses": dict(sorted(stats.statuses[op].items(), key=str)),
            }
        )
    return rows


def server_log_findings(path: Path) -> dict:
    text = path.read_text(encoding="utf-8", errors="replace")
    return {
        "database_is_locked": len(re.findall(r"database is locked", text)),
        "tracebacks": text.count("Traceback (most recent call last)"),
        "pool_timeouts": len(re.findall(r"QueuePool limit", text)),
        "worker_timeouts": len(re.findall(r"WORKER TIMEOUT", text)),
    }


def print_report(result: dict) -> None:
    print(f"\n### {result['label']} · {result['database']} · N={result['students']}")
    print(
        f"load average before {result['load_before']}, after {result['load_after']}; "
        f"clients ran {result['elapsed_s']:.1f} s; {result['requests']} requests "
        f"({result['throughput_rps']:.0f}/s), {result['saves_ok']} answers acknowledged "
        f"({result['saves_per_s']:.0f}/s); server CPU {result['server_cpu_s']:.1f} s "
        f"({result['server_cpu_ms_per_request']:.1f} ms/request), "
        f"client CPU {result['client_cpu_s']:.1f} s"
    )
    print("\n| operation | requests | p50 ms | p95 ms | p99 ms | max ms | statuses |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for row in result["latency"]:
        statuses = ", ".join(f"{k}: {v}" for k, v in row["statuses"].items())
        print(
            f"| {row['op']} | {row['n']} | {row['p50']:.0f} | {row['p95']:.0f} | "
            f"{row['p99']:.0f} | {row['max']:.0f} | {statuses} |"
        )
    check = result["verification"]
    print(f"\nverification: {'OK' if check['ok'] else 'FAILED'} {check['counts']}")
    print(f"server log: {result['server_log']}")
    for problem in check["problems"][:25]:
        print("  -", problem)
    if len(check["problems"]) > 25:
        print(f"  … {len(check['problems']) - 25} more")
    errors = Counter(log_error for log_error in result["client_errors"])
    for message, count in errors.most_common(5):
        print(f"  client: {count}× {message}")


def load_avg() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


# --- one run ----------------------------------------------------------------------------------


def run(kind: str, url: str, opts, workdir: Path) -> dict:
    info = setup(url, opts.students, opts.late_students, opts.late_limit, opts.grace)
    server = Server(kind, url, opts.grace, opts.workers, opts.threads, workdir / f"{kind}.log")
    try:
        ready = server.wait_ready()
        stats = Stats()
        load_before = load_avg()
        cpu_before, client_before = server.cpu_seconds(), time.process_time()
        started = time.monotonic()
        stop_at = started + opts.budget
        logs, threads = [], []
        for i in range(opts.students):
            log = StudentLog(f"s{i:05d}")
            logs.append(log)
            args = (server.port, stats, stop_at, log, info["main"], opts, opts.seed + i)
            threads.append(threading.Thread(target=run_student, args=args, daemon=True))
        for j in range(opts.late_students):
            log = StudentLog(f"s{opts.students + j:05d}", late=True)
            logs.append(log)
            args = (server.port, stats, stop_at, log, info["late"], opts.grace, opts.seed - j)
            threads.append(threading.Thread(target=run_late_student, args=args, daemon=True))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(0.1, stop_at + 25 - time.monotonic()))
        elapsed = time.monotonic() - started
        load_after = load_avg()
        server_cpu = server.cpu_seconds() - cpu_before
        client_cpu = time.process_time() - client_before
    finally:
        server.stop()
    verification = verify(url, opts.grace, info, logs)
    requests = sum(sum(c.values()) for c in stats.statuses.values())
    saves_ok = sum(stats.statuses[op][200] for op in ("save", "late_before", "late_grace"))
    db_label = "PostgreSQL" if url.startswith("postgresql") else "SQLite (WAL)"
    return {
        "label": server.label,
        "database": db_label,
        "students": opts.students,
        "late_students": opts.late_students,
        "ready_s": round(ready, 2),
        "elapsed_s": elapsed,
        "load_before": load_before,
        "load_after": load_after,
        "requests": requests,
        "throughput_rps": requests / elapsed,
        "saves_ok": saves_ok,
        "saves_per_s": saves_ok / elapsed,
        "server_cpu_s": server_cpu,
        "server_cpu_ms_per_request": 1000 * server_cpu / max(1, requests),
        "client_cpu_s": client_cpu,
        "latency": latency_rows(stats),
        "late_grace_accepted": sum(log.grace_accepted for log in logs if log.late),
        "verification": verification,
        "client_errors": [log.error for log in logs if log.error],
        "server_log": server_log_findings(server.log_path),
        "server_log_path": str(server.log_path),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--late-students", type=int, default=5)
    parser.add_argument("--servers", default="gunicorn,werkzeug", help="gunicorn,werkzeug")
    parser.add_argument(
        "--database-url",
        default=None,
        help="default: a SQLite file in a temp dir; its tables are dropped and re-created",
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--budget", type=float, default=60, help="client run limit, seconds")
    parser.add_argument("--ramp", type=float, default=5, help="students arrive over this many s")
    parser.add_argument("--think-min", type=float, default=0.3)
    parser.add_argument("--think-max", type=float, default=2.0)
    parser.add_argument("--pair-fraction", type=float, default=0.2)
    parser.add_argument("--two-tab-fraction", type=float, default=0.1)
    parser.add_argument("--change-fraction", type=float, default=0.1)
    parser.add_argument("--reload-fraction", type=float, default=0.1)
    parser.add_argument("--double-submit-fraction", type=float, default=0.2)
    parser.add_argument("--late-limit", type=int, default=20, help="late contest time limit, s")
    parser.add_argument("--grace", type=float, default=3.0)
    parser.add_argument("--retries", type=int, default=5, help="tries per request (backoff)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--json", type=Path, default=None, help="write results as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, SQLite)")
    opts = parser.parse_args(argv)
    if not 1 <= opts.students <= 2000 or opts.budget > 120:
        parser.error("students must be 1..2000 and budget ≤ 120 s")
    if opts.late_limit + opts.grace + 3 > opts.budget:
        parser.error("the late contest must end inside the budget")
    workdir = Path(tempfile.mkdtemp(prefix="quiz_load_"))
    results = []
    try:
        for kind in [s.strip() for s in opts.servers.split(",") if s.strip()]:
            if kind not in ("gunicorn", "werkzeug"):
                parser.error(f"unknown server {kind}")
            url = opts.database_url or f"sqlite:///{workdir / (kind + '.sqlite3')}"
            result = run(kind, url, opts, workdir)
            print_report(result)
            results.append(result)
    finally:
        if opts.json:
            opts.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
        if not opts.keep:
            for path in sorted(workdir.glob("*")):
                path.unlink()
            workdir.rmdir()
        else:
            print(f"kept {workdir}")
    return 0 if all(r["verification"]["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
