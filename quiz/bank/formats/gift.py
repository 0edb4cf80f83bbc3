"""Export to Moodle's GIFT text format (export only).

Each question is written as::

    // id: sichuan-finance-0001
    // 主题日: 金融日、电信日
    ::前 30 字::[html]题干{
    =正确选项
    ~错误选项
    ####解析
    }

Multiple choice uses ``~%50%``-style weights (same grades as the Moodle XML export), true/false
``{T}``/``{F}``, fill-blank ``{=答案一 =答案二}`` (a short-answer question). ``$CATEGORY:``
lines file questions under ``$course$/top/网安周/<主题日>``. Texts are HTML-escaped, newlines
become ``<br>`` (a blank line would end the question), then GIFT's special characters
``~ = # { } :`` and the backslash itself are escaped with a backslash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .lms_common import (
    choice_percents,
    clean_text,
    group_by_category,
    question_name,
    short_answer_literal,
    text_to_html,
)
from .schema import THEMED_DAY_NAMES, TRUE_FALSE_OPTIONS

GIFT_MIMETYPE = "text/plain; charset=utf-8"
GIFT_SPECIAL_CHARACTERS = "~=#{}:"


def escape_gift(text: str) -> str:
    """Backslash-escape GIFT's special characters; the backslash goes first so it is not doubled."""
    escaped = text.replace("\\", "\\\\")
    for char in GIFT_SPECIAL_CHARACTERS:
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def write_gift(questions: Iterable[Mapping[str, Any]], *, by_themed_day: bool = True) -> bytes:
    """GIFT text (UTF-8 bytes) for ``questions``, questions separated by blank lines.

    Raises ValueError for a question with an unknown type or an answer that does not match
    its options.
    """
    blocks: list[str] = []
    for path, members in group_by_category(questions, by_themed_day):
        blocks.append(f"$CATEGORY: {path}")
        blocks.extend(_question_block(question) for question in members)
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _html(text: Any) -> str:
    return escape_gift(text_to_html(text))


def _question_block(question: Mapping[str, Any]) -> str:
    lines = [f"// id: {_one_line(question.get('id', ''))}"]
    days = question.get("themed_days") or []
    if days:
        lines.append(f"// 主题日: {'、'.join(THEMED_DAY_NAMES.get(day, day) for day in days)}")
    title = escape_gift(question_name(question))
    lines.append(f"::{title}::[html]{_html(question.get('stem', ''))}{{")
    lines.extend(_answer_lines(question))
    if question.get("explanation"):
        lines.append(f"####{_html(question['explanation'])}")
    lines.append("}")
    return "\n".join(lines)


def _answer_lines(question: Mapping[str, Any]) -> list[str]:
    qtype, answer = question["type"], question["answer"]
    if qtype == "true_false":
        return ["T" if answer[0] == TRUE_FALSE_OPTIONS.index("正确") else "F"]
    if qtype == "fill_blank":
        # Short answers are compared as plain text, so they are not HTML-escaped.
        return [f"={escape_gift(short_answer_literal(text))}" for text in answer]
    percents = choice_percents(question)
    if qtype == "single_choice":
        marks = ["=" if percent == "100" else "~" for percent in percents]
    else:
        marks = [f"~%{percent}%" for percent in percents]
    return [
        f"{mark}{_html(option)}" for mark, option in zip(marks, question["options"], strict=True)
    ]


def _one_line(text: Any) -> str:
    # A line break would end a "//" comment early or split a short answer.
    return " ".join(clean_text(text).split())
