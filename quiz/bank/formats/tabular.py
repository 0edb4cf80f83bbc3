"""CSV and XLSX import/export in the column layout Chinese organizers use.

The layout and injection rule are in ``tabular_layout``, row checks in ``tabular_rows``; this
module handles bytes: encodings, delimiters, workbook styling and locating the header. Readers
never raise on bad input: every problem comes back in ``ImportResult.errors`` (see its caller
contract).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from quiz.spreadsheet_guard import (
    SheetDamaged,
    SheetLimits,
    SheetRefused,
    TooManyRows,
    read_csv_rows,
    read_xlsx_rows,
)

from .schema import (
    MAX_DIFFICULTY,
    MAX_IMPORT_QUESTIONS,
    MIN_DIFFICULTY,
    QUESTION_TYPE_NAMES,
    STATUS_NAMES,
    TOO_MANY_QUESTIONS,
    WHOLE_FILE,
    ImportResult,
    RowError,
    file_error,
)
from .tabular_layout import (
    COLUMNS,
    HEADER_ALIASES,
    PROVENANCE_COLUMNS,
    REQUIRED_COLUMNS,
    question_to_row,
)
from .tabular_rows import parse_row

CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE = "题库"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls and other OLE2 compound files
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# A title row ("2024 网安周题库") above the header is common in organizers' templates.
_HEADER_SEARCH_ROWS = 5
_EXTRA_OPTION_HEADER = re.compile(r"选项[G-Zg-z]")
_ENCODING_HELP = "无法识别文件编码:请在 Excel/WPS 中“另存为 → CSV UTF-8(逗号分隔)”后重新导入"
_COLUMN_WIDTHS = {"id": 30, "题型": 8, "题干": 60, "答案": 10, "解析": 48, "主题日": 20}
_COLUMN_WIDTHS |= {"难度": 6, "状态": 8, "出处": 40, "原句": 60, "知识点": 28, "生成规则": 28}
_OPTION_WIDTH = 24
_DROPDOWN_LAST_ROW = 10_000
# What the guarded reader lets through: room for title rows and blank spacers around the
# MAX_IMPORT_QUESTIONS questions, and for the organizer's own columns (备注 …) beside ours.
BANK_SHEET = SheetLimits(max_rows=2 * MAX_IMPORT_QUESTIONS, max_columns=64)


def write_csv(questions: Iterable[Mapping[str, Any]]) -> bytes:
    """CSV bytes, UTF-8 with BOM so Excel/WPS open the Chinese text correctly.

    Comma-separated, CRLF line ends, header row first. Raises ValueError for a question the
    layout cannot hold (see ``question_to_row``).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(question_to_row(question) for question in questions)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(questions: Iterable[Mapping[str, Any]]) -> bytes:
    """XLSX bytes: one sheet with a bold, frozen header, sized columns and dropdown hints.

    An empty ``questions`` gives an import template containing just the header.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(COLUMNS)
    for question in questions:
        # openpyxl refuses control characters; they are invisible and never meaningful here.
        row = question_to_row(question)
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    for index, name in enumerate(COLUMNS, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True, color=_header_color(name))
        width = _COLUMN_WIDTHS.get(name, _OPTION_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    difficulties = [str(level) for level in range(MIN_DIFFICULTY, MAX_DIFFICULTY + 1)]
    _add_dropdown(sheet, "题型", list(QUESTION_TYPE_NAMES.values()))
    _add_dropdown(sheet, "难度", difficulties)
    _add_dropdown(sheet, "状态", list(STATUS_NAMES.values()))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_color(name: str) -> str:
    # Grey provenance headers tell organizers those columns are machine-maintained.
    return "FF808080" if name in PROVENANCE_COLUMNS else "FF000000"


def _add_dropdown(sheet: Any, column_name: str, choices: Sequence[str]) -> None:
    # A hint, not a lock: the importer also accepts codes such as "approved" typed by hand.
    letter = get_column_letter(COLUMNS.index(column_name) + 1)
    rule = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True)
    rule.add(f"{letter}2:{letter}{_DROPDOWN_LAST_ROW}")
    sheet.add_data_validation(rule)


def read_csv(data: bytes) -> ImportResult:
    """Parse a CSV bank file; see ``ImportResult`` for the all-or-nothing caller contract.

    Encodings, in order: UTF-16 with BOM (Excel "Unicode 文本"), UTF-8 with or without BOM,
    then GB18030 (what Chinese Excel's plain "CSV" writes). GB18030 decodes almost any bytes, so
    a guessed encoding (UTF-16 or GB18030) is accepted only when the header it yields names
    our columns; otherwise one encoding error is returned. The delimiter (comma, tab or semicolon) is taken from the header line.
    """
    if not data.strip():
        return file_error("文件为空")
    if data.startswith(_ZIP_MAGIC):
        return file_error("这是 XLSX(或其他压缩)文件,不是 CSV;请按 XLSX 格式导入")
    decoded = _decode_text(data)
    if decoded is None:
        return file_error(_ENCODING_HELP)
    text, encoding = decoded
    if "\x00" in text:
        return file_error("这不是文本格式的 CSV 文件")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    try:
        rows: Sequence[Sequence[Any]] = read_csv_rows(text, delimiter, BANK_SHEET)
    except csv.Error as exc:
        return file_error(f"CSV 格式错误:{exc}")
    except SheetRefused as refused:
        return _refusal(refused)
    # Only UTF-8 is certain; a guessed encoding must prove itself with a readable header.
    return _import_rows(rows, unsure_encoding=encoding != "utf-8-sig")


def _decode_text(data: bytes) -> tuple[str, str] | None:
    encodings = ("utf-16",) if data.startswith(_UTF16_BOMS) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def read_xlsx(data: bytes) -> ImportResult:
    """Parse the first worksheet of an XLSX bank file (cached values, not formulas).

    A legacy .xls, a CSV or any other non-XLSX file gives one clear error instead of raising.
    """
    if data.startswith(_OLE_MAGIC):
        return file_error("这是旧版 Excel 97-2003(.xls)文件,请另存为 .xlsx 后再导入")
    if not data.startswith(_ZIP_MAGIC):
        return file_error("这不是 XLSX 文件;CSV 请按 CSV 格式导入")
    try:
        rows = read_xlsx_rows(data, BANK_SHEET)  # refuses bombs before they cost anything
    except SheetRefused as refused:
        return _refusal(refused)
    return _import_rows(rows)


def _refusal(refused: SheetRefused) -> ImportResult:
    """The guarded reader's refusal as one whole-file error, in the bank's words."""
    if isinstance(refused, SheetDamaged):
        return file_error("无法读取该 XLSX 文件:文件已损坏或不是 Excel 工作簿")
    if isinstance(refused, TooManyRows):
        return file_error(f"表格超过 {refused.limit} 行:{TOO_MANY_QUESTIONS}")
    return file_error(str(refused))


def _cell_text(value: Any) -> str:
    """A worksheet value as the text a person sees (2.0 -> "2", TRUE -> "TRUE")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _import_rows(rows: Sequence[Sequence[Any]], unsure_encoding: bool = False) -> ImportResult:
    """Locate the header, then parse and cross-check every data row below it."""
    header_index = _find_header(rows)
    if header_index is None:
        if unsure_encoding:
            return file_error(_ENCODING_HELP)
        expected = "、".join(REQUIRED_COLUMNS)
        return file_error(f"找不到表头:前 {_HEADER_SEARCH_ROWS} 行中没有包含 {expected} 的行")
    result = ImportResult()
    columns = _map_header(rows[header_index], header_index + 1, result.errors)
    if result.errors:
        return result  # with a broken header every row would only repeat the same problem
    first_line_of_id: dict[str, int] = {}
    questions_seen = 0
    for index in range(header_index + 1, len(rows)):
        line, row = index + 1, rows[index]
        cells = {name: _cell_text(row[i]) if i < len(row) else "" for name, i in columns.items()}
        if not any(text.strip() for text in cells.values()):
            continue  # blank spacer rows are normal in hand-edited sheets
        questions_seen += 1
        if questions_seen > MAX_IMPORT_QUESTIONS:
            return file_error(TOO_MANY_QUESTIONS)
        question, errors = parse_row(line, cells)
        result.errors.extend(errors)
        if question is None:
            continue
        earlier = first_line_of_id.setdefault(question["id"], line)
        if earlier != line:
            what = f"id「{question['id']}」" if cells.get("id", "").strip() else "题目内容"
            result.errors.append(RowError(line, "id", f"{what}与第 {earlier} 行重复"))
            continue
        result.questions.append(question)
    if not result.questions and not result.errors:
        result.errors.append(RowError(WHOLE_FILE, "", "文件中没有题目"))
    return result


def _find_header(rows: Sequence[Sequence[Any]]) -> int | None:
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        names = {_header_name(value) for value in row}
        if {"题型", "题干"} <= names:
            return index
    return None


def _header_name(value: Any) -> str:
    name = _cell_text(value).strip()
    return HEADER_ALIASES.get(name, name)


def _map_header(header: Sequence[Any], line: int, errors: list[RowError]) -> dict[str, int]:
    """Column name -> position; unknown columns (备注 …) are ignored, problems reported."""
    positions: dict[str, int] = {}
    for position, value in enumerate(header):
        name = _header_name(value)
        if _EXTRA_OPTION_HEADER.fullmatch(name):
            errors.append(RowError(line, name, "选项过多:最多支持 6 个选项(选项A–选项F)"))
        elif name in positions:
            errors.append(RowError(line, name, f"列「{name}」出现了不止一次"))
        elif name in COLUMNS:
            positions[name] = position
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        errors.append(RowError(line, "", f"缺少必需的列:{'、'.join(missing)}"))
    return positions
