"""Spreadsheets and spreadsheet bombs built byte by byte, for the spreadsheet-guard tests.

A part is bytes, or :class:`Repeated` — ``head + unit * count + tail`` described, never built:
it is deflated one ~1 MB chunk at a time with a full flush, which resets the compressor, so
every chunk compresses to the same bytes and the stream is one block repeated. A part that
expands to 1 GB then costs a few MB of memory and a CRC pass (about 0.3 s), and the ZIP is
written by hand (:func:`zip_bytes`) because ``zipfile`` cannot store pre-compressed data.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
GB = 1024**3
_CHUNK = 1 << 20
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Repeated:
    """``head + unit * count + tail``, without ever holding it."""

    head: bytes
    unit: bytes
    count: int
    tail: bytes = b""

    @property
    def size(self) -> int:
        return len(self.head) + len(self.unit) * self.count + len(self.tail)


Part = bytes | Repeated


def deflate(part: Part) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, uncompressed size) of ``part``."""
    if isinstance(part, bytes):
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(part) + compressor.flush(), zlib.crc32(part), len(part)
    per_chunk = max(1, _CHUNK // len(part.unit))
    chunk = part.unit * per_chunk
    chunks, rest = divmod(part.count, per_chunk)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [compressor.compress(part.head), compressor.flush(zlib.Z_FULL_FLUSH)]
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(part.head)
    for _ in range(chunks):
        crc = zlib.crc32(chunk, crc)
    out.append(block * chunks)
    tail = part.unit * rest + part.tail
    out += [compressor.compress(tail), compressor.flush()]
    return b"".join(out), zlib.crc32(tail, crc), part.size


def zip_bytes(parts: dict[str, Part], *, declared: dict[str, int] | None = None) -> bytes:
    """A ZIP of deflated ``parts``; ``declared`` overrides a part's stated uncompressed size
    (a lying header)."""
    declared = declared or {}
    body, directory = bytearray(), bytearray()
    for name, part in parts.items():
        data, crc, size = deflate(part)
        size = declared.get(name, size)
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded))
        offset = len(body)
        body += struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields, 0) + encoded + data
        directory += struct.pack(
            "<4s6HIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset
        )
        directory += encoded
    end = struct.pack(
        "<4s4HIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), len(body), 0
    )
    return bytes(body + directory + end)


def _xml(text: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text).encode()


