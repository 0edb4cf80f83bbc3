"""How long a 5,000-question bank import holds SQLite's write lock (issue 10 item 1).

    python bench/bank_write_lock.py [--rows 5000]

Times ``commit_bank_file`` from its ``begin_write`` (the lock) to its commit, three ways: a
file of new questions, the same file again (all unchanged), and the file with every stem
changed (all updated). Planning happens before the lock and is reported apart. SQLite in a
temp dir, one process, no other load of its own.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.imports import bank_csv  # noqa: E402
from quiz import create_app  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.services import questions  # noqa: E402
from quiz.services.questions import file_import  # noqa: E402
from tests.helpers.app import base_config  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000)
    args = parser.parse_args()
    locked_at: list[float] = []
    take_lock = file_import.begin_write

    def timed_begin_write() -> None:
        locked_at.append(time.monotonic())
        take_lock()

    file_import.begin_write = timed_begin_write
    app = create_app(base_config(Path(tempfile.mkdtemp())))
    data = bank_csv(0, args.rows)
    runs = [
        ("create", data),
        ("unchanged", data),
        ("update", data.replace("应当怎么做".encode(), "应该怎么做".encode())),
    ]
    with app.app_context():
        db.create_all()
        for label, content in runs:
            staged = questions.stage_bank_file("题库.csv", content)
            started = time.monotonic()
            report = questions.commit_bank_file(staged, actor=None)
            ended = time.monotonic()
            print(
                f"{label}: {report.summary()}; planning {locked_at[-1] - started:.2f} s, "
                f"under the write lock {ended - locked_at[-1]:.2f} s"
            )


if __name__ == "__main__":
    main()
