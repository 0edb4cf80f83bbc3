"""The CSV/XLSX column layout, the formula-injection rule and question -> row export.

Shared by ``tabular`` (bytes, encodings, workbook styling) and ``tabular_rows`` (row checks).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .schema import (
    MIN_DIFFICULTY,
    OPTION_COUNT_LIMITS,
    OPTION_LETTERS,
    QUESTION_TYPE_NAMES,
    STATUS_NAMES,
    THEMED_DAY_NAMES,
    TRUE_FALSE_OPTIONS,
)

OPTION_COLUMNS = [f"选项{letter}" for letter in OPTION_LETTERS]
# Provenance columns trail the sheet: organizers edit the left part, machines read the right.
PROVENANCE_COLUMNS = ["出处", "原句", "知识点", "生成规则"]
EDITABLE_COLUMNS = ["id", "题型", "题干", *OPTION_COLUMNS, "答案", "解析", "主题日", "难度", "状态"]
COLUMNS = EDITABLE_COLUMNS + PROVENANCE_COLUMNS
REQUIRED_COLUMNS = ("题型", "题干", "答案")
# Headers seen in organizers' own templates, mapped onto ours.
HEADER_ALIASES = {
    "ID": "id",
    "编号": "id",
    "题目": "题干",
    "题目类型": "题型",
    "正确答案": "答案",
    "答案解析": "解析",
}

# Cells starting with these are formulas to Excel/WPS (tab and CR too, per OWASP's advice).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE_PREFIX = "'"
# The prefix itself is escaped as well, which makes neutralize/restore an exact bijection.
_ESCAPED_STARTS = (*FORMULA_TRIGGERS, ESCAPE_PREFIX)

FILL_BLANK_SEPARATOR = "|"


def neutralize(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (or that starts with ``'``)."""
    return ESCAPE_PREFIX + text if text.startswith(_ESCAPED_STARTS) else text


def restore(text: str) -> str:
    """Undo ``neutralize``: drop a leading ``'`` only where ``neutralize`` would have added it."""
    if text.startswith(ESCAPE_PREFIX) and text[1:].startswith(_ESCAPED_STARTS):
        return text[1:]
    return text


def question_to_row(question: Mapping[str, Any]) -> list[str | int]:
    """The cells of ``question`` in ``COLUMNS`` order, text cells already neutralized.

    Raises ValueError for questions the layout cannot represent (unknown type, more than six
    options, an answer index without an option, a fill-blank answer containing ``|``).
    """
    question_id, qtype = str(question.get("id", "")), question.get("type")
    if qtype not in QUESTION_TYPE_NAMES:
        raise ValueError(f"题目 {question_id}: 未知题型 {qtype!r}")
    options = list(question.get("options") or []) if qtype in OPTION_COUNT_LIMITS else []
    if len(options) > len(OPTION_LETTERS):
        raise ValueError(f"题目 {question_id}: 选项超过 {len(OPTION_LETTERS)} 个")
    answer_cell = _answer_cell(question_id, qtype, len(options), question.get("answer") or [])
    source = question.get("source") or {}
    source_cell = str(source.get("id", ""))
    if "start" in source and "end" in source:
        source_cell += f"#{source['start']}-{source['end']}"
    days = "、".join(THEMED_DAY_NAMES.get(day, day) for day in question.get("themed_days", []))
    text_cells = [
        question_id,
        QUESTION_TYPE_NAMES[qtype],
        question.get("stem", ""),
        *(options + [""] * (len(OPTION_LETTERS) - len(options))),
        answer_cell,
        question.get("explanation", ""),
        days,
    ]
    trailing = [source_cell, source.get("sentence", ""), question.get("fact", "")]
    trailing.append(_generator_cell(question.get("generator")))
    status = question.get("status", "")
    return [
        *(neutralize(str(cell)) for cell in text_cells),
        int(question.get("difficulty", MIN_DIFFICULTY)),
        neutralize(STATUS_NAMES.get(status, status)),
        *(neutralize(str(cell)) for cell in trailing),
    ]


def _answer_cell(question_id: str, qtype: str, option_count: int, answer: list[Any]) -> str:
    """Letters for choices, 正确/错误 for true/false, ``|``-joined strings for fill-blank;
    blank for a question exported without its key (the importer refuses a blank key)."""
    if not answer:
        return ""
    if qtype == "fill_blank":
        # The importer also splits on the full-width bar that Chinese IMEs type.
        if any(bar in str(text) for text in answer for bar in (FILL_BLANK_SEPARATOR, "｜")):
            raise ValueError(f"题目 {question_id}: 填空答案不能包含「{FILL_BLANK_SEPARATOR}」")
        return FILL_BLANK_SEPARATOR.join(str(text) for text in answer)
    labels = TRUE_FALSE_OPTIONS if qtype == "true_false" else OPTION_LETTERS[:option_count]
    valid = all(isinstance(index, int) and 0 <= index < len(labels) for index in answer)
    if not valid or (qtype == "true_false" and len(answer) != 1):
        raise ValueError(f"题目 {question_id}: 答案 {answer!r} 与选项不符")
    return "".join(labels[index] for index in sorted(answer))


def _generator_cell(generator: Mapping[str, Any] | None) -> str:
    """``rule@version`` when that round-trips exactly, otherwise the generator as JSON."""
    if not generator:
        return ""
    rule, version = generator.get("rule"), generator.get("version")
    plain = (
        isinstance(rule, str) and isinstance(version, str) and set(generator) == {"rule", "version"}
    )
    # The import splits on the last "@" and reads a leading "{" as JSON; avoid both ambiguities.
    if plain and rule and not rule.startswith("{") and "@" not in version:
        return f"{rule}@{version}"
    return json.dumps(generator, ensure_ascii=False, sort_keys=True)
