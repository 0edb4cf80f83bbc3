"""CSV/XLSX bank formats: lossless round trips, injection safety, row-level validation."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from quiz.bank.formats import (
    COLUMNS,
    FORMATS,
    read_csv,
    read_json,
    read_xlsx,
    write_csv,
    write_json,
    write_xlsx,
)
from quiz.bank.formats.tabular_layout import neutralize, restore

SOURCE_ID = "sichuan-2021-cybersecurity-week"


def make_bank() -> dict[str, Any]:
    """A small bank with every question type and the awkward values exports must survive."""
    provenance = {"id": SOURCE_ID, "sentence": "本届网络安全宣传周于10月11日至17日开展。"}
    return {
        "schema_version": 1,
        "sources": [{"id": SOURCE_ID, "title": "四川网安周", "publisher": "华西都市报"}],
        "questions": [
            {
                "id": "sc-dates-0001",
                "type": "single_choice",
                "stem": "-四川省2021年网络安全宣传周于____开展。",
                "options": ["=SUM(A1)", "+1", "-2", "@x"],
                "answer": [2],
                "explanation": "'原文写明 10月11日至17日。\n第二行",
                "difficulty": 2,
                "themed_days": ["finance", "telecom"],
                "status": "approved",
                "fact": "week-dates",
                "source": {**provenance, "start": 120, "end": 141},
                "generator": {"rule": "date_cloze", "version": "1.0.0"},
            },
            {
                "id": "mc-days-0002",
                "type": "multiple_choice",
                "stem": "以下哪些属于“六大主题日”?",
                "options": ["校园日", "电信日", "航天日", "金融日", "以上都是", "\t制表符开头"],
                "answer": [0, 1, 3],
                "explanation": "",
                "difficulty": 3,
                "themed_days": ["general"],
                "status": "draft",
                "fact": "six-days",
                "source": {"id": SOURCE_ID, "sentence": " 前导空格的原句 ", "start": 5, "end": 14},
                "generator": {"rule": "list@member", "version": 2},
            },
            {
                "id": "tf-0003",
                "type": "true_false",
                "stem": "开幕式上表彰了200名网信工作先进个人代表。",
                "options": ["正确", "错误"],
                "answer": [1],
                "explanation": "=应为 200 名",
                "difficulty": 1,
                "themed_days": ["privacy", "youth", "campus", "law"],
                "status": "retired",
            },
            {
                "id": "fb-0004",
                "type": "fill_blank",
                "stem": "本届宣传周主题为“网络安全为人民,网络安全靠____”。",
                "answer": ["人民", "-1", "'引号"],
                "explanation": "主题见原文。",
                "difficulty": 1,
                "themed_days": [],
                "status": "approved",
                "source": {"id": SOURCE_ID},
            },
        ],
    }


@pytest.fixture
def bank() -> dict[str, Any]:
    return make_bank()


def csv_bytes(*rows: list[str], header: list[str] | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([header or COLUMNS, *rows])
    return buffer.getvalue().encode("utf-8")


def row(**cells: str) -> list[str]:
    """A CSV row in ``COLUMNS`` order from keyword cells (option letters as A..F)."""
    named = {f"选项{key}" if len(key) == 1 else key: value for key, value in cells.items()}
    return [named.get(column, "") for column in COLUMNS]


GOOD = {"题型": "单选", "题干": "题干", "A": "甲", "B": "乙", "C": "丙", "D": "丁", "答案": "B"}


def test_csv_round_trip_keeps_every_field(bank: dict[str, Any]) -> None:
    result = read_csv(write_csv(bank["questions"]))
    assert result.errors == []
    assert result.questions == bank["questions"]


def test_xlsx_round_trip_keeps_every_field(bank: dict[str, Any]) -> None:
    result = read_xlsx(write_xlsx(bank["questions"]))
    assert result.errors == []
    assert result.questions == bank["questions"]


def test_registry_json_round_trip_keeps_sources(bank: dict[str, Any]) -> None:
    exporter, importer, extension, mimetype = FORMATS["json"]
    payload = exporter(bank)
    assert payload == write_json(bank) and payload.endswith(b"}\n")
    assert "四川" in payload.decode("utf-8")  # real characters, not \u escapes
    result = importer(payload)
    assert (result.questions, result.sources, result.errors) == (
        bank["questions"],
        bank["sources"],
        [],
    )
    assert (extension, mimetype) == ("json", "application/json")


def test_registry_lists_every_format() -> None:
    assert set(FORMATS) == {"json", "csv", "xlsx", "moodle", "gift"}
    assert FORMATS["moodle"].importer is None and FORMATS["gift"].importer is None
    assert FORMATS["csv"].importer is read_csv and FORMATS["xlsx"].extension == "xlsx"


def test_csv_has_bom_and_header_first(bank: dict[str, Any]) -> None:
    payload = write_csv(bank["questions"])
    assert payload.startswith(b"\xef\xbb\xbf")
    assert payload.decode("utf-8-sig").splitlines()[0].split(",") == COLUMNS


def test_csv_neutralizes_formula_cells(bank: dict[str, Any]) -> None:
    text = write_csv(bank["questions"]).decode("utf-8-sig")
    first = dict(zip(COLUMNS, list(csv.reader(io.StringIO(text)))[1], strict=True))
    assert [first[f"选项{letter}"] for letter in "ABCD"] == ["'=SUM(A1)", "'+1", "'-2", "'@x"]
    assert first["题干"].startswith("'-四川省")
    assert first["解析"].startswith("''原文")  # a leading quote is escaped too


def test_xlsx_has_no_formula_cells_and_is_styled(bank: dict[str, Any]) -> None:
    sheet = load_workbook(io.BytesIO(write_xlsx(bank["questions"]))).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["D2"].value == "'=SUM(A1)"
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width >= 40  # the stem column is wide


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2", "@x", "\tx", "\rx", "'", "''=", "'a", "a=b"])
def test_neutralize_restore_is_exact(text: str) -> None:
    assert restore(neutralize(text)) == text


def test_hand_typed_leading_quote_is_kept() -> None:
    assert restore("'abc") == "'abc"  # not something the exporter would have produced


def test_bad_rows_are_all_reported_with_line_numbers() -> None:
    rows = [
        row(**GOOD, id="ok-1"),
        row(**{**GOOD, "题型": "问答"}),  # line 3
        row(**{**GOOD, "题干": ""}),
        row(**{**GOOD, "D": "", "答案": "D"}),  # option D empty (and only 3 options)
        row(**{**GOOD, "答案": "AB"}),
        row(**{**GOOD, "题型": "多选", "答案": "A"}),
        row(题型="判断", 题干="对吗", 答案="也许"),
        row(题型="填空", 题干="____", 答案=" | "),
        row(**{**GOOD, "难度": "5"}),
        row(**{**GOOD, "主题日": "金融日、航天日"}),  # line 11
        row(**GOOD, id="ok-1"),
        row(**{**GOOD, "E": "戊"}),
        row(**{**GOOD, "B": "", "答案": "A"}),
    ]
    result = read_csv(csv_bytes(*rows))
    found = {(error.line, error.column) for error in result.errors}
    assert found >= {
        (3, "题型"),
        (4, "题干"),
        (5, "答案"),
        (6, "答案"),
        (7, "答案"),
        (8, "答案"),
        (9, "答案"),
        (10, "难度"),
        (11, "主题日"),
        (12, "id"),
        (13, "选项E"),
        (14, "选项B"),
    }
    messages = {error.line: error.message for error in result.errors}
    assert "问答" in messages[3] and "单选" in messages[3]
    assert "航天日" in messages[11] and "与第 2 行重复" in messages[12]
    assert any("选项D为空" in e.message for e in result.errors if e.line == 5)
    assert all(error.line >= 3 for error in result.errors)  # the good row is not blamed
    assert [q["id"] for q in result.questions] == ["ok-1"]
    assert result.importable == []  # callers import nothing from a file with errors
    assert str(result.errors[0]).startswith("第 3 行「题型」")


def test_xlsx_errors_use_sheet_rows_and_title_row_is_skipped() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["2021 网安周题库"])
    sheet.append(["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "备注"])
    sheet.append(["单选", "题干", "甲", "乙", "丙", "丁", "C", "备注列被忽略"])
    sheet.append([])
    sheet.append(["判断", "判断题", None, None, None, None, True])
    # A formula is read as its cached value; openpyxl never computed one, so the stem is empty.
    sheet.append(["单选", "=1+1", "甲", "乙", "丙", "丁", 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read_xlsx(buffer.getvalue())
    assert [(e.line, e.column) for e in result.errors] == [(6, "题干"), (6, "答案")]
    assert [q["answer"] for q in result.questions] == [[2], [0]]


def test_missing_id_gets_stable_content_id_and_duplicates_are_caught() -> None:
    payload = csv_bytes(row(**GOOD), row(**{**GOOD, "题干": "另一题"}))
    first, second = read_csv(payload), read_csv(payload)
    ids = [q["id"] for q in first.questions]
    assert ids == [q["id"] for q in second.questions]
    assert len(set(ids)) == 2 and all(i.startswith("imp-") for i in ids)
    duplicated = read_csv(csv_bytes(row(**GOOD), row(**GOOD)))
    assert [(e.line, e.column) for e in duplicated.errors] == [(3, "id")]
    assert "题目内容" in duplicated.errors[0].message


def test_lenient_spellings_are_normalized() -> None:
    cells = {**GOOD, "题型": "多选题", "答案": "ａ, c", "主题日": "finance,电信，个人信息保护日"}
    result = read_csv(csv_bytes(row(**cells, 状态="approved", 难度="3")))
    assert result.errors == []
    question = result.questions[0]
    assert question["type"] == "multiple_choice" and question["answer"] == [0, 2]
    assert question["themed_days"] == ["finance", "telecom", "privacy"]
    assert (question["status"], question["difficulty"]) == ("approved", 3)


def test_defaults_for_optional_cells() -> None:
    header = ["题型", "题干", "答案"]
    result = read_csv(csv_bytes(["填空", "口令至少____位", "8|八"], header=header))
    assert result.errors == []
    assert result.questions[0] | {"id": "x"} == {
        "id": "x",
        "type": "fill_blank",
        "stem": "口令至少____位",
        "answer": ["8", "八"],
        "explanation": "",
        "difficulty": 1,
        "themed_days": [],
        "status": "draft",
    }


def test_header_problems_are_reported_on_line_one() -> None:
    missing = read_csv(csv_bytes(["单选", "题干"], header=["题型", "题干"]))
    assert [(e.line, e.message) for e in missing.errors] == [(1, "缺少必需的列:答案")]
    too_many = read_csv(csv_bytes(row(**GOOD) + ["己"], header=[*COLUMNS, "选项G"]))
    assert (1, "选项G") in {(e.line, e.column) for e in too_many.errors}


def test_gb18030_csv_from_chinese_excel_is_read() -> None:
    text = "题型,题干,选项A,选项B,选项C,选项D,答案\r\n单选,防范电信诈骗,甲,乙,丙,丁,A\r\n"
    result = read_csv(text.encode("gb18030"))
    assert result.errors == [] and result.questions[0]["stem"] == "防范电信诈骗"


def test_utf16_tab_separated_export_is_read() -> None:
    text = "题型\t题干\t答案\r\n判断\t要定期更新密码\t正确\r\n"
    result = read_csv(text.encode("utf-16"))
    assert result.errors == [] and result.questions[0]["answer"] == [0]


@pytest.mark.parametrize(
    "payload",
    [
        "type,stem,answer\nsingle,café résumé,A\n".encode("latin-1"),
        "Frage;Antwort\nÜber das Netz;Ä\n".encode("latin-1"),
        b"\xff\xfe\xfd\x80\x81 not text at all",
    ],
)
def test_undecodable_csv_gives_one_clear_error(payload: bytes) -> None:
    result = read_csv(payload)
    assert len(result.errors) == 1 and result.errors[0].line == 0
    assert "编码" in result.errors[0].message
    assert result.importable == []


@pytest.mark.parametrize(
    ("reader", "payload", "hint"),
    [
        (read_csv, b"PK\x03\x04rest-of-a-zip", "XLSX"),
        (read_csv, b"", "为空"),
        (read_csv, "题目,答案\n".encode(), "表头"),
        (read_xlsx, "题型,题干,答案\n".encode(), "不是 XLSX"),
        (read_xlsx, b"PK\x03\x04broken zip", "无法读取"),
        (read_xlsx, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1legacy", ".xls"),
        (read_json, b"{not json", "JSON"),
        (read_json, b'{"schema_version": 3, "questions": []}', "schema_version"),
    ],
)
def test_wrong_kind_of_file_gives_one_error(reader: Any, payload: bytes, hint: str) -> None:
    result = reader(payload)
    assert len(result.errors) == 1 and hint in result.errors[0].message
    assert result.questions == []


def test_header_only_file_has_no_questions_error() -> None:
    result = read_xlsx(write_xlsx([]))
    assert [e.message for e in result.errors] == ["文件中没有题目"]


def test_export_rejects_what_the_layout_cannot_hold(bank: dict[str, Any]) -> None:
    seven = {**bank["questions"][1], "options": list("一二三四五六七")}
    with pytest.raises(ValueError, match="选项超过 6 个"):
        write_csv([seven])
    pipe = {**bank["questions"][3], "answer": ["a|b"]}
    with pytest.raises(ValueError, match=r"\|"):
        write_xlsx([pipe])


BANK_FORMATS_DOC = Path(__file__).parents[2] / "docs" / "bank-formats.md"


@pytest.mark.skipif(
    not BANK_FORMATS_DOC.is_file(), reason="docs/ is in the repository only, not the package"
)
def test_documented_sample_imports_cleanly() -> None:
    doc = BANK_FORMATS_DOC.read_text(encoding="utf-8")
    sample = re.search(r"```csv\n(.*?)```", doc, re.DOTALL)
    assert sample is not None
    result = read_csv(sample[1].encode("utf-8"))
    assert result.errors == [] and len(result.questions) == 3
    assert result.questions[2]["stem"].startswith("-")  # the documented injection prefix undone
