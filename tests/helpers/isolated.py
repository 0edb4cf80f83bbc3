"""Run spreadsheet readers on files in child processes, and measure what each read cost.

Child processes, because peak memory (``ru_maxrss``) is per process and only grows, and
because a reader that fails its bounds must not take the test run down with it. One
interpreter imports the readers once, then forks a process per read; each gets an
address-space limit (1.5 GiB above its size) and a timer (``TIMEOUT`` s), so an unguarded
reader facing a bomb ends as ``memory`` or ``timeout`` instead of 4.5 GB and 8 minutes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: Seconds before a read is abandoned (the bound under test is 1 s).
TIMEOUT = 5

READERS = ("roster", "bank-xlsx", "bank-csv")

_CHILD = r"""
import json, os, resource, signal, sys, time

from quiz.bank.formats import read_csv, read_xlsx
from quiz.services.spreadsheets import SpreadsheetError, read_table

cases, timeout = json.loads(sys.argv[1]), float(sys.argv[2])


def run(reader, data, filename):
    if reader == "roster":
        try:
            table = read_table(filename, data)
        except SpreadsheetError as error:
            return "refused", error.message
        return "accepted", f"{len(table.rows)} rows"
    result = (read_xlsx if reader == "bank-xlsx" else read_csv)(data)
    whole = [error for error in result.errors if error.line == 0]
    if whole and not result.questions:
        return "refused", str(whole[0])
    return "accepted", f"{len(result.questions)} questions, {len(result.errors)} row errors"


class Timeout(BaseException):  # not an Exception: a reader's "except Exception" must not catch it
    pass


def on_timer(*_):
    raise Timeout


def measure(reader, path, filename):
    with open(path, "rb") as file:
        data = file.read()
    with open("/proc/self/statm") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (size + 1536 * 2**20, resource.RLIM_INFINITY))
    signal.signal(signal.SIGALRM, on_timer)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        outcome, message = run(reader, data, filename)
    except MemoryError:
        outcome, message = "memory", "MemoryError"
    except Timeout:
        outcome, message = "timeout", f"still reading after {timeout} s"
    signal.setitimer(signal.ITIMER_REAL, 0)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"outcome": outcome, "message": message, "seconds": seconds, "cpu": cpu,
            "peak_growth_mb": (after - before) / 1024, "peak_mb": after / 1024}


for reader, path, filename in cases:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            report = measure(reader, path, filename)
        except BaseException as error:
            report = {"outcome": "crashed", "message": repr(error)[:300], "seconds": 0.0,
                      "cpu": 0.0, "peak_growth_mb": 0.0, "peak_mb": 0.0}
        os.write(write_end, json.dumps(report).encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        report = pipe.read()
    os.waitpid(pid, 0)
    print(report or json.dumps({"outcome": "crashed", "message": "no report", "seconds": 0.0,
                                "cpu": 0.0, "peak_growth_mb": 0.0, "peak_mb": 0.0}))
"""


@dataclass(frozen=True)
class Measurement:
    """What one read cost: outcome (refused/accepted/memory/timeout/crashed), reason, cost."""

    outcome: str
    message: str
    seconds: float
    cpu: float
    #: Growth of the reading process's peak resident memory during the read (MB).
    peak_growth_mb: float
    peak_mb: float


def measure_all(cases: list[tuple[str, Path, str]]) -> list[Measurement]:
    """Measure each ``(reader, path, filename)`` (reader one of ``READERS``), in order."""
    assert all(reader in READERS for reader, _, _ in cases), cases
    arguments = json.dumps([(reader, str(path), name) for reader, path, name in cases])
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, arguments, str(TIMEOUT)],
        capture_output=True,
        text=True,
        timeout=len(cases) * (TIMEOUT + 10) + 60,
        check=True,
    )
    reports = completed.stdout.strip().splitlines()
    assert len(reports) == len(cases), completed.stderr[-2000:]
    return [Measurement(**json.loads(report)) for report in reports]
