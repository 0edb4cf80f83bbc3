"""Spreadsheets in and out: read CSV/XLSX uploads as rows with line numbers; write CSV and XLSX.

Pure module (no Flask, no database) shared by roster/organization imports and exports. Line
numbers follow what the user sees in Excel: the header is line 1, the first data row line 2.
Uploads are read by :mod:`quiz.spreadsheet_guard`, which refuses XLSX bombs and oversized
files before they cost anything.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

from quiz.services import DomainError
from quiz.spreadsheet_guard import (
    SheetDamaged,
    SheetLimits,
    SheetRefused,
    TooManyRows,
    read_csv_rows,
    read_xlsx_rows,
)

CSV_EXTENSIONS = {".csv", ".txt"}
XLSX_EXTENSIONS = {".xlsx"}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls (and .doc): not readable without extra libraries
#: Upper bounds that keep a hostile or mistaken upload from tying up a worker.
MAX_ROWS = 10000
MAX_COLUMNS = 50
#: Control characters (Unicode category Cc) other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Cells starting with these run as formulas in Excel/WPS (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(DomainError):
    """The file as a whole cannot be read (type, encoding, emptiness); message is Chinese."""

    code = "bad_file"


@dataclass(frozen=True)
class Row:
    """One data row: its line number (header = 1) and cell text keyed by header name."""

    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Table:
    columns: list[str]
    rows: list[Row] = field(default_factory=list)


class RowProblems(DomainError):
    """Some rows are invalid: every problem is kept so the user can fix them all at once."""

    code = "bad_rows"

    def __init__(self, problems: Iterable[tuple[int, str]]):
        self.problems = sorted(problems)
        count = len({line for line, _ in self.problems})
        super().__init__(f"文件中有 {count} 行有误，未导入任何内容。请修改后重新上传。")

    @property
    def lines(self) -> list[str]:
        """``第N行：原因`` strings, in line order."""
        return [f"第{line}行：{reason}" for line, reason in sorted(self.problems)]


def read_table(filename: str, data: bytes, *, max_rows: int = MAX_ROWS) -> Table:
    """Parse an uploaded CSV or XLSX into a Table; raise SpreadsheetError with a Chinese reason."""
    suffix = PurePath(filename or "").suffix.lower()
    if not data or not data.strip():
        raise SpreadsheetError("文件是空的。")
    if data.startswith(OLE_MAGIC):
        raise SpreadsheetError(
            "不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后上传。"
        )
    # The header is line 1, so max_rows data rows end on line max_rows + 1.
    limits = SheetLimits(max_rows=max_rows + 1, max_columns=MAX_COLUMNS)
    try:
        if data.startswith(ZIP_MAGIC) or suffix in XLSX_EXTENSIONS:
            # Decide by content: a roster saved as .xlsx but renamed .csv still reads.
            raw_rows = [
                [_cell_text(value) for value in row] for row in read_xlsx_rows(data, limits)
            ]
        elif suffix in CSV_EXTENSIONS:
            raw_rows = _csv_rows(_decode(data), limits)
        else:
            raise SpreadsheetError("仅支持 CSV 或 XLSX（Excel）文件。")
    except SheetDamaged as error:
        raise SpreadsheetError("无法读取该 Excel 文件，请确认是 .xlsx 格式且未损坏。") from error
    except TooManyRows as error:
        raise SpreadsheetError(f"文件行数过多（上限 {max_rows} 行），请拆分后上传。") from error
    except SheetRefused as error:
        raise SpreadsheetError(str(error)) from error
    return _to_table(raw_rows)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 as saved by Chinese Excel; else refuse."""
    if b"\x00" in data:
        raise SpreadsheetError("无法识别文件内容：这不是文本格式的 CSV 文件。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise SpreadsheetError("无法识别文件编码，请将文件另存为“CSV UTF-8（逗号分隔）”后重新上传。")


def _looks_like_text(text: str) -> bool:
    # GB18030 decodes many binary byte strings; control characters give those away. (A regex:
    # a loop over unicodedata.category took 0.4 s of CPU on a 5 MB upload.)
    return _CONTROL.search(text) is None


def _csv_rows(text: str, limits: SheetLimits) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        return read_csv_rows(text, delimiter, limits)
    except csv.Error as error:
        raise SpreadsheetError(f"CSV 格式有误：{error}") from error


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 2024001.0 typed as a number is the username 2024001
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text.replace("\ufeff", "")).strip()


def _to_table(raw_rows: list[list[str]]) -> Table:
    header_index = next((i for i, row in enumerate(raw_rows) if any(_clean(c) for c in row)), None)
    if header_index is None:
        raise SpreadsheetError("文件是空的。")
    header = [_clean(cell) for cell in raw_rows[header_index]]
    named = [name for name in header if name]
    duplicates = sorted({name for name in named if named.count(name) > 1})
    if duplicates:
        raise SpreadsheetError(f"表头中有重复的列：{'、'.join(duplicates)}。")
    table = Table(columns=named)
    for offset, raw in enumerate(raw_rows[header_index + 1 :], start=header_index + 2):
        values = {
            name: (raw[i].strip() if i < len(raw) else "") for i, name in enumerate(header) if name
        }
        if any(values.values()):  # blank lines are skipped but keep their number
            table.rows.append(Row(line=offset, values=values))
    return table


def neutralize(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv_bom(rows: Iterable[Sequence]) -> bytes:
    """CSV as UTF-8 with BOM (so Excel shows Chinese correctly), formula cells neutralized."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else neutralize(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(rows: Iterable[Sequence], *, sheet_title: str = "Sheet1") -> bytes:
    """A one-sheet XLSX; strings starting with ``=`` etc. are stored as text, never formulas."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    for row in rows:
        sheet.append([neutralize(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
