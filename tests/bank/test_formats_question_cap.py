"""One bank file imports at most 5,000 questions, whatever its format; 5,000 still go in.

50,000 imported questions made the bank's export take 22 s and its search 4.5 s; no themed week
needs more than a few hundred (docs/bank-formats.md).
"""

from __future__ import annotations

import json

import pytest

from quiz.bank.formats import read_csv, read_json, read_xlsx
from tests.helpers.spreadsheet_bombs import csv_text, many_rows_sheet

CAP = 5_000
HEADER = ("题型", "题干", "答案")
REFUSAL = "最多导入 5000 道题"


def rows(count: int) -> list[tuple[str, ...]]:
    return [HEADER] + [("填空", f"第{n}题:网络安全靠____。", "人民") for n in range(count)]


def bank_json(count: int) -> bytes:
    questions = [
        {
            "id": f"q{n}",
            "type": "fill_blank",
            "stem": f"第{n}题:网络安全靠____。",
            "answer": ["人民"],
        }
        for n in range(count)
    ]
    return json.dumps({"schema_version": 1, "sources": [], "questions": questions}).encode()


READERS = {
    "json": (read_json, bank_json),
    "csv": (read_csv, lambda count: csv_text(rows(count)).encode()),
    "xlsx": (read_xlsx, lambda count: many_rows_sheet(rows(count))),
}


@pytest.mark.parametrize("fmt", READERS)
def test_the_cap_itself_imports(fmt):
    reader, build = READERS[fmt]
    result = reader(build(CAP))
    assert result.errors == [] and len(result.questions) == CAP


@pytest.mark.parametrize("fmt", READERS)
def test_one_question_more_is_refused_as_a_whole(fmt):
    reader, build = READERS[fmt]
    result = reader(build(CAP + 1))
    assert result.importable == [] and len(result.errors) == 1
    assert result.errors[0].line == 0 and REFUSAL in result.errors[0].message


def test_blank_spacer_rows_do_not_count():
    """A blank row after each question: 4,999 questions on 9,998 lines still import."""
    spaced = [row for pair in zip(rows(CAP)[1:], [("",) * 3] * CAP, strict=True) for row in pair]
    result = read_csv(csv_text([HEADER, *spaced[: 2 * CAP - 2]]).encode())
    assert result.errors == [] and len(result.questions) == CAP - 1
