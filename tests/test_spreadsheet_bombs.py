"""Spreadsheet bombs are refused by every reader within 1 s and 100 MB, with a Chinese reason.

The readers are the roster/organization import (``read_table``) and the bank import
(``read_xlsx``, ``read_csv``). Each bomb is built in memory (``tests/helpers/spreadsheet_bombs``):
0.5–4 MB XLSX files whose worksheet or shared strings expand past 1 GB, a ZIP that lies about a
part's size, sheets with data at line 1,048,576 or in column XFD, 50,000-question banks, and
5 MB CSV files that are too wide, too long or hold one enormous cell. All reads run in one
child interpreter, a fork per read (``tests/helpers/isolated``), which reports wall time and
the growth of peak resident memory; a reader that blows its bounds is stopped at 5 s or
1.5 GiB. The asserted bounds are the issue's (1 s, 100 MB), the second as CPU time: the machine
is shared, and wall time also counts waiting for a core. The measured figures are far below
(docs/reliability.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.helpers import spreadsheet_bombs as bombs
from tests.helpers.isolated import Measurement, measure_all

SECONDS = 1.0
MEGABYTES = 100

ROSTER_HEADER, ROSTER_ROW = ("姓名", "班级"), ("张三", "高一(1)班")
BANK_HEADER = ("题型", "题干", "答案")
BANK_ROW = ("填空", "网络安全宣传周的主题是网络安全为人民、网络安全靠____。", "人民")
BANK_CAP = "最多导入 5000 道题"


@dataclass(frozen=True)
class Case:
    """One bomb for one reader: how to build it, the name it is uploaded as, the reason."""

    reader: str
    build: Callable[[], bytes]
    filename: str
    reason: str


def _bank_rows(count: int) -> list[tuple[str, ...]]:
    return [BANK_HEADER] + [
        ("填空", f"第{n}题:网络安全为人民、网络安全靠____。", "人民") for n in range(count)
    ]


def _roster_rows(count: int) -> list[tuple[str, ...]]:
    return [ROSTER_HEADER] + [(f"学生{n}", "高一(1)班") for n in range(count)]


def _xlsx_bombs(reader: str, header, row, filename: str, cap: str, damaged: str) -> dict:
    return {
        "sheet-rows": Case(
            reader, lambda: bombs.sheet_rows_bomb(header, row), filename, "压缩炸弹"
        ),
        "shared-strings": Case(
            reader, lambda: bombs.shared_strings_bomb(header, row), filename, "压缩炸弹"
        ),
        "huge-cell": Case(reader, lambda: bombs.huge_cell_bomb(header), filename, "压缩炸弹"),
        "wide-row": Case(reader, lambda: bombs.wide_row_bomb(header), filename, "压缩炸弹"),
        "lying-sizes": Case(reader, lambda: bombs.lying_sizes_bomb(header, row), filename, damaged),
        "row-gap": Case(reader, lambda: bombs.row_gap_sheet(header, row), filename, cap),
        "column-gap": Case(
            reader, lambda: bombs.column_gap_sheet(header, row), filename, "列的上限"
        ),
    }


def _csv_bombs(reader: str, header, row, filename: str, blank: str) -> dict:
    return {
        "csv-wide": Case(reader, lambda: bombs.csv_wide(header, row), filename, "一行超过"),
        "csv-huge-cell": Case(reader, lambda: bombs.csv_huge_cell(header, row), filename, "字符"),
        "csv-blank-lines": Case(
            reader, lambda: bombs.csv_blank_lines(header, row), filename, blank
        ),
    }


CASES: dict[str, Case] = {
    **{
        f"roster-{name}": case
        for name, case in _xlsx_bombs(
            "roster", ROSTER_HEADER, ROSTER_ROW, "名单.xlsx", "行数过多", "无法读取该 Excel 文件"
        ).items()
    },
    **{
        f"roster-{name}": case
        for name, case in _csv_bombs("roster", ROSTER_HEADER, ROSTER_ROW, "名单.csv", "行").items()
    },
    "roster-50000-rows": Case(
        "roster", lambda: bombs.many_rows_sheet(_roster_rows(50_000)), "名单.xlsx", "行数过多"
    ),
    **{
        f"bank-{name}": case
        for name, case in _xlsx_bombs(
            "bank-xlsx", BANK_HEADER, BANK_ROW, "bank.xlsx", BANK_CAP, "无法读取该 XLSX 文件"
        ).items()
    },
    **{
        f"bank-{name}": case
        for name, case in _csv_bombs("bank-csv", BANK_HEADER, BANK_ROW, "bank.csv", "空行").items()
    },
    "bank-50000-questions-xlsx": Case(
        "bank-xlsx", lambda: bombs.many_rows_sheet(_bank_rows(50_000)), "bank.xlsx", BANK_CAP
    ),
    "bank-50000-questions-csv": Case(
        "bank-csv", lambda: bombs.csv_text(_bank_rows(50_000)).encode(), "bank.csv", BANK_CAP
    ),
}


@pytest.fixture(scope="session")
def measured(tmp_path_factory) -> dict[str, Measurement]:
    """Every case read once, in one child interpreter (a fork per read)."""
    folder = tmp_path_factory.mktemp("bombs")
    cases = []
    for name, case in CASES.items():
        path = folder / f"{name}-{case.filename}"
        path.write_bytes(case.build())
        cases.append((case.reader, path, case.filename))
    return dict(zip(CASES, measure_all(cases), strict=True))


@pytest.mark.parametrize("name", CASES)
def test_bomb_is_refused_within_bounds(measured, name):
    result = measured[name]
    assert result.outcome == "refused", result
    assert CASES[name].reason in result.message, result.message
    assert result.cpu < SECONDS, result
    assert result.peak_growth_mb < MEGABYTES, result


def test_the_bombs_are_what_the_issue_describes(tmp_path):
    """0.5–4 MB uploads that expand past 1 GB (so the bound above means something)."""
    import io
    import zipfile

    for name in ("sheet-rows", "shared-strings", "huge-cell", "wide-row"):
        data = CASES[f"roster-{name}"].build()
        expanded = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
        assert 0.5e6 < len(data) < 4e6 and expanded > 2**30, (name, len(data), expanded)
