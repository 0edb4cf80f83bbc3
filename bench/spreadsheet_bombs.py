"""What the spreadsheet readers spend on bombs, on files at the limits, and on real uploads.

Three tables, every read in its own forked child (``tests/helpers/isolated.py``: CPU and wall
time, growth of peak RSS; a read is stopped at 5 s or 1.5 GiB):

1. the bombs of ``tests/test_spreadsheet_bombs.py`` through the roster and bank readers;
2. adversarial files inside every declared-size limit, to show the worst a crafted file can
   cost before it is refused (a million XML elements, a 32 MiB shared-strings table);
3. real uploads at the caps — a 5,000-question bank, a 3,000-student roster, 10,000 units —
   read by the guarded readers and, side by side, by openpyxl's read-only mode (what the
   readers used before).

    python bench/spreadsheet_bombs.py
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quiz.spreadsheet_guard import MAX_XML_ELEMENTS  # noqa: E402
from tests.helpers import spreadsheet_bombs as bombs  # noqa: E402
from tests.helpers.isolated import measure_all  # noqa: E402
from tests.test_spreadsheet_bombs import CASES  # noqa: E402


def _expanded(data: bytes) -> str:
    if not data.startswith(b"PK"):
        return "-"
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    return f"{sum(info.file_size for info in infos) / 2**20:,.0f} MiB"


def _table(title: str, files: dict[str, tuple[str, bytes, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases = []
        for reader, data, filename in files.values():
            path = Path(folder) / f"{len(cases)}-{filename}"
            path.write_bytes(data)
            cases.append((reader, path, filename))
        results = measure_all(cases)
    print(f"\n## {title}\n")
    print(
        "| case | upload | expands to | outcome | CPU ms | wall ms | peak RSS growth MB | reason |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---|")
    for (name, (_, data, _)), result in zip(files.items(), results, strict=True):
        print(
            f"| {name} | {len(data) / 1e6:.2f} MB | {_expanded(data)} | {result.outcome} "
            f"| {result.cpu * 1000:.0f} | {result.seconds * 1000:.0f} "
            f"| {result.peak_growth_mb:.1f} | {result.message[:60]} |"
        )


def _element_flood() -> bytes:
    """One element more than allowed: styled empty cells with varied references (~10×)."""
    rng = random.Random(10)
    cells = [
        f'<c r="{chr(65 + rng.randrange(26))}{rng.randrange(1, 9999)}" s="{rng.randrange(64)}"/>'
        for _ in range(MAX_XML_ELEMENTS)
    ]
    return bombs.workbook(bombs.sheet(b"<row>" + "".join(cells).encode() + b"</row>"))


def _shared_flood() -> bytes:
    """A 32 MiB shared-strings table of distinct short strings, just inside the part limit."""
    rng = random.Random(11)
    unit = []
    size = 0
    while size < 31 * 2**20:
        text = f"<si><t>{rng.getrandbits(40):x}</t></si>"
        unit.append(text)
        size += len(text)
    shared = bombs.SST_HEAD + "".join(unit).encode() + bombs.SST_TAIL
    return bombs.workbook(bombs.sheet(bombs.shared_row(0, 1)), shared)


def _real_uploads() -> dict[str, tuple[str, bytes, str]]:
    from quiz.bank.formats import read_json, write_csv, write_xlsx
    from quiz.services.spreadsheets import write_xlsx as write_rows

    seed = REPO / "question_bank" / "sichuan-2021-cybersecurity-week.json"
    seed_questions = read_json(seed.read_bytes()).questions
    questions = []
    for n in range(5_000):
        question = dict(seed_questions[n % len(seed_questions)])
        question["id"] = f"{question['id']}-{n}"
        questions.append(question)
    roster = [("姓名", "班级")] + [(f"学生{n}", f"高一({n % 20 + 1})班") for n in range(3_000)]
    units = [("单位路径",)] + [(f"四川省/学校{n // 50}/班级{n % 50}",) for n in range(10_000)]
    return {
        "bank 5,000 questions (xlsx, write_xlsx)": ("bank-xlsx", write_xlsx(questions), "b.xlsx"),
        "bank 5,000 questions (csv, write_csv)": ("bank-csv", write_csv(questions), "b.csv"),
        "roster 3,000 students (xlsx)": ("roster", write_rows(roster), "r.xlsx"),
        "organizations 10,000 units (xlsx)": ("roster", write_rows(units), "o.xlsx"),
    }


def _openpyxl_side_by_side(files: dict[str, tuple[str, bytes, str]]) -> None:
    """The old readers' core: openpyxl read-only, data-only, every row (in this process)."""
    from openpyxl import load_workbook

    print("\n## the same xlsx uploads through openpyxl read-only (the readers before the guard)\n")
    print("| case | CPU ms |")
    print("|---|---:|")
    for name, (_, data, filename) in files.items():
        if not filename.endswith(".xlsx"):
            continue
        start = time.process_time()
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        print(f"| {name} ({rows} rows) | {(time.process_time() - start) * 1000:.0f} |")


def main() -> None:
    print(f"# spreadsheet readers, {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}")
    _table(
        "bombs", {name: (case.reader, case.build(), case.filename) for name, case in CASES.items()}
    )
    flood, shared = _element_flood(), _shared_flood()
    _table(
        "crafted files inside the declared-size limits",
        {
            f"{MAX_XML_ELEMENTS + 1:,} XML elements (roster)": ("roster", flood, "f.xlsx"),
            f"{MAX_XML_ELEMENTS + 1:,} XML elements (bank)": ("bank-xlsx", flood, "f.xlsx"),
            "31 MiB of distinct shared strings (roster)": ("roster", shared, "s.xlsx"),
        },
    )
    real = _real_uploads()
    _table("real uploads at the caps", real)
    _openpyxl_side_by_side(real)


if __name__ == "__main__":
    main()
