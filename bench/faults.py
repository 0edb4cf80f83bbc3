"""Fault benchmarks: students take a quiz on a real gunicorn while something breaks under them.

    python bench/faults.py [--scenarios kill-worker,redis-restart,db-restart]
                           [--databases sqlite,postgresql] [--students 150] [--json FILE]
    python bench/faults.py --smoke --scenarios kill-worker     # the CI smoke run (tests/bench)

Built on ``bench/quiz_load.py`` (its setup, server, student clients and verification), so every
run ends with the same check: every answer acknowledged with 200 is stored with exactly the
acknowledged value, nothing acknowledged is missing, no duplicates, one attempt per student,
submitted, score = sum of its answers. On top of that, per scenario:

- ``kill-worker`` (SQLite and PostgreSQL): SIGKILL of a random gunicorn worker at ``--kill-at``
  seconds (default 5 and 10) into the run. Requests in flight on it lose their response; the
  clients retry them like the quiz page's autosave. Acknowledged answers must equal stored ones.
- ``redis-restart`` (with ``QUIZ_REDIS_URL``): a Redis server that this bench starts itself on
  a spare port (never the machine's shared one) is stopped at ``--fault-at`` for ``--outage``
  seconds and started again, empty (``--redis-keep-data``: saved first, as an RDB-persisting
  Redis comes back). Quizzes must go on; afterwards every board page the server answers (read
  twice: the first read may notice Redis is out of step and rebuild it) must equal the SQL
  board, and each Redis sorted set must hold exactly the standings rows — or, not rebuilt yet
  because no read came after the restart, differ in member count, which the app checks before
  it serves a set (reported; a set with the right count but other content fails the run).
- ``db-restart`` (PostgreSQL): the database server is stopped at ``--fault-at`` (``--db-stop``
  ``immediate`` by default: a crash, no checkpoint, recovery from the WAL on start), kept down
  ``--outage`` seconds and started again. Clients retry; nothing acknowledged may be lost.

PostgreSQL runs use a **throwaway cluster** the bench creates with ``initdb`` + ``pg_ctl`` in a
temporary folder on a spare port (as the ``postgres`` user when run as root), so the shared
server other people's tests use is never restarted; it is stopped and deleted at the end.

Students arrive over ``--ramp`` seconds (default 10), so some log in and start while a fault
lasts. Clients retry network errors, 429 and 5xx up to ``--retries`` times (default 12, backoff
doubling from 0.25 s to at most 4 s: about 40 s), as the quiz page's saver keeps retrying.
For each fault the report gives the statuses seen while it lasted (per operation), and how
long after it ended the first request succeeded. Bounded: at most 2000 students, the client
run is cut at ``--budget`` seconds (≤ 120), and everything started is stopped at the end.
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quiz_load as load  # noqa: E402  (the load test this bench builds on)
from sqlalchemy import select  # noqa: E402

from quiz import create_app  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.models import Contest, EventStanding, Standing  # noqa: E402

SCENARIOS = ("kill-worker", "redis-restart", "db-restart")
OPS = ("csrf", "login", "start", "save", "resume", "submit")


# --- services the bench owns -------------------------------------------------------------------


def _wait(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} not ready in {timeout:.0f} s")


class ThrowawayRedis:
    """A redis-server of the bench's own on a free port, in a temp folder; nothing persisted
    unless asked to save before a stop."""

    def __init__(self, workdir: Path):
        self.dir = workdir / "redis"
        self.dir.mkdir()
        self.port = load.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None
        if shutil.which("redis-server") is None:
            raise RuntimeError(
                "redis-server is not installed (Debian: apt-get install redis-server)"
            )

    def _command(self, *words: str) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(" ".join(words).encode() + b"\r\n")
            return sock.recv(64)

    def ping(self) -> bool:
        """True when the server answers PING."""
        try:
            return self._command("PING").startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        """Start redis-server (a child in its own session) and wait until it answers."""
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.dir), "--logfile", str(self.dir / "log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        _wait(self.ping, 10, "redis-server")

    def stop(self, *, save: bool = False) -> None:
        """Stop our redis-server (SIGTERM, then SIGKILL); ``save`` writes its RDB first."""
        if save:
            self._command("SAVE")  # dump.rdb in self.dir, loaded by the next start
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # our own child only
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None

    def destroy(self) -> None:
        """Stop it if running (its folder goes with the bench's temp folder)."""
        self.stop()


def _pg_bin(name: str) -> str:
    """``initdb``/``pg_ctl``: on PATH, else the newest Debian install under /usr/lib/postgresql."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]))  # fmt: skip
    if not candidates:
        raise RuntimeError(f"{name} not found (Debian: apt-get install postgresql)")
    return candidates[-1]


class ThrowawayPostgres:
    """A PostgreSQL cluster of the bench's own: ``initdb`` in a temp folder, ``pg_ctl`` on a
    free port, sockets in that folder. Run as the ``postgres`` user when the bench is root
    (PostgreSQL refuses to run as root)."""

    def __init__(self, workdir: Path):
        self.dir = workdir / "pg"
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = load.free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/quiz_faults"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.dir.mkdir()
        if self.as_owner:
            for folder in (workdir.parent, workdir):  # mkdtemp's 0700 keeps postgres out
                os.chmod(folder, 0o711)
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--no-sync")  # fmt: skip
        self.running = False

    def _run(self, *command: str) -> None:
        result = subprocess.run(
            [*self.as_owner, *command], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stderr.strip()}")

    def start(self) -> None:
        """``pg_ctl start`` on our port, waiting until it accepts connections (after recovery)."""
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir}"
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "-o", options, "start")  # fmt: skip
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop -m fast`` (clean) or ``immediate`` (a crash: recovery on next start)."""
        if self.running:
            self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
            self.running = False

    def destroy(self) -> None:
        """Stop the cluster and delete its folder."""
        with contextlib.suppress(RuntimeError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


# --- the run -----------------------------------------------------------------------------------


class TimedStats(load.Stats):
    """The load test's stats, plus every outcome with its time (to read a fault's window)."""

    def __init__(self):
        super().__init__()
        self.events: list[tuple[float, str, object]] = []

    def add(self, op, status, ms):
        """Record the outcome as the load test does, and when it happened."""
        super().add(op, status, ms)
        with self.lock:
            self.events.append((time.monotonic(), op, status))


def gunicorn_workers(master_pid: int) -> list[int]:
    """The pids of the gunicorn master's worker processes (its children), from /proc."""
    workers = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:  # field 4: parent pid
            workers.append(int(stat.parent.name))
    return sorted(workers)


class Faults:
    """Runs the scenario's faults on schedule (seconds after the clients start) and logs them."""

    def __init__(self, scenario, opts, server, redis, postgres, started: float):
        self.scenario, self.opts, self.server = scenario, opts, server
        self.redis, self.postgres, self.started = redis, postgres, started
        self.log: list[dict] = []
        self.rng = random.Random(opts.seed)
        self.error: str | None = None

    def _record(self, action: str, begin: float, end: float, **extra) -> None:
        self.log.append({"action": action, "at_s": round(begin - self.started, 2),
                         "until_s": round(end - self.started, 2), "begin": begin, "end": end,
                         **extra})  # fmt: skip

    def _sleep_until(self, offset: float) -> None:
        time.sleep(max(0.0, self.started + offset - time.monotonic()))

    def run(self) -> None:
        """The scenario's schedule; an error is kept (the run then fails) rather than raised."""
        try:
            if self.scenario == "kill-worker":
                for offset in self.opts.kill_at:
                    self._sleep_until(offset)
                    self.kill_worker()
            elif self.scenario == "redis-restart":
                self._sleep_until(self.opts.fault_at)
                begin = time.monotonic()
                self.redis.stop(save=self.opts.redis_keep_data)
                time.sleep(self.opts.outage)
                self.redis.start()
                self._record("Redis stopped and restarted", begin, time.monotonic(),
                             kept_data=self.opts.redis_keep_data)  # fmt: skip
            elif self.scenario == "db-restart":
                self._sleep_until(self.opts.fault_at)
                begin = time.monotonic()
                self.postgres.stop(self.opts.db_stop)
                time.sleep(self.opts.outage)
                self.postgres.start()
                self._record(f"PostgreSQL stopped ({self.opts.db_stop}) and started", begin,
                             time.monotonic())  # fmt: skip
        except Exception as error:  # noqa: BLE001  (reported: a fault that did not happen)
            self.error = f"{type(error).__name__}: {error}"

    def kill_worker(self) -> None:
        """SIGKILL a random worker of our gunicorn; wait until the master has forked its replacement."""
        workers = gunicorn_workers(self.server.proc.pid)
        if not workers:
            raise RuntimeError("no gunicorn worker to kill")
        victim = self.rng.choice(workers)
        begin = time.monotonic()
        os.kill(victim, signal.SIGKILL)  # a worker of the gunicorn this bench started
        _wait(lambda: len(gunicorn_workers(self.server.proc.pid)) >= len(workers), 30,
              "replacement worker")  # fmt: skip
        self._record("SIGKILL worker", begin, time.monotonic(), pid=victim,
                     workers=len(workers))  # fmt: skip


def window_report(stats: TimedStats, fault: dict) -> dict:
    """Statuses while the fault lasted (+1 s for requests already in flight), per operation,
    and when the first request succeeded after it ended."""
    during: dict[str, Counter] = defaultdict(Counter)
    first_ok = None
    for when, op, status in stats.events:
        if fault["begin"] <= when <= fault["end"] + 1:
            during[op][str(status)] += 1
        if when > fault["end"] and status == 200 and first_ok is None:
            first_ok = when
    return {
        "statuses": {op: dict(c) for op, c in sorted(during.items())},
        "first_success_after_s": None if first_ok is None else round(first_ok - fault["end"], 2),
    }


def fetch_json(port: int, path: str) -> tuple[int, dict | None]:
    """GET ``path`` from the server under test as an anonymous visitor: (status, JSON body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", path, headers={"Accept": "application/json"})
        response = conn.getresponse()
        raw = response.read()
        return response.status, json.loads(raw) if raw else None
    finally:
        conn.close()


def compare_boards(port: int, url: str, opts, info: dict, redis: ThrowawayRedis | None) -> dict:
    """Every page of the contest, day and week boards as the server answers them (twice) vs
    the SQL boards of an app without Redis; and each Redis set vs the standings rows."""
    from quiz.services.boards.redis_sets import encode

    sql_app = create_app(load.bench_config(url, opts.grace))
    differences: list[str] = []
    with sql_app.app_context():
        main = db.session.get(Contest, info["main"])
        boards = {f"c:{main.id}": f"/api/v1/contests/{main.id}/leaderboard"}
        if main.event_id:
            boards[f"e:{main.event_id}:{main.themed_day}"] = (
                f"/api/v1/events/{main.event_id}/days/{main.themed_day}/leaderboard"
            )
            boards[f"e:{main.event_id}:week"] = f"/api/v1/events/{main.event_id}/leaderboard"
        client = sql_app.test_client()
        pages = 0
        for board, path in boards.items():
            offset, total = 0, None
            while total is None or offset < total:
                page = f"{path}?offset={offset}&limit=200"
                want = client.get(page)
                total = want.get_json()["total"]
                for read in ("first read", "second read"):
                    status, got = fetch_json(port, page)
                    if status != 200 or got != want.get_json():
                        differences.append(f"{board} offset {offset} ({read}): server {status}")
                pages += 1
                offset += 200
        sets_checked, stale = 0, []
        if redis is not None:
            import redis as redis_lib

            server = redis_lib.Redis.from_url(redis.url)
            prefix = sql_app.config["REDIS_BOARD_PREFIX"]
            for board in boards:
                if board.startswith("c:"):
                    rows = db.session.scalars(
                        select(Standing).where(Standing.contest_id == main.id)
                    )
                else:
                    _e, event_id, day = board.split(":")
                    rows = db.session.scalars(select(EventStanding).where(
                        EventStanding.event_id == int(event_id), EventStanding.day == day))  # fmt: skip
                want = {
                    str(r.user_id): encode(r.score, r.time_used_ms) for r in rows if not r.is_test
                }
                got = {
                    m.decode(): s for m, s in server.zrange(prefix + board, 0, -1, withscores=True)
                }
                sets_checked += 1
                if got == want:
                    continue
                if len(got) != len(want):
                    # Not read until rebuilt: the app checks the member count against SQL
                    # before serving a set (a board served from SQL meanwhile, as above).
                    stale.append(f"{board}: {len(got)} members, SQL {len(want)}")
                else:
                    differences.append(f"Redis set {board}: same count, other members/scores")
            server.close()
        db.engine.dispose()
    return {"identical": not differences, "differences": differences, "pages": pages,
            "boards": list(boards), "redis_sets_checked": sets_checked,
            "redis_sets_stale_detected": stale}  # fmt: skip


def run_scenario(scenario: str, database: str, opts, workdir: Path) -> dict:
    """One fault scenario on one database: set up, serve, drive students, break, verify."""
    postgres = redis = server = None
    workdir = workdir / f"{scenario}-{database}"  # each run its own folder (Redis, cluster, logs)
    workdir.mkdir()
    try:
        if database == "postgresql":
            postgres = ThrowawayPostgres(workdir)
            postgres.start()
            url = postgres.url
        else:
            url = f"sqlite:///{workdir / f'{scenario}.sqlite3'}"
        extra_env = {}
        if scenario == "redis-restart":
            redis = ThrowawayRedis(workdir)
            redis.start()
            extra_env["QUIZ_REDIS_URL"] = redis.url
        info = load.setup(url, opts.students, 0, opts.late_limit, opts.grace)
        log_path = workdir / f"{scenario}-{database}.log"
        server = load.Server("gunicorn", url, opts.grace, opts.workers, opts.threads, log_path,
                             extra_env)  # fmt: skip
        server.wait_ready()
        stats = TimedStats()
        load_before = load.load_avg()
        started = time.monotonic()
        stop_at = started + opts.budget
        logs, threads = [], []
        for i in range(opts.students):
            student = load.StudentLog(f"s{i:05d}")
            logs.append(student)
            args = (server.port, stats, stop_at, student, info["main"], opts, opts.seed + i)
            threads.append(threading.Thread(target=load.run_student, args=args, daemon=True))
        faults = Faults(scenario, opts, server, redis, postgres, started)
        fault_thread = threading.Thread(target=faults.run, daemon=True)
        for thread in threads:
            thread.start()
        fault_thread.start()
        for thread in threads:
            thread.join(timeout=max(0.1, stop_at + 25 - time.monotonic()))
        fault_thread.join(timeout=60)
        elapsed = time.monotonic() - started
        load_after = load.load_avg()
        boards = compare_boards(server.port, url, opts, info, redis)
    finally:
        if server is not None:
            server.stop()
        if redis is not None:
            redis.destroy()
    try:
        verification = load.verify(url, opts.grace, info, logs)
    finally:
        if postgres is not None:
            postgres.destroy()
    requests = sum(sum(c.values()) for c in stats.statuses.values())
    for fault in faults.log:
        fault["window"] = window_report(stats, fault)
    return {
        "scenario": scenario,
        "database": "PostgreSQL (throwaway cluster)" if postgres else "SQLite (WAL)",
        "server": server.label,
        "students": opts.students,
        "elapsed_s": round(elapsed, 1),
        "load_before": load_before,
        "load_after": load_after,
        "requests": requests,
        "statuses": {op: dict(stats.statuses[op]) for op in OPS if stats.statuses.get(op)},
        "faults": [{k: v for k, v in f.items() if k not in ("begin", "end")} for f in faults.log],
        "faults_planned": len(opts.kill_at) if scenario == "kill-worker" else 1,
        "fault_error": faults.error,
        "verification": verification,
        "boards": boards,
        "client_errors": [s.error for s in logs if s.error],
        "server_log": load.server_log_findings(log_path),
    }


def passed(result: dict) -> bool:
    """Nothing lost, boards identical, and every scheduled fault really happened."""
    return (
        result["verification"]["ok"]
        and result["boards"]["identical"]
        and result["fault_error"] is None
        and len(result["faults"]) == result["faults_planned"]
    )


def print_report(result: dict) -> None:
    """One scenario's figures as Markdown-ready lines (copied into docs/reliability.md)."""
    counts = result["verification"]["counts"]
    print(f"\n### {result['scenario']} · {result['database']} · {result['server']} · "
          f"N={result['students']}")  # fmt: skip
    print(f"load average {result['load_before']} → {result['load_after']}; clients ran "
          f"{result['elapsed_s']} s, {result['requests']} requests")  # fmt: skip
    for fault in result["faults"]:
        window = fault["window"]
        print(f"- fault: {fault['action']} at {fault['at_s']} s (until {fault['until_s']} s); "
              f"first success {window['first_success_after_s']} s after; during it: "
              f"{window['statuses']}")  # fmt: skip
    if result["fault_error"]:
        print(f"- FAULT NOT INJECTED: {result['fault_error']}")
    print(f"- statuses: {result['statuses']}")
    print(f"- verification: {'OK' if result['verification']['ok'] else 'FAILED'} "
          f"acknowledged questions {counts.get('acked_questions', 0)}, stored answers "
          f"{counts.get('stored_answers', 0)}, missing {counts.get('missing', 0)}, mismatched "
          f"{counts.get('mismatch', 0)}, duplicates {counts.get('duplicate_answers', 0)}, "
          f"submitted {counts.get('submitted', 0)}/{result['students']}")  # fmt: skip
    boards = result["boards"]
    print(
        f"- boards: {'identical to SQL' if boards['identical'] else 'DIFFERENT'} "
        f"({boards['pages']} pages × 2 reads, {boards['redis_sets_checked']} Redis sets)"
    )
    for stale in boards["redis_sets_stale_detected"]:
        print(f"  - Redis set not rebuilt yet (count differs, so never served): {stale}")
    for problem in (result["verification"]["problems"] + boards["differences"])[:20]:
        print("  -", problem)
    for message, count in Counter(result["client_errors"]).most_common(5):
        print(f"  client: {count}× {message}")
    print(f"- server log: {result['server_log']}")


def parse(argv) -> argparse.Namespace:
    """The options, with the load test's student behaviour filled in (smaller with --smoke)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--databases", default="sqlite,postgresql",
                        help="for kill-worker and redis-restart; db-restart is PostgreSQL only")  # fmt: skip
    parser.add_argument("--students", type=int, default=150)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--budget", type=float, default=90, help="client run limit, seconds")
    parser.add_argument("--ramp", type=float, default=10,
                        help="students arrive over this many seconds: some log in mid-fault")  # fmt: skip
    parser.add_argument("--kill-at", default="5,10", help="seconds into the run (kill-worker)")
    parser.add_argument("--fault-at", type=float, default=5, help="Redis/database stop, s")
    parser.add_argument("--outage", type=float, default=5, help="seconds Redis/the DB stays down")
    parser.add_argument("--db-stop", choices=("immediate", "fast"), default="immediate")
    parser.add_argument("--redis-keep-data", action="store_true")
    parser.add_argument("--retries", type=int, default=12, help="tries per request (backoff ≤ 4 s)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--smoke", action="store_true", help="small and quick (the CI test)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs)")
    opts = parser.parse_args(argv)
    # The load test's student behaviour, as bench/quiz_load.py runs it.
    opts.think_min, opts.think_max = 0.3, 2.0
    opts.pair_fraction, opts.two_tab_fraction, opts.change_fraction = 0.2, 0.1, 0.1
    opts.reload_fraction, opts.double_submit_fraction = 0.1, 0.2
    opts.late_limit, opts.grace = 20, 3.0
    if opts.smoke:
        opts.students, opts.workers, opts.threads = min(opts.students, 30), 2, 4
        # Faults early and short: students (≥ 10 × 0.6 s of thinking) are still answering and
        # submitting after each one, so the recovery path runs (Redis sets rebuilt, workers
        # replaced) and is checked.
        opts.ramp, opts.think_min, opts.think_max = 1.0, 0.2, 1.0
        opts.kill_at, opts.fault_at, opts.outage, opts.databases = "2,4", 1.5, 2, "sqlite"
    opts.kill_at = [float(v) for v in str(opts.kill_at).split(",") if v]
    opts.scenarios = [s.strip() for s in opts.scenarios.split(",") if s.strip()]
    opts.databases = [d.strip() for d in opts.databases.split(",") if d.strip()]
    if set(opts.scenarios) - set(SCENARIOS) or set(opts.databases) - {"sqlite", "postgresql"}:
        parser.error(f"scenarios: {', '.join(SCENARIOS)}; databases: sqlite, postgresql")
    if not 1 <= opts.students <= 2000 or opts.budget > 120:
        parser.error("students must be 1..2000 and budget ≤ 120 s")
    return opts


def main(argv=None) -> int:
    """Run every scenario on its databases; exit 0 only if every run passed."""
    opts = parse(argv)
    workdir = Path(tempfile.mkdtemp(prefix="quiz_faults_"))
    results = []
    try:
        for scenario in opts.scenarios:
            databases = ["postgresql"] if scenario == "db-restart" else opts.databases
            for database in databases:
                result = run_scenario(scenario, database, opts, workdir)
                print_report(result)
                results.append(result)
    finally:
        if opts.json:
            opts.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
        if opts.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0 if results and all(passed(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
