"""What the Moodle XML and GIFT exporters share: names, HTML text, grades and categories.

Keeping these in one place means a bank imported into Moodle grades the same whichever of the
two formats an organizer picked.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .schema import QUESTION_TYPE_NAMES, THEMED_DAY_NAMES

NAME_LENGTH = 30
CATEGORY_ROOT = "$course$/top/网安周"
GENERAL_CATEGORY = THEMED_DAY_NAMES["general"]
# Wrong options of a multiple-choice question cancel the whole question (Moodle clamps the
# total at 0): missing a correct option costs its share, ticking a wrong one scores nothing.
# This is the usual Chinese rule "少选得部分分,错选不得分".
WRONG_CHOICE_PERCENT = "-100"
# Characters XML 1.0 cannot carry at all; they never mean anything in a quiz text.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")


def clean_text(text: Any) -> str:
    """``text`` as a string without characters XML 1.0 forbids."""
    return _XML_ILLEGAL.sub("", str(text))


def question_name(question: Mapping[str, Any]) -> str:
    """The first 30 characters of the stem on one line (the id when the stem is empty)."""
    stem = _WHITESPACE.sub(" ", clean_text(question.get("stem", ""))).strip()
    return stem[:NAME_LENGTH] or str(question.get("id", ""))


def text_to_html(text: Any) -> str:
    """Plain text as an HTML fragment: ``& < >`` escaped, line breaks as ``<br>``."""
    escaped = html.escape(clean_text(text), quote=False)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def short_answer_literal(text: Any) -> str:
    """An accepted fill-blank answer as Moodle short-answer text (compared as plain text).

    Moodle reads ``*`` as a wildcard, so a literal asterisk is written ``\\*``; line breaks
    become spaces because an answer is one line.
    """
    return " ".join(clean_text(text).split()).replace("*", "\\*")


def format_percent(value: float) -> str:
    """Percent with at most five decimals, the precision Moodle's grade lists use (33.33333)."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def choice_percents(question: Mapping[str, Any]) -> list[str]:
    """Moodle grade percent for each option, in option order.

    Single choice: 100 for the answer, 0 otherwise. Multiple choice: each of the n correct
    options gets 100/n (50, 33.33333, 25, 20 or 16.66667 - all values Moodle offers, and their
    sum rounds to 100 as Moodle requires) and each wrong option ``WRONG_CHOICE_PERCENT``.
    """
    options, correct = question.get("options") or [], set(question.get("answer") or [])
    if question["type"] == "single_choice":
        return ["100" if index in correct else "0" for index in range(len(options))]
    share = format_percent(100 / max(len(correct), 1))
    return [share if index in correct else WRONG_CHOICE_PERCENT for index in range(len(options))]


def check_exportable(question: Mapping[str, Any]) -> None:
    """Raise ValueError when ``question`` has a type or answer an LMS export cannot express."""
    qtype, answer = question.get("type"), question.get("answer") or []
    if qtype not in QUESTION_TYPE_NAMES:
        raise ValueError(f"题目 {question.get('id')}: 未知题型 {qtype!r}")
    if not answer:
        raise ValueError(f"题目 {question.get('id')}: 没有答案")
    if qtype != "fill_blank":
        # true_false always has the two fixed options, even if a question dict omits them.
        option_count = 2 if qtype == "true_false" else len(question.get("options") or [])
        if not all(isinstance(index, int) and 0 <= index < option_count for index in answer):
            raise ValueError(f"题目 {question.get('id')}: 答案 {answer!r} 超出选项范围")


def category_of(question: Mapping[str, Any]) -> str:
    """Category path: the question's first themed day, or 通用 for week-wide questions."""
    days = question.get("themed_days") or []
    day_name = THEMED_DAY_NAMES.get(days[0], days[0]) if days else GENERAL_CATEGORY
    return f"{CATEGORY_ROOT}/{day_name}"


def group_by_category(
    questions: Iterable[Mapping[str, Any]], by_themed_day: bool
) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Questions grouped under their category, days in programme order, input order within.

    With ``by_themed_day`` False everything goes into the single ``CATEGORY_ROOT`` category.
    Every question passes ``check_exportable`` first, so nothing half-written is exported.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    if by_themed_day:
        for name in THEMED_DAY_NAMES.values():
            groups[f"{CATEGORY_ROOT}/{name}"] = []
    for question in questions:
        check_exportable(question)
        path = category_of(question) if by_themed_day else CATEGORY_ROOT
        groups.setdefault(path, []).append(question)
    return [(path, members) for path, members in groups.items() if members]
