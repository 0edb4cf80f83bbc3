"""Vocabulary and result types shared by every bank exchange format.

The formats package is pure Python (no Flask, no SQLAlchemy) so the CLI, the admin views and
the tests can all use it. The vocabulary below is the canonical bank JSON schema's, derived from
the one definition in :mod:`quiz.bank.constants`; spreadsheets use the short type names (单选).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..constants import GENERAL_LABEL, GENERAL_TAG, THEMED_DAYS, QuestionStatus, QuestionType

# Canonical themed-day codes -> the Chinese names organizers write, in programme order.
THEMED_DAY_NAMES: dict[str, str] = {**THEMED_DAYS, GENERAL_TAG: GENERAL_LABEL}

# Spreadsheet cells name a type without its 题 (单选, 多选, 判断, 填空).
QUESTION_TYPE_NAMES: dict[str, str] = {t.value: t.label.removesuffix("题") for t in QuestionType}

STATUS_NAMES: dict[str, str] = QuestionStatus.labels()

TRUE_FALSE_OPTIONS: list[str] = ["正确", "错误"]

# Spreadsheets have columns 选项A…选项F, so six options is a hard limit of every format.
OPTION_LETTERS = "ABCDEF"

# Allowed option counts per choice type (inclusive), as the bank schema defines them.
OPTION_COUNT_LIMITS: dict[str, tuple[int, int]] = {
    "single_choice": (4, 4),
    "multiple_choice": (4, 6),
}

MIN_DIFFICULTY, MAX_DIFFICULTY = 1, 3

# Line number used for problems that concern the whole file rather than one row.
WHOLE_FILE = 0

# Questions one imported file may hold (JSON, CSV or XLSX). A themed week needs a few hundred
# (the seed article gives 182); 5,000 is many weeks' worth. A 50,000-row import was accepted
# before this cap, and then the bank's export took 22 s and its search 4.5 s.
MAX_IMPORT_QUESTIONS = 5_000
TOO_MANY_QUESTIONS = (
    f"题目过多：一个文件最多导入 {MAX_IMPORT_QUESTIONS} 道题（一届网安周通常只需几百道）。"
    "更大的文件会让题库的导出和搜索明显变慢，请拆分成多个文件分别导入。"
)


@dataclass(frozen=True)
class RowError:
    """One problem found while importing.

    ``line`` is the spreadsheet row number as Excel/WPS show it (header = line 1) for CSV and
    XLSX, the text line for malformed JSON, and ``WHOLE_FILE`` (0) for file-level problems.
    ``column`` is the column header (e.g. ``答案``) or a field path; empty when not applicable.
    """

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = "整个文件" if self.line == WHOLE_FILE else f"第 {self.line} 行"
        return (
            f"{where}「{self.column}」:{self.message}" if self.column else f"{where}:{self.message}"
        )


@dataclass
class ImportResult:
    """Questions parsed from a file plus every problem found in it.

    Contract for callers: import nothing when ``errors`` is non-empty. ``questions`` still holds
    the rows that parsed cleanly so a preview can show them next to the errors, but a partial
    import would leave the bank out of step with the organizer's file; use ``importable``.
    ``sources`` is only filled by formats that carry bank-level sources (JSON).
    """

    questions: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file had no problems at all."""
        return not self.errors

    @property
    def importable(self) -> list[dict[str, Any]]:
        """The questions to import: all of them when the file is clean, otherwise none."""
        return list(self.questions) if self.ok else []


def file_error(message: str) -> ImportResult:
    """An ImportResult carrying one whole-file error (bad encoding, not a spreadsheet, …)."""
    return ImportResult(errors=[RowError(WHOLE_FILE, "", message)])
