"""The pure spreadsheet module: encodings, file types, line numbers, CSV/XLSX writing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from quiz.services.spreadsheets import (
    SpreadsheetError,
    read_table,
    write_csv_bom,
    write_xlsx,
)

ROSTER = "姓名,班级,用户名\n张三,高一(1)班,\n\n李四,高一(2)班,lisi\n"


def test_utf8_csv_with_bom_keeps_line_numbers_across_blank_lines():
    table = read_table("名单.csv", ROSTER.encode("utf-8-sig"))
    assert table.columns == ["姓名", "班级", "用户名"]
    assert [(row.line, row.get("姓名")) for row in table.rows] == [(2, "张三"), (4, "李四")]
    assert table.rows[1].get("用户名") == "lisi"


def test_gb18030_csv_as_saved_by_chinese_excel():
    table = read_table("名单.CSV", ROSTER.encode("gb18030"))
    assert [row.get("班级") for row in table.rows] == ["高一(1)班", "高一(2)班"]


def test_tab_separated_text():
    table = read_table("a.txt", "姓名\t班级\n王五\t初二(3)班\n".encode())
    assert table.rows[0].values == {"姓名": "王五", "班级": "初二(3)班"}


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("a.csv", b"", "文件是空的"),
        ("a.csv", b"  \r\n ", "文件是空的"),
        ("a.csv", bytes(range(256)) * 4, "不是文本格式"),
        ("a.csv", b"\x81\xff\xfe\x80" * 20, "无法识别文件编码"),
        ("a.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "不支持旧版 .xls"),
        ("a.xlsx", b"PK\x03\x04 not really a zip", "无法读取该 Excel 文件"),
        ("a.pdf", b"%PDF-1.4 ...", "仅支持 CSV 或 XLSX"),
        ("a.csv", "姓名,姓名\n张三,李四\n".encode(), "重复的列"),
    ],
)
def test_unreadable_files_get_a_chinese_reason(filename, data, message):
    with pytest.raises(SpreadsheetError) as caught:
        read_table(filename, data)
    assert message in caught.value.message


def test_xlsx_round_trip_and_numbers_as_text():
    data = write_xlsx(
        [["姓名", "班级", "用户名"], ["张三", "高一(1)班", 2024001], [None, None, None]]
    )
    table = read_table("roster.xlsx", data)
    assert table.columns == ["姓名", "班级", "用户名"]
    assert [(row.line, row.get("用户名")) for row in table.rows] == [(2, "2024001")]


def test_xlsx_detected_by_content_even_when_named_csv():
    data = write_xlsx([["地区"], ["四川省"]])
    assert read_table("renamed.csv", data).rows[0].get("地区") == "四川省"


def test_csv_writer_adds_bom_and_neutralizes_formulas():
    data = write_csv_bom([["姓名", "密码"], ['=HYPERLINK("x")', "+1"], ["-2", "@a"], ["ok", 5]])
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[1] == '"\'=HYPERLINK(""x"")",\'+1'
    assert lines[2] == "'-2,'@a"
    assert lines[3] == "ok,5"


def test_xlsx_writer_never_writes_formulas():
    data = write_xlsx([["=1+1", "@SUM(A1)"]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A1"].value == "'=1+1" and sheet["A1"].data_type == "s"
    assert sheet["B1"].value == "'@SUM(A1)"
