"""Time 5 cold runs of the bank build (interpreter start, imports, build, write) and print the median.

Uses ``python -m flask --app quiz bank build`` when the app registers the ``bank`` group, and
otherwise calls the click group directly through ``python -c``.

    python bench/bank_build.py [ARTICLE]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLE = REPO / "seeds" / "sichuan-2021-cybersecurity-week.txt"
RUNS = 5


def _command(article: Path, out: Path) -> list[str]:
    probe = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "quiz", "bank", "--help"],
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    if probe.returncode == 0:
        return [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "quiz",
            "bank",
            "build",
            str(article),
            "--out",
            str(out),
        ]
    code = (
        "import sys; from quiz.cli.bank import bank_cli; "
        f"bank_cli(['build', {str(article)!r}, '--out', {str(out)!r}])"
    )
    return [sys.executable, "-c", code]


def main() -> None:
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ARTICLE
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(RUNS):
            out = Path(folder) / f"bank-{run}.json"  # a fresh file: no prior bank to merge
            command = _command(article, out)
            started = time.perf_counter()
            subprocess.run(command, cwd=REPO, check=True, capture_output=True)
            timings.append(time.perf_counter() - started)
    print("runs:", ", ".join(f"{t:.3f}s" for t in timings))
    print(f"median: {statistics.median(timings):.3f}s ({' '.join(command[1:5])} ...)")


if __name__ == "__main__":
    main()
