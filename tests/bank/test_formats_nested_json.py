"""Bank readers report deeply nested JSON as an error and never raise RecursionError.

JSON reaches the readers twice: a whole ``.json`` bank file, and the 生成规则 cell of a CSV/XLSX
row, which may hold a JSON object.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from quiz.bank.formats import FORMATS, read_csv, read_json, read_xlsx

DEPTH = 100_000
#: Deep enough to exhaust the stack, short enough for one spreadsheet cell (Excel: 32,767).
CELL_DEPTH = 5_000
DEEP_GENERATOR = '{"rule":' + "[" * CELL_DEPTH + "]" * CELL_DEPTH + "}"
HEADER = ["题型", "题干", "答案", "生成规则"]
ROW = ["填空", "网络安全宣传周的主题是网络安全为人民、网络安全靠____。", "人民"]


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * DEPTH + b"]" * DEPTH,
        b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
        b'{"schema_version": 1, "sources": [], "questions": ['
        + b"[" * DEPTH
        + b"]" * DEPTH
        + b"]}",
    ],
    ids=["array", "object", "inside-questions"],
)
def test_deep_json_bank_is_one_error(payload):
    result = read_json(payload)
    assert result.questions == [] and len(result.errors) == 1
    assert "嵌套" in str(result.errors[0])


def test_registry_json_importer_is_guarded_too():
    result = FORMATS["json"].importer(b"[" * DEPTH + b"]" * DEPTH)
    assert result.errors and not result.importable


def test_deep_generator_cell_in_csv_is_a_row_error():
    lines = [",".join(HEADER), ",".join(ROW) + ',"' + DEEP_GENERATOR.replace('"', '""') + '"']
    result = read_csv("\n".join(lines).encode())
    assert [(error.line, error.column) for error in result.errors] == [(2, "生成规则")]


def test_deep_generator_cell_in_xlsx_is_a_row_error():
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append([*ROW, DEEP_GENERATOR])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read_xlsx(buffer.getvalue())
    assert [(error.line, error.column) for error in result.errors] == [(2, "生成规则")]
