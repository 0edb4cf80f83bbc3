"""Guarded reading of uploaded spreadsheets: XLSX bombs and oversized CSV are refused cheaply.

An XLSX file is a ZIP of XML parts, and XML compresses a thousandfold: a 1–4 MB upload can hold
a worksheet or shared-strings table that expands past 1 GB. openpyxl reads the whole
shared-strings table into memory before the first row, and pads rows and row gaps with empty
cells, so such files used to cost gigabytes and minutes. This module refuses them before the
work they would cause, with a Chinese reason:

1. **The ZIP directory, before anything is decompressed** (``zipfile`` ``infolist``): the number
   of parts, each part's declared size, the total, and the compression ratio of each large part
   and of the whole. Python's ``zipfile`` never returns more than a part's declared size (and
   checks its CRC at the end), so these checks bound everything read afterwards.
2. **A streaming parse** (expat, fed 64 KiB at a time; DTDs refused, so no entity expansion)
   of the workbook, styles, shared strings and first worksheet, stopping at ``</sheetData>``.
   Rows, columns, cell length, total text, shared strings, XML elements and the length of any
   single XML token are counted as they stream by, and the read stops at the first limit
   crossed. Nothing is kept but the shared strings and the rows holding data.

Values come out as openpyxl's read-only, data-only mode gives them (so callers keep their
conversions): cached formula results, shared and inline strings without phonetic runs, ints and
floats, dates by number format (openpyxl's own format and date helpers), booleans.

CSV text gets the same row, column, cell and total-text limits (plus a cap on its size and on
the length of one line, which bounds the list ``csv`` builds for a row).

Pure: no Flask. Used by the bank import (``quiz.bank.formats.tabular``) and by rosters and
organization lists (``quiz.services.spreadsheets``).
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import (
    CALENDAR_MAC_1904,
    CALENDAR_WINDOWS_1900,
    from_excel,
    from_ISO8601,
)

MIB = 1024 * 1024

#: A real workbook has a dozen parts (a few hundred with many sheets and pictures).
MAX_PARTS = 1_000
#: Declared uncompressed size of any one part. A 5,000-question bank written by openpyxl (inline
#: strings) has a 9 MB worksheet; 32 MiB leaves room for long explanations and styling.
MAX_PART_BYTES = 32 * MIB
#: Declared uncompressed size of all parts together.
MAX_UNZIPPED_BYTES = 64 * MIB
#: Worksheet XML compresses about 12× (our exports) and rarely past 50×; bombs reach 1,000×.
#: 100× is Apache POI's long-standing default ("zip bomb detected" below a 0.01 inflate ratio).
MAX_RATIO = 100
#: Parts smaller than this may compress as well as they like: they cannot cost anything.
RATIO_GRACE_BYTES = 1 * MIB
#: Elements parsed across all parts read. Our own export of a 5,000-question bank has 223,000;
#: parsing costs about a microsecond each, so this bounds any file within the sizes above to
#: under a second of CPU.
MAX_XML_ELEMENTS = 750_000
#: Longest run of XML between two ``>`` (one tag, attribute or text node): a full cell of
#: 32,767 characters written as numeric entities is 330 kB. Bounds expat's internal buffer.
MAX_TOKEN_BYTES = 1 * MIB
#: Distinct strings in the shared-strings table (a 5,000-question bank has about 60,000).
MAX_SHARED_STRINGS = 250_000
#: Physical rows scanned, blank ones included (Excel can keep thousands of formatted empty rows).
MAX_SCANNED_ROWS = 100_000
#: CSV text is plain: no more characters than an XLSX may expand to.
MAX_CSV_CHARS = 16 * MIB

_CHUNK = 64 * 1024
_MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # ISO strict
)
_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_COORDINATE = re.compile(r"([A-Za-z]{1,3})(\d+)")
_FOREIGN = ""  # elements outside the spreadsheet namespace: counted, otherwise ignored


@dataclass(frozen=True)
class SheetLimits:
    """What one uploaded sheet may hold; the defaults fit rosters and organization lists.

    ``max_rows`` is the last line (header = line 1) that may hold data; blank rows after it
    are ignored. A non-empty cell right of ``max_columns`` is refused, not silently dropped.
    """

    max_rows: int = 10_000
    max_columns: int = 50
    #: Excel's own limit for one cell.
    max_cell_chars: int = 32_767
    #: All cell text together (a shared string counts each time a cell uses it).
    max_total_chars: int = 8_000_000


class SheetRefused(ValueError):
    """The file was refused; ``str(error)`` is the reason in Chinese, naming the limit."""


class SheetDamaged(SheetRefused):
    """Not a readable workbook: a broken ZIP, a missing part, malformed XML, a bad checksum."""

    def __init__(self, detail: str = ""):
        super().__init__("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 工作簿。")
        self.detail = detail


class TooManyRows(SheetRefused):
    """Data below line ``limit``; callers may say it in their own words (e.g. questions)."""

    def __init__(self, limit: int):
        super().__init__(f"文件行数过多（上限 {limit} 行），请拆分后上传。")
        self.limit = limit


def read_xlsx_rows(data: bytes, limits: SheetLimits = SheetLimits()) -> list[tuple[Any, ...]]:
    """The first worksheet's rows as values, ``rows[i]`` being line ``i + 1``.

    Blank rows are ``()``, trailing blank rows are left out, and a row stops at its last
    non-empty cell (empty cells before it are None). Raises :class:`SheetRefused` (or its
    subclasses :class:`SheetDamaged`, :class:`TooManyRows`) with a Chinese reason.
    """
    archive = _open_checked(data)
    budget = _Budget()
    try:
        workbook_path = _office_document(archive, budget)
        relations = _relationships(archive, workbook_path, budget)
        sheet_id, date1904 = _first_sheet(archive, workbook_path, budget)
        if sheet_id not in relations or not relations[sheet_id][0].endswith("/worksheet"):
            raise SheetDamaged("no worksheet")
        # openpyxl finds these two at their usual paths even when no relationship names them.
        parts = {"styles": "xl/styles.xml", "sharedStrings": "xl/sharedStrings.xml"}
        parts |= {kind.rpartition("/")[2]: target for kind, target in relations.values()}
        styles = _date_styles(archive, parts["styles"], budget)
        shared = _shared_strings(archive, parts["sharedStrings"], limits, budget)
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        sheet = _SheetReader(limits, budget, shared, styles, epoch)
        _parse(archive, relations[sheet_id][1], sheet.start, sheet.end, sheet.text)
    except (expat.ExpatError, LookupError, ValueError, OverflowError, zipfile.BadZipFile) as error:
        if isinstance(error, SheetRefused):
            raise
        raise SheetDamaged(repr(error)) from error
    except (OSError, RuntimeError, NotImplementedError, EOFError) as error:
        raise SheetDamaged(repr(error)) from error  # encrypted or unsupported parts, truncation
    finally:
        archive.close()
    return sheet.rows


def read_csv_rows(
    text: str, delimiter: str, limits: SheetLimits = SheetLimits()
) -> list[list[str]]:
    """CSV ``text`` as rows of cell text under the same limits, ``rows[i]`` being line ``i + 1``.

    A line break inside a quoted cell keeps the cell in one row. Blank rows are ``[]``,
    trailing ones left out, trailing empty cells dropped. Raises :class:`SheetRefused` (or
    :class:`TooManyRows`); a malformed file raises ``csv.Error`` as ``csv`` does.
    """
    if len(text) > MAX_CSV_CHARS:
        size = round(len(text) / MIB)
        raise SheetRefused(
            f"文件过大（约 {size} M 字符，上限 {MAX_CSV_CHARS // MIB} M），请拆分后上传。"
        )
    # A line cannot hold more than every allowed cell at full length, quotes doubled.
    longest_line = limits.max_columns * (2 * limits.max_cell_chars + 3)
    rows: list[list[str]] = []
    total = 0
    reader = csv.reader(_bounded_lines(text, longest_line), delimiter=delimiter)
    for index, row in enumerate(reader):
        if index >= MAX_SCANNED_ROWS:
            raise _too_many_blank_rows()
        while row and not row[-1]:
            row.pop()
        if not row:
            continue
        line = index + 1
        if line > limits.max_rows:
            raise TooManyRows(limits.max_rows)
        if len(row) > limits.max_columns:
            raise _beyond_columns(line, len(row), limits)
        for column, cell in enumerate(row, start=1):
            if len(cell) > limits.max_cell_chars:
                raise _cell_too_long(limits, line, column)
            total += len(cell)
        if total > limits.max_total_chars:
            raise _too_much_text(limits)
        rows.extend([] for _ in range(line - 1 - len(rows)))
        rows.append(row)
    return rows


def _bounded_lines(text: str, longest: int) -> Iterator[str]:
    for line in io.StringIO(text, newline=""):
        if len(line) > longest:
            raise SheetRefused(f"文件中有一行超过 {longest} 个字符，不是正常的表格文件，已拒绝。")
        yield line


# --- refusals ----------------------------------------------------------------------------


def _bomb(detail: str) -> SheetRefused:
    return SheetRefused(
        f"文件解压后异常庞大（{detail}），可能是“压缩炸弹”，已拒绝。"
        "请在 Excel/WPS 中删除多余内容后另存为新的 .xlsx，或拆分后重新上传。"
    )


def _beyond_columns(line: int, column: int, limits: SheetLimits) -> SheetRefused:
    where = f"第 {line} 行 {get_column_letter(min(column, 18_278))} 列"
    return SheetRefused(
        f"{where}有内容，超出了 {limits.max_columns} 列的上限，请删除多余的列后重新上传。"
    )


def _cell_too_long(limits: SheetLimits, line: int | None = None, column: int = 0) -> SheetRefused:
    where = "有单元格" if line is None else f"第 {line} 行 {get_column_letter(column)} 列"
    return SheetRefused(
        f"{where}的内容超过 {limits.max_cell_chars} 个字符（Excel 单元格的上限），"
        "请检查后重新上传。"
    )


def _too_much_text(limits: SheetLimits) -> SheetRefused:
    return SheetRefused(
        f"文件中的文字总量超过 {limits.max_total_chars // 10_000} 万字，请拆分后上传。"
    )


def _too_many_blank_rows() -> SheetRefused:
    return SheetRefused(f"表格连同空行超过 {MAX_SCANNED_ROWS} 行，请删除末尾多余的空行后重新上传。")


# --- the ZIP directory ---------------------------------------------------------------------


def _open_checked(data: bytes) -> zipfile.ZipFile:
    """The archive, after its directory passed every size check; nothing decompressed yet."""
    if _declared_entries(data) > MAX_PARTS:
        raise SheetRefused(f"文件内部的部件超过 {MAX_PARTS} 个，不是正常的 Excel 工作簿，已拒绝。")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
        raise SheetDamaged(repr(error)) from error
    try:
        _check_sizes(archive.infolist())
    except BaseException:
        archive.close()
        raise
    return archive


def _declared_entries(data: bytes) -> int:
    """The entry count in the end-of-central-directory record (0 when there is none).

    Read before ``zipfile`` builds an object per entry: 60,000 empty entries fit in 5 MB.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return 0
    count = int.from_bytes(data[end + 10 : end + 12], "little")
    return 0 if count == 0xFFFF else count  # ZIP64: zipfile reads the real count