def workbook(
    sheet: Part,
    shared: Part | None = None,
    *,
    extra: dict[str, Part] | None = None,
    declared: dict[str, int] | None = None,
) -> bytes:
    """A minimal valid XLSX with the given sheet and shared strings (``extra`` parts added,
    ``declared`` sizes as in :func:`zip_bytes`)."""
    relations = f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    overrides = (
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/>'
    )
    parts: dict[str, Part] = {}
    if shared is not None:
        relations += (
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        overrides += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    parts["[Content_Types].xml"] = _xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )
    parts["_rels/.rels"] = _xml(
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    parts["xl/workbook.xml"] = _xml(
        f'<workbook xmlns="{MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = _xml(
        f'<Relationships xmlns="{_PKG}">{relations}</Relationships>'
    )
    parts["xl/worksheets/sheet1.xml"] = sheet
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    parts.update(extra or {})
    return zip_bytes(parts, declared=declared)


SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_TAIL = b"</sheetData></worksheet>"
SST_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()
SST_TAIL = b"</sst>"


def inline_row(*cells: str, number: int | None = None) -> bytes:
    """A ``<row>`` of inline-string cells (no references: each follows the previous)."""
    ref = f' r="{number}"' if number else ""
    body = "".join(f'<c t="inlineStr"><is><t>{cell}</t></is></c>' for cell in cells)
    return f"<row{ref}>{body}</row>".encode()


def shared_row(*indices: int) -> bytes:
    """A ``<row>`` of shared-string cells."""
    return ("<row>" + "".join(f'<c t="s"><v>{i}</v></c>' for i in indices) + "</row>").encode()


def sheet(*rows: bytes) -> bytes:
    return SHEET_HEAD + b"".join(rows) + SHEET_TAIL


def times_to(unit: bytes, size: int) -> int:
    """How many ``unit``s make ``size`` bytes."""
    return size // len(unit) + 1


# --- the bombs: each a 0.5-4 MB file whose parts expand past 1 GB -------------------------


def sheet_rows_bomb(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """A worksheet of ~1.1 GB: the header, then the same data row tens of millions of times."""
    unit = inline_row(*row)
    return workbook(
        Repeated(SHEET_HEAD + inline_row(*header), unit, times_to(unit, GB), SHEET_TAIL)
    )


def shared_strings_bomb(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """A tiny, valid sheet over a ~1.1 GB shared-strings table (the one imported as a roster)."""
    values = (*header, *row)
    head = SST_HEAD + b"".join(f"<si><t>{v}</t></si>".encode() for v in values)
    unit = "<si><t>填充</t></si>".encode()
    count = len(header)
    grid = sheet(shared_row(*range(count)), shared_row(*range(count, len(values))))
    return workbook(grid, Repeated(head, unit, times_to(unit, GB), SST_TAIL))


def huge_cell_bomb(header: tuple[str, ...]) -> bytes:
    """One cell of ~1.1 GB of text under a valid header."""
    head = SHEET_HEAD + inline_row(*header) + b'<row><c t="inlineStr"><is><t>'
    unit = "网".encode() * 1000
    return workbook(Repeated(head, unit, times_to(unit, GB), b"</t></is></c></row>" + SHEET_TAIL))


def wide_row_bomb(header: tuple[str, ...]) -> bytes:
    """A header, then one row of ~1.1 GB: tens of millions of one-letter cells."""
    unit = b'<c t="inlineStr"><is><t>x</t></is></c>'
    head = SHEET_HEAD + inline_row(*header) + b"<row>"
    return workbook(Repeated(head, unit, times_to(unit, GB), b"</row>" + SHEET_TAIL))


def lying_sizes_bomb(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """The sheet-rows bomb with the worksheet's size declared as 1 MB."""
    unit = inline_row(*row)
    grid = Repeated(SHEET_HEAD + inline_row(*header), unit, times_to(unit, GB), SHEET_TAIL)
    return workbook(grid, declared={"xl/worksheets/sheet1.xml": 1 << 20})


# --- not compressed at all: files that are simply too long or too wide -------------------


def row_gap_sheet(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """A 1 kB workbook whose one data row sits at line 1,048,576 (the last Excel has)."""
    return workbook(sheet(inline_row(*header, number=1), inline_row(*row, number=1_048_576)))


def column_gap_sheet(header: tuple[str, ...], row: tuple[str, ...], rows: int = 10_000) -> bytes:
    """Valid rows, each with a note in column XFD (16,384): openpyxl pads every row to it."""
    lines = [inline_row(*header, number=1)]
    for number in range(2, rows + 2):
        note = f'<c r="XFD{number}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        lines.append(inline_row(*row, number=number)[:-6] + note)
    return workbook(sheet(*lines))


def many_rows_sheet(rows: list[tuple[str, ...]]) -> bytes:
    """An ordinary workbook holding ``rows`` (distinct rows: no compression trick)."""
    return workbook(sheet(*(inline_row(*row) for row in rows)))


# --- CSV: no compression, but a 5 MB upload can still be too long, too wide or too big ----


def csv_text(rows: list[tuple[str, ...]]) -> str:
    return "".join(",".join(row) + "\n" for row in rows)


def csv_wide(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """A data row followed by 2.5 million one-letter cells (5 MB on one line)."""
    return (csv_text([header]) + ",".join(row) + ",x" * 2_500_000 + "\n").encode()


def csv_huge_cell(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """A data row whose first cell holds 100,000 characters (Excel's limit is 32,767)."""
    return csv_text([header, ("网" * 100_000, *row[1:])]).encode()


def csv_blank_lines(header: tuple[str, ...], row: tuple[str, ...]) -> bytes:
    """A valid file followed by 5 million blank lines."""
    return (csv_text([header, row]) + "\n" * 5_000_000).encode()
