"""quiz.spreadsheet_guard: openpyxl's values, every limit refused with a reason, nothing else.

The bombs themselves, with time and memory, are in tests/test_spreadsheet_bombs.py; here each
check is shown on a small file, with the module's limits lowered where a real one would be big.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from quiz import spreadsheet_guard as guard
from quiz.spreadsheet_guard import (
    SheetDamaged,
    SheetLimits,
    SheetRefused,
    TooManyRows,
    read_csv_rows,
    read_xlsx_rows,
)
from tests.helpers.spreadsheet_bombs import (
    MAIN,
    SST_HEAD,
    SST_TAIL,
    inline_row,
    shared_row,
    sheet,
    workbook,
)


def openpyxl_rows(data: bytes) -> list[tuple]:
    """What the readers used before: openpyxl read-only, data-only, trailing empties dropped."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no default style": these files carry only numFmts
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = []
    for row in book.worksheets[0].iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] in (None, ""):
            values.pop()
        rows.append(tuple(values))
    book.close()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- values ------------------------------------------------------------------------------


def test_values_match_openpyxl_for_a_workbook_openpyxl_wrote():
    book = Workbook()
    sheet_ = book.active
    sheet_.append(["题型", "题干", 1, 2.5, 2.0, True, False, None, "", -3, 1e20])
    sheet_.append([dt.datetime(2024, 10, 11, 8, 30), dt.date(2024, 1, 2), dt.time(12, 30)])
    sheet_.append([dt.timedelta(hours=5), "=SUM(A1)", "  空格保留  ", "第一行\n第二行"])
    sheet_["B5"] = "隔一行"
    sheet_["E7"] = CellRichText(["普通", TextBlock(InlineFont(b=True), "粗体")])
    data = saved(book)
    assert read_xlsx_rows(data) == openpyxl_rows(data)
    assert read_xlsx_rows(data)[3] == ()  # a blank row keeps its line


RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXCEL_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="49"/></cellXfs>
</styleSheet>""".encode()


def excel_like(date1904: bool = False) -> bytes:
    """Shared strings with rich runs and phonetic runs, a prefixed namespace, dates by style."""
    shared = (
        SST_HEAD
        + (
            "<si><t>姓名</t></si>"
            "<si><r><t>网络</t></r><r><rPr><b/></rPr><t>安全</t></r></si>"
            "<si><t>東京</t><rPh sb='0' eb='2'><t>トウキョウ</t></rPh></si>"
            "<si><t xml:space='preserve'> 前后空格 </t></si>"
            "<si><t>a_x005F_x000D_b</t></si>"
        ).encode()
        + SST_TAIL
    )
    grid = (
        f'<?xml version="1.0"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
        '<x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c>'
        '<x:c r="E1" t="s"><x:v>4</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" s="1"><x:v>45576</x:v></x:c><x:c r="B3" s="2"><x:v>45576</x:v>'
        '</x:c><x:c r="C3" s="3" t="s"><x:v>0</x:v></x:c><x:c r="D3" t="str"><x:f>A1&amp;""</x:f>'
        '<x:v>公式结果</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c>'
        '<x:c r="F3" t="b"><x:v>1</x:v></x:c><x:c r="G3"><x:v>7</x:v></x:c>'
        '<x:c r="H3" t="d"><x:v>2024-10-11T08:00:00</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    ).encode()
    extra = {"xl/styles.xml": EXCEL_STYLES}
    if date1904:
        extra["xl/workbook.xml"] = (
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><workbookPr date1904="1"/>'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode()
    return workbook(grid, shared, extra=extra)


def test_values_match_openpyxl_for_shared_strings_styles_and_prefixes():
    rows = read_xlsx_rows(excel_like())
    assert rows == openpyxl_rows(excel_like())
    assert rows[0] == ("姓名", "网络安全", "東京", " 前后空格 ", "a_x000D_b")
    assert rows[1] == ()
    assert rows[2][:3] == (dt.datetime(2024, 10, 11), dt.datetime(2024, 10, 11), "姓名")
    assert rows[2][3:] == ("公式结果", "#N/A", True, 7, dt.datetime(2024, 10, 11, 8))


def test_the_1904_date_system_is_honoured():
    rows = read_xlsx_rows(excel_like(date1904=True))
    assert rows[2][0] == dt.datetime(2028, 10, 12) and rows == openpyxl_rows(excel_like(True))


def test_the_first_sheet_is_read_even_when_others_follow():
    book = Workbook()
    book.active.append(["第一张"])
    book.create_sheet("第二张").append(["不读"])
    assert read_xlsx_rows(saved(book)) == [("第一张",)]


def test_empty_and_styled_cells_do_not_make_rows():
    grid = sheet(
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="Z1" s="1"/></row>',
        b'<row r="2" ht="30" customHeight="1"/>',
        b'<row r="5000" s="1"><c r="A5000" s="1"/></row>',
    )
    assert read_xlsx_rows(workbook(grid)) == [("x",)]


# --- limits ------------------------------------------------------------------------------


def rows_sheet(count: int, *, start: int = 1) -> bytes:
    return workbook(sheet(*(inline_row(f"第{n}行", number=n) for n in range(start, start + count))))


def test_rows_up_to_the_limit_are_read_and_one_more_is_refused():
    limits = SheetLimits(max_rows=20)
    assert len(read_xlsx_rows(rows_sheet(20), limits)) == 20
    with pytest.raises(TooManyRows) as caught:
        read_xlsx_rows(rows_sheet(21), limits)
    assert caught.value.limit == 20 and "上限 20 行" in str(caught.value)


def test_data_far_below_is_refused_without_padding_the_gap():
    grid = sheet(inline_row("表头", number=1), inline_row("很远", number=1_048_576))
    with pytest.raises(TooManyRows):
        read_xlsx_rows(workbook(grid))


def test_a_cell_right_of_the_column_limit_is_refused_and_named():
    grid = sheet(b'<row r="7"><c r="A7" t="inlineStr"><is><t>a</t></is></c>'
                 b'<c r="AZ7" t="inlineStr"><is><t>b</t></is></c></row>')  # fmt: skip
    with pytest.raises(SheetRefused, match="第 7 行 AZ 列"):
        read_xlsx_rows(workbook(grid), SheetLimits(max_columns=50))
    assert read_xlsx_rows(workbook(grid), SheetLimits(max_columns=52))[6][51] == "b"


@pytest.mark.parametrize("where", ["inline", "shared"])
def test_a_cell_longer_than_excel_allows_is_refused(where):
    long = "网" * 101
    if where == "inline":
        data = workbook(sheet(inline_row("ok"), inline_row(long)))
    else:
        data = workbook(
            sheet(shared_row(0)), SST_HEAD + f"<si><t>{long}</t></si>".encode() + SST_TAIL
        )
    with pytest.raises(SheetRefused, match="超过 100 个字符"):
        read_xlsx_rows(data, SheetLimits(max_cell_chars=100))


def test_a_shared_string_reused_counts_every_time():
    shared = SST_HEAD + f"<si><t>{'安' * 100}</t></si>".encode() + SST_TAIL
    data = workbook(sheet(*(shared_row(0) for _ in range(30))), shared)
    limits = SheetLimits(max_total_chars=2_999)
    with pytest.raises(SheetRefused, match="文字总量"):
        read_xlsx_rows(data, limits)
    assert len(read_xlsx_rows(data, SheetLimits(max_total_chars=3_000))) == 30


def test_too_many_shared_strings(monkeypatch):
    monkeypatch.setattr(guard, "MAX_SHARED_STRINGS", 10)
    shared = SST_HEAD + b"".join(f"<si><t>{n}</t></si>".encode() for n in range(11)) + SST_TAIL
    with pytest.raises(SheetRefused, match="不同的文字内容超过 10 条"):
        read_xlsx_rows(workbook(sheet(shared_row(0)), shared))


def test_too_many_xml_elements(monkeypatch):
    monkeypatch.setattr(guard, "MAX_XML_ELEMENTS", 500)
    with pytest.raises(SheetRefused, match="结构过于复杂"):
        read_xlsx_rows(workbook(sheet(b"<row>" + b'<c s="1"/>' * 500 + b"</row>")))


def test_too_many_blank_rows(monkeypatch):
    monkeypatch.setattr(guard, "MAX_SCANNED_ROWS", 50)
    with pytest.raises(SheetRefused, match="连同空行超过 50 行"):
        read_xlsx_rows(workbook(sheet(*(b"<row/>" for _ in range(51)))))


def test_one_enormous_xml_token_is_refused(monkeypatch):
    monkeypatch.setattr(guard, "MAX_TOKEN_BYTES", 100_000)
    grid = sheet(b'<row><c r="A1" s="' + b"1" * 200_000 + b'"/></row>')
    with pytest.raises(SheetRefused, match="单段内容"):
        read_xlsx_rows(workbook(grid))


def test_entities_are_never_expanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="' + MAIN.encode() + b'"><sheetData><row><c t="inlineStr"><is>'
        b"<t>&b;</t></is></c></row></sheetData></worksheet>"
    )
    with pytest.raises(SheetDamaged):
        read_xlsx_rows(workbook(laughs))


# --- the ZIP directory -------------------------------------------------------------------


def test_a_part_declared_too_big_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 1_000)
    with pytest.raises(SheetRefused, match="压缩炸弹") as caught:
        read_xlsx_rows(rows_sheet(100))
    assert "xl/worksheets/sheet1.xml" in str(caught.value)


def test_all_parts_together_too_big(monkeypatch):
    monkeypatch.setattr(guard, "MAX_UNZIPPED_BYTES", 3_000)
    with pytest.raises(SheetRefused, match="解压后共约"):
        read_xlsx_rows(rows_sheet(100))


def test_a_part_compressed_beyond_the_ratio(monkeypatch):
    monkeypatch.setattr(guard, "RATIO_GRACE_BYTES", 1_000)
    monkeypatch.setattr(guard, "MAX_RATIO", 5)
    data = workbook(sheet(*(inline_row("同一行") for _ in range(1_000))))
    with pytest.raises(SheetRefused, match="压缩了约 .* 倍"):
        read_xlsx_rows(data)


def test_small_parts_may_compress_as_they_like():
    data = workbook(sheet(*(inline_row("同一行") for _ in range(1_000))))  # ≈ 80 kB, ≈ 100×
    assert len(read_xlsx_rows(data)) == 1_000


def test_too_many_parts_are_refused_before_zipfile_reads_them(monkeypatch):
    monkeypatch.setattr(guard, "MAX_PARTS", 20)
    book = saved(Workbook())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        for n in range(20):
            target.writestr(f"xl/media/{n}.bin", b"")
    with pytest.raises(SheetRefused, match="部件超过 20 个"):
        read_xlsx_rows(buffer.getvalue())


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not a zip at all",
        b"",
        workbook(b"<worksheet><sheetData><row><c>unclosed"),
        workbook(sheet(b'<row><c r="1A"><v>1</v></c></row>')),
        workbook(sheet(b'<row><c t="s"><v>5</v></c></row>')),  # no shared string 5
        workbook(sheet(b"<row><c><v>abc</v></c></row>")),
    ],
    ids=["not-a-zip", "empty", "malformed-xml", "bad-reference", "missing-string", "bad-number"],
)
def test_damaged_files_are_one_clear_refusal(data):
    with pytest.raises(SheetDamaged, match="无法读取"):
        read_xlsx_rows(data)


def test_missing_parts_and_other_compressions_are_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_BZIP2) as target:
        target.writestr("[Content_Types].xml", b"<Types/>")
    with pytest.raises(SheetDamaged):
        read_xlsx_rows(buffer.getvalue())
    with pytest.raises(SheetDamaged):
        read_xlsx_rows(zipfile_with({"mimetype": b"x"}))


def zipfile_with(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return buffer.getvalue()


# --- CSV ---------------------------------------------------------------------------------


def test_csv_rows_keep_their_lines_and_quoted_line_breaks():
    text = '姓名,班级\r\n"张\n三",高一\r\n\r\n,,\r\n李四,高二,,\r\n'
    assert read_csv_rows(text, ",") == [
        ["姓名", "班级"],
        ["张\n三", "高一"],
        [],
        [],
        ["李四", "高二"],
    ]


def test_csv_limits():
    limits = SheetLimits(max_rows=3, max_columns=3, max_cell_chars=10, max_total_chars=20)
    assert read_csv_rows("a\nb\nc\n\n\n", ",", limits) == [["a"], ["b"], ["c"]]
    with pytest.raises(TooManyRows):
        read_csv_rows("a\nb\nc\nd\n", ",", limits)
    with pytest.raises(SheetRefused, match="第 1 行 D 列"):
        read_csv_rows("a,b,c,d\n", ",", limits)
    assert read_csv_rows("a,b,c,,,,\n", ",", limits) == [["a", "b", "c"]]
    with pytest.raises(SheetRefused, match="第 2 行 B 列的内容超过 10 个字符"):
        read_csv_rows("a\nb,01234567890\n", ",", limits)
    with pytest.raises(SheetRefused, match="文字总量"):
        read_csv_rows("0123456789\n0123456789\n0\n", ",", limits)


def test_csv_lines_blank_rows_and_size(monkeypatch):
    limits = SheetLimits(max_columns=2, max_cell_chars=10)
    with pytest.raises(SheetRefused, match="一行超过 46 个字符"):
        read_csv_rows("," * 47 + "\n", ",", limits)
    monkeypatch.setattr(guard, "MAX_SCANNED_ROWS", 10)
    with pytest.raises(SheetRefused, match="空行"):
        read_csv_rows("a\n" + "\n" * 10, ",")
    monkeypatch.setattr(guard, "MAX_CSV_CHARS", 100)
    with pytest.raises(SheetRefused, match="文件过大"):
        read_csv_rows("a\n" * 51, ",")