def _check_sizes(infos: Sequence[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise SheetRefused(f"文件内部的部件超过 {MAX_PARTS} 个，不是正常的 Excel 工作簿，已拒绝。")
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise SheetDamaged(f"compression {info.compress_type}")
        if info.file_size > MAX_PART_BYTES:
            raise _bomb(
                f"{info.filename} 解压后约 {_mb(info.file_size)} MB，单个部件上限 "
                f"{MAX_PART_BYTES // MIB} MB"
            )
        if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_RATIO * info.compress_size:
            ratio = info.file_size // max(1, info.compress_size)
            raise _bomb(f"{info.filename} 压缩了约 {ratio} 倍，正常文件不超过 {MAX_RATIO} 倍")
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise _bomb(f"解压后共约 {_mb(total)} MB，上限 {MAX_UNZIPPED_BYTES // MIB} MB")
    if total > RATIO_GRACE_BYTES and total > MAX_RATIO * packed:
        ratio = total // max(1, packed)
        raise _bomb(f"整体压缩了约 {ratio} 倍，正常文件不超过 {MAX_RATIO} 倍")


def _mb(size: int) -> str:
    return f"{size / MIB:,.0f}"


# --- streaming XML -------------------------------------------------------------------------


class _Budget:
    """XML elements parsed so far, across all parts of one workbook (``MAX_XML_ELEMENTS``).

    The hot handlers (worksheet, shared strings) count inline, ``budget.elements += 1``, and
    call :meth:`exceeded` past the limit; a method call per element would cost 15 %.
    """

    def __init__(self) -> None:
        self.elements = 0

    @staticmethod
    def exceeded() -> SheetRefused:
        return SheetRefused(
            f"工作簿结构过于复杂（超过 {MAX_XML_ELEMENTS // 10_000} 万个 XML 元素），"
            "请另存为新的 .xlsx 或拆分后重新上传。"
        )


class _Stop(Exception):
    """Raised by a handler once it has read all it needs (``</sheetData>``)."""


def _refuse_dtd(*_args: Any) -> None:
    raise SheetDamaged("DTD")  # OOXML parts never declare one; entities could only hurt


def _parse_small(
    archive: zipfile.ZipFile,
    path: str,
    budget: _Budget,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
) -> None:
    """Stream a small part (relationships, workbook, styles) through expat, handing ``start``
    and ``end`` local names (:data:`_NAMES`; "" for anything else) and counting elements."""

    def on_start(raw: str, attributes: dict[str, str]) -> None:
        budget.elements += 1
        if budget.elements > MAX_XML_ELEMENTS:
            raise budget.exceeded()
        start(_NAMES.get(raw, _FOREIGN), attributes)

    on_end = None if end is None else (lambda raw: end(_NAMES.get(raw, _FOREIGN)))
    _parse(archive, path, on_start, on_end)


def _parse(
    archive: zipfile.ZipFile,
    path: str,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    """Stream one part through expat (names as ``namespace}local``), 64 KiB at a time.

    Refuses a DTD and any single XML token longer than ``MAX_TOKEN_BYTES`` (expat buffers a
    whole tag or text run before handing it over). A handler raising :class:`_Stop` ends the
    read early; the handlers count elements themselves.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    gap = 0  # bytes since the last ">": the token expat is buffering
    with archive.open(path) as member:
        try:
            while chunk := member.read(_CHUNK):
                first = chunk.find(b">")
                if first < 0:
                    gap += len(chunk)
                elif gap + first > MAX_TOKEN_BYTES:
                    raise _token_too_long()
                else:
                    gap = len(chunk) - chunk.rfind(b">") - 1
                if gap > MAX_TOKEN_BYTES:
                    raise _token_too_long()
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _Stop:
            return


def _token_too_long() -> SheetRefused:
    return SheetRefused(
        f"文件中有超过 {MAX_TOKEN_BYTES // MIB} MB 的单段内容，不是正常的 Excel 文件，已拒绝。"
    )


#: ``namespace}local`` (as expat names elements) -> ``local``, for the elements read here.
_NAMES: dict[str, str] = {
    f"{namespace}}}{local}": local
    for namespace in _MAIN_NS
    for local in [
        "workbookPr",
        "sheet",
        "numFmt",
        "cellXfs",
        "xf",
        "si",
        "t",
        "rPh",
        "sheetData",
        "row",
        "c",
        "v",
        "is",
    ]
}
_NAMES[f"{_PACKAGE_RELS_NS}}}Relationship"] = "Relationship"


def _attribute(attributes: dict[str, str], local: str, namespaces: Sequence[str]) -> str | None:
    for namespace in namespaces:
        if (value := attributes.get(f"{namespace}}}{local}")) is not None:
            return value
    return None


def _office_document(archive: zipfile.ZipFile, budget: _Budget) -> str:
    """The workbook part named by the package relationships (``xl/workbook.xml`` usually)."""
    found: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "Relationship" and attributes.get("Type", "").endswith("/officeDocument"):
            found.append(_resolve("", attributes.get("Target", "")))

    if "_rels/.rels" in archive.NameToInfo:
        _parse_small(archive, "_rels/.rels", budget, start)
    return found[0] if found else "xl/workbook.xml"


def _relationships(
    archive: zipfile.ZipFile, part: str, budget: _Budget
) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, resolved target) for ``part``'s internal relationships."""
    folder, _, file_name = part.rpartition("/")
    relations: dict[str, tuple[str, str]] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "Relationship" and attributes.get("TargetMode") != "External":
            target = _resolve(folder, attributes.get("Target", ""))
            relations[attributes.get("Id", "")] = (attributes.get("Type", ""), target)

    _parse_small(archive, posixpath.join(folder, "_rels", file_name + ".rels"), budget, start)
    return relations


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _first_sheet(archive: zipfile.ZipFile, workbook: str, budget: _Budget) -> tuple[str, bool]:
    """The first sheet's relationship id, and whether dates count from 1904 (old Mac Excel)."""
    sheets: list[str] = []
    date1904 = [False]

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "sheet":
            sheets.append(_attribute(attributes, "id", _REL_NS) or "")
        elif name == "workbookPr":
            date1904[0] = attributes.get("date1904", "").lower() in ("1", "true")

    _parse_small(archive, workbook, budget, start)
    if not sheets:
        raise SheetDamaged("no sheet")
    return sheets[0], date1904[0]


def _date_styles(archive: zipfile.ZipFile, path: str, budget: _Budget) -> _Styles:
    """Cell-format indices whose number format shows a date (and those showing a duration)."""
    custom: dict[int, str] = {}
    formats: list[int] = []
    depth = {"cellXfs": 0}

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "numFmt":
            custom[int(attributes.get("numFmtId", "0"))] = attributes.get("formatCode", "")
        elif name == "cellXfs":
            depth["cellXfs"] += 1
        elif name == "xf" and depth["cellXfs"]:
            formats.append(int(attributes.get("numFmtId", "0")))

    def end(name: str) -> None:
        if name == "cellXfs":
            depth["cellXfs"] -= 1

    styles = _Styles()
    if path not in archive.NameToInfo:
        return styles
    _parse_small(archive, path, budget, start, end)
    for index, format_id in enumerate(formats):
        code = custom.get(format_id) or builtin_format_code(format_id) or ""
        if is_date_format(code):
            styles.dates.add(index)
        if is_timedelta_format(code):
            styles.durations.add(index)
    return styles


@dataclass
class _Styles:
    """The cell formats (``s`` attribute values) that turn a number into a date or duration."""

    dates: set[int] = field(default_factory=set)
    durations: set[int] = field(default_factory=set)


def _shared_strings(
    archive: zipfile.ZipFile, path: str, limits: SheetLimits, budget: _Budget
) -> list[str]:
    """The shared-strings table, refused as soon as it outgrows what a sheet could use."""
    if path not in archive.NameToInfo:
        return []
    reader = _SharedStringsReader(limits, budget)
    _parse(archive, path, reader.start, reader.end, reader.text)
    return reader.strings


class _SharedStringsReader:
    """expat handlers for ``<sst>``: each ``<si>``'s text (runs joined, phonetic runs left out)."""

    def __init__(self, limits: SheetLimits, budget: _Budget):
        self.limits, self.budget = limits, budget
        self.strings: list[str] = []
        self.pieces: list[str] = []
        self.capture = False
        self.phonetic = 0
        self.length = 0
        self.total = 0
        self.t, self.si, self.rph = (_local_set(name) for name in ("t", "si", "rPh"))

    def start(self, raw: str, _attributes: dict[str, str]) -> None:
        budget = self.budget
        budget.elements += 1
        if budget.elements > MAX_XML_ELEMENTS:
            raise budget.exceeded()
        if raw in self.t:
            self.capture = not self.phonetic
        elif raw in self.si:
            self.pieces.clear()
            self.length = 0
        elif raw in self.rph:
            self.phonetic += 1

    def end(self, raw: str) -> None:
        if raw in self.t:
            self.capture = False
        elif raw in self.si:
            if len(self.strings) >= MAX_SHARED_STRINGS:
                raise SheetRefused(
                    f"文件中不同的文字内容超过 {MAX_SHARED_STRINGS} 条，请拆分后上传。"
                )
            # openpyxl's reading of the _x005F_ escape (a literal underscore), kept for parity.
            self.strings.append("".join(self.pieces).replace("x005F_", ""))
        elif raw in self.rph:
            self.phonetic -= 1

    def text(self, data: str) -> None:
        if self.capture:
            self.length += len(data)
            self.total += len(data)
            if self.length > self.limits.max_cell_chars:
                raise _cell_too_long(self.limits)
            if self.total > self.limits.max_total_chars:
                raise _too_much_text(self.limits)
            self.pieces.append(data)


def _local_set(local: str) -> frozenset[str]:
    """The expat names of spreadsheet element ``local`` (transitional and strict namespaces)."""
    return frozenset(f"{namespace}}}{local}" for namespace in _MAIN_NS)


class _SheetReader:
    """expat handlers for ``<sheetData>``: rows with data kept, every limit checked on the fly.

    Handlers take expat's raw names and compare them with precomputed sets: this is the hot
    loop (about a microsecond per element), so it avoids calls it does not need.
    """

    _C, _V, _T, _IS, _ROW = (_local_set(name) for name in ("c", "v", "t", "is", "row"))
    _RPH, _SHEET_DATA = _local_set("rPh"), _local_set("sheetData")

    def __init__(self, limits, budget, shared, styles, epoch):
        self.limits, self.budget, self.shared = limits, budget, shared
        self.styles, self.epoch = styles, epoch
        self.rows: list[tuple[Any, ...]] = []
        self.in_data = False
        self.scanned = 0
        self.row_number = 0
        self.cells: dict[int, Any] = {}
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.capture = False  # inside <v>, or a <t> of an inline string outside phonetic runs
        self.inline = False
        self.phonetic = 0
        self.pieces: list[str] = []
        self.length = 0
        self.total = 0

    def start(self, raw: str, attributes: dict[str, str]) -> None:
        budget = self.budget
        budget.elements += 1
        if budget.elements > MAX_XML_ELEMENTS:
            raise budget.exceeded()
        if not self.in_data:
            self.in_data = raw in self._SHEET_DATA
        elif raw in self._C:
            reference = attributes.get("r")
            self.column = _column_number(reference) if reference else self.column + 1
            self.kind = attributes.get("t", "n")
            style = attributes.get("s")
            self.style = int(style) if style else 0
            self.inline = False
            self.pieces.clear()
            self.length = 0
        elif raw in self._V:
            self.capture = self.kind != "inlineStr"
        elif raw in self._T:
            self.capture = self.inline and not self.phonetic
        elif raw in self._IS:
            self.inline = True
        elif raw in self._ROW:
            self.scanned += 1
            if self.scanned > MAX_SCANNED_ROWS:
                raise _too_many_blank_rows()
            reference = attributes.get("r")
            self.row_number = int(reference) if reference else self.row_number + 1
            self.cells = {}
            self.column = 0
        elif raw in self._RPH:
            self.phonetic += 1

    def end(self, raw: str) -> None:
        if not self.in_data:
            return
        if raw in self._C:
            self._end_cell()
        elif raw in self._V or raw in self._T:
            self.capture = False
        elif raw in self._ROW:
            self._end_row()
        elif raw in self._RPH:
            self.phonetic -= 1
        elif raw in self._SHEET_DATA:
            raise _Stop

    def text(self, data: str) -> None:
        if self.capture:
            self.length += len(data)
            if self.length > self.limits.max_cell_chars:
                raise _cell_too_long(self.limits, self.row_number, self.column)
            self.pieces.append(data)

    def _end_cell(self) -> None:
        if not self.pieces:
            return  # an empty or merely styled cell
        value = self._value()
        if value is None or value == "":
            return
        if self.column > self.limits.max_columns:
            raise _beyond_columns(self.row_number, self.column, self.limits)
        if isinstance(value, str):
            if len(value) > self.limits.max_cell_chars:  # a shared string used here
                raise _cell_too_long(self.limits, self.row_number, self.column)
            self.total += len(value)
            if self.total > self.limits.max_total_chars:
                raise _too_much_text(self.limits)
        self.cells[self.column] = value

    def _value(self) -> Any:
        """The cell's value as openpyxl's data-only reader gives it."""
        raw = "".join(self.pieces)
        kind = self.kind
        if kind == "inlineStr":
            return raw if self.inline else None
        if kind == "n":
            number = float(raw) if any(ch in raw for ch in ".eE") else int(raw)
            if self.style not in self.styles.dates:
                return number
            try:
                return from_excel(number, self.epoch, self.style in self.styles.durations)
            except (OverflowError, ValueError):
                return "#VALUE!"  # what openpyxl shows for a date serial out of range
        if kind == "s":
            return self.shared[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return from_ISO8601(raw)
        return raw  # "str" (a formula's text result), "e" (an error such as #N/A)

    def _end_row(self) -> None:
        if not self.cells:
            return
        if self.row_number > self.limits.max_rows:
            raise TooManyRows(self.limits.max_rows)
        if self.row_number <= len(self.rows):
            return  # out of order: openpyxl drops such a row too
        row: list[Any] = [None] * max(self.cells)
        for column, value in self.cells.items():
            row[column - 1] = value
        self.rows.extend(() for _ in range(self.row_number - 1 - len(self.rows)))
        self.rows.append(tuple(row))


#: Column letters -> number, filled as references are met (at most 18,278 entries: A…ZZZ).
_COLUMN_NUMBERS: dict[str, int] = {}


def _column_number(reference: str) -> int:
    """The column of a cell reference such as ``AB12`` (1-based); damaged if malformed."""
    letters = reference.rstrip("0123456789")
    number = _COLUMN_NUMBERS.get(letters)
    if number is not None and len(letters) < len(reference):
        return number
    match = _COORDINATE.fullmatch(reference)
    if match is None:
        raise SheetDamaged(f"cell reference {reference[:20]!r}")
    number = 0
    for letter in match.group(1).upper():
        number = number * 26 + ord(letter) - 64
    _COLUMN_NUMBERS[letters] = number
    return number
