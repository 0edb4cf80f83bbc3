"""Imports under load: a full roster and a big bank import while students keep saving answers.

    python bench/imports.py [--roster-rows 3000] [--bank-rows 10000] [--clients 20]
                            [--scenarios roster,bank] [--hash scrypt]

Issue 10 item 1: on SQLite an import used to hold the write lock for its whole run (a 400-row
roster: 47.6 s, every answer save meanwhile answered 500). This measures the fixed import the
way the organizer pages run a big one, as a background job (quiz.services.jobs): the roster is
planned, its passwords hashed with the production hash (scrypt) outside any transaction, then
committed in one short write; a bank file is parsed and checked outside any transaction, then
upserted in one. The bank's per-file cap is 5,000 questions (issue 10 item 2), so
``--bank-rows 10000`` imports two files of 5,000, one after the other.

Meanwhile ``--clients`` students (real HTTP clients, werkzeug's threaded server on 127.0.0.1,
one database session per request as under gunicorn) save answers with a 0.2 s think time.
Reported per scenario: time to finish, the longest write step (how long students could wait on
the lock), and the saves sent during the import: count, failures (any status but 200), p50/p95
latency. SQLite (a file in a temp dir, WAL) by default. Bounded: it stops when the imports end.
The test helpers (tests/factories.py, tests/services/attempts/live.py) build the world and the
clients, so this runs from the repository root.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz import create_app  # noqa: E402
from quiz.bank.formats.tabular import write_csv  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.models import Attempt, User  # noqa: E402
from quiz.services import accounts, jobs, questions  # noqa: E402
from quiz.timeutil import utcnow  # noqa: E402
from tests.factories import DEFAULT_PASSWORD, Factories  # noqa: E402
from tests.helpers.app import base_config  # noqa: E402
from tests.helpers.live_server import serve  # noqa: E402
from tests.services.attempts.live import Browser  # noqa: E402

SCHOOL = "四川省/广元中学"
BANK_FILE_ROWS = 5_000


def roster_csv(rows: int) -> bytes:
    lines = ["姓名,班级"] + [f"学生{n},高一{n % 20 + 1}班" for n in range(rows)]
    return "\n".join(lines).encode()


def bank_csv(start: int, rows: int) -> bytes:
    items = []
    for n in range(start, start + rows):
        items.append(
            {
                "id": f"bench-{n:06d}",
                "type": "single_choice",
                "stem": f"第{n}题：收到自称客服的退款电话，对方要求提供验证码，应当怎么做？",
                "options": [
                    f"挂断并通过官方渠道核实{n}",
                    f"提供验证码{n}",
                    f"转账{n}",
                    f"下载软件{n}",
                ],
                "answer": [0],
                "explanation": "验证码不给任何人。",
                "difficulty": 1,
                "themed_days": ["telecom"],
                "status": "approved",
            }
        )
    return write_csv(items)


class Savers:
    """Students saving answers in a loop until stopped; every status and latency kept."""

    def __init__(self, tabs, papers):
        self.tabs, self.papers = tabs, papers
        self.stop = threading.Event()
        self.results: list[tuple[float, int, float]] = []  # (sent at, status, seconds)
        self.lock = threading.Lock()

    def run(self, index: int):
        browser, attempt_id = self.tabs[index]
        paper = self.papers[attempt_id]
        n = 0
        while not self.stop.is_set():
            item = paper[n % len(paper)]
            n += 1
            payload = {"text": "答案"} if item["type"] == "fill_blank" else {"choice": [n % 2]}
            path = f"/api/v1/attempts/{attempt_id}/answers/{item['question_id']}"
            sent = time.monotonic()
            status = browser.request("PUT", path, payload)[0]
            with self.lock:
                self.results.append((sent, status, time.monotonic() - sent))
            self.stop.wait(0.2)

    def during(self, start: float, end: float) -> dict:
        rows = [r for r in self.results if start <= r[0] <= end]
        latencies = sorted(r[2] for r in rows)
        failures = [r[1] for r in rows if r[1] != 200]
        quantiles = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [0] * 19
        return {
            "saves": len(rows),
            "failures": len(failures),
            "failure_statuses": sorted(set(failures)),
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95_ms": round(quantiles[18] * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        }


def run_as_job(app, owner_id: int, kind: str, total: int, work) -> dict:
    """Create and run one job as the organizer pages do (in its own thread); time its steps."""
    timings: dict[str, float] = {}

    def timed_work(actor, progress):
        return work(actor, progress, timings)

    outcome = {}

    def target():
        with app.app_context():
            owner = db.session.get(User, owner_id)
            job = jobs.create_job(kind, owner, total=total, now=utcnow())
            finished = jobs.run_job(job.id, timed_work, clock=utcnow)
            outcome.update(state=finished.state, error=finished.error, result=finished.result)
            db.session.remove()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return {**outcome, **{k: round(v, 2) for k, v in timings.items()}}


def roster_work(school_id: int, data: bytes, method: str):
    def work(actor, progress, timings):
        started = time.monotonic()
        planned = accounts.plan_roster(actor, school_id, "名单.csv", data, prefix="bench")
        timings["plan_s"] = time.monotonic() - started
        started = time.monotonic()
        staged = accounts.stage_roster(
            school_id, "名单.csv", planned, hash_method=method, progress=progress
        )
        timings["hash_s"] = time.monotonic() - started
        started = time.monotonic()
        result = accounts.commit_roster(actor, staged, now=utcnow(), commit=False)
        db.session.commit()  # what the runner's final commit does, timed with the write
        timings["write_s"] = time.monotonic() - started
        return {"created": result.created}

    return work


def bank_work(data: bytes):
    def work(actor, progress, timings):
        started = time.monotonic()
        staged = questions.stage_bank_file("题库.csv", data)
        timings["parse_s"] = time.monotonic() - started
        started = time.monotonic()
        report = questions.commit_bank_file(staged, actor=actor, commit=False)
        db.session.commit()
        timings["write_s"] = time.monotonic() - started
        return {"summary": report.summary()}

    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roster-rows", type=int, default=3000)
    parser.add_argument("--bank-rows", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--scenarios", default="roster,bank")
    parser.add_argument(
        "--hash", default="scrypt", help="roster password hash (production: scrypt)"
    )
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-imports-"))
    config = {k: v for k, v in base_config(tmp).items() if k != "SERVER_NAME"}
    config["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    app = create_app(config)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    report: dict = {"database": "sqlite (WAL)", "clients": args.clients}
    with app.app_context():
        db.create_all()
        factories = Factories(app)
        organizer_id = factories.organizer("bench-teacher", unit=SCHOOL).id
        school_id = factories.organization(SCHOOL).id
        contest = factories.contest(now=utcnow(), time_limit_seconds=7200)
        with serve(app) as url:
            tabs = []
            for _ in range(args.clients):
                browser = Browser(url).login(factories.student().username, DEFAULT_PASSWORD)
                status, body = browser.request("POST", f"/api/v1/contests/{contest.id}/attempts")
                assert status == 201, body
                tabs.append((browser, body["id"]))
            papers = {a: db.session.get(Attempt, a).paper for _b, a in tabs}
            db.session.remove()
            savers = Savers(tabs, papers)
            threads = [threading.Thread(target=savers.run, args=(i,)) for i in range(args.clients)]
            for thread in threads:
                thread.start()
            time.sleep(2)  # the savers are under way before the import starts
            try:
                if "roster" in args.scenarios:
                    start = time.monotonic()
                    job = run_as_job(
                        app,
                        organizer_id,
                        "roster",
                        args.roster_rows,
                        roster_work(school_id, roster_csv(args.roster_rows), args.hash),
                    )
                    end = time.monotonic()
                    report["roster"] = {
                        "rows": args.roster_rows,
                        "hash": args.hash,
                        "seconds": round(end - start, 1),
                        "job": job,
                        "saves_during": savers.during(start, end),
                    }
                    print(json.dumps(report["roster"], ensure_ascii=False), flush=True)
                if "bank" in args.scenarios:
                    files = []
                    start = time.monotonic()
                    for first in range(0, args.bank_rows, BANK_FILE_ROWS):
                        rows = min(BANK_FILE_ROWS, args.bank_rows - first)
                        data = bank_csv(first, rows)
                        files.append(run_as_job(app, organizer_id, "bank", rows, bank_work(data)))
                    end = time.monotonic()
                    report["bank"] = {
                        "rows": args.bank_rows,
                        "files": files,
                        "seconds": round(end - start, 1),
                        "saves_during": savers.during(start, end),
                    }
                    print(json.dumps(report["bank"], ensure_ascii=False), flush=True)
            finally:
                savers.stop.set()
                for thread in threads:
                    thread.join(timeout=60)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
