"""Export to Moodle XML (export only: the bank's own formats are the way back in).

Mapping: single/multiple choice -> ``multichoice`` (``single`` true/false), true_false ->
``truefalse``, fill_blank -> ``shortanswer`` with every accepted answer at 100%. The explanation
becomes ``generalfeedback``, the bank id ``idnumber``, themed days become tags, and questions
are filed under ``$course$/top/网安周/<主题日>`` categories. Texts are plain text turned into
escaped HTML, then escaped again by ElementTree as XML, so no CDATA is needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
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

MOODLE_XML_MIMETYPE = "application/xml"
# Moodle's own defaults: a third of the mark lost per retry, all of it for true/false.
_PENALTY = {"truefalse": "1", "default": "0.3333333"}
_MOODLE_TYPE = {
    "single_choice": "multichoice",
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "fill_blank": "shortanswer",
}


def write_moodle_xml(
    questions: Iterable[Mapping[str, Any]], *, by_themed_day: bool = True
) -> bytes:
    """Moodle XML bytes (UTF-8) for ``questions``, grouped into themed-day categories.

    With ``by_themed_day`` False all questions go into ``$course$/top/网安周``. Callers choose
    which statuses to export. Raises ValueError for a question with an unknown type or an
    answer that does not match its options.
    """
    quiz = ET.Element("quiz")
    for path, members in group_by_category(questions, by_themed_day):
        category = ET.SubElement(quiz, "question", type="category")
        _text(ET.SubElement(category, "category"), path)
        for question in members:
            quiz.append(_question_element(question))
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def _text(parent: ET.Element, text: str) -> ET.Element:
    ET.SubElement(parent, "text").text = clean_text(text)
    return parent


def _formatted(parent: ET.Element, tag: str, html_text: str, fmt: str = "html") -> ET.Element:
    return _text(ET.SubElement(parent, tag, format=fmt), html_text)


def _question_element(question: Mapping[str, Any]) -> ET.Element:
    moodle_type = _MOODLE_TYPE[question["type"]]
    element = ET.Element("question", type=moodle_type)
    _text(ET.SubElement(element, "name"), question_name(question))
    _formatted(element, "questiontext", text_to_html(question.get("stem", "")))
    _formatted(element, "generalfeedback", text_to_html(question.get("explanation", "")))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = _PENALTY.get(moodle_type, _PENALTY["default"])
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = clean_text(question.get("id", ""))
    if moodle_type == "multichoice":
        _add_choices(element, question)
    elif moodle_type == "truefalse":
        is_true = question["answer"][0] == TRUE_FALSE_OPTIONS.index("正确")
        _add_answer(element, "true", "100" if is_true else "0", "moodle_auto_format")
        _add_answer(element, "false", "0" if is_true else "100", "moodle_auto_format")
    else:
        ET.SubElement(element, "usecase").text = "0"
        for accepted in question["answer"]:
            _add_answer(element, short_answer_literal(accepted), "100", "moodle_auto_format")
    days = question.get("themed_days") or []
    if days:
        tags = ET.SubElement(element, "tags")
        for day in days:
            _text(ET.SubElement(tags, "tag"), THEMED_DAY_NAMES.get(day, day))
    return element


def _add_choices(element: ET.Element, question: Mapping[str, Any]) -> None:
    single = question["type"] == "single_choice"
    ET.SubElement(element, "single").text = "true" if single else "false"
    # Chinese papers often end with "以上都是"; shuffling would break such options.
    ET.SubElement(element, "shuffleanswers").text = "false"
    ET.SubElement(element, "answernumbering").text = "ABCD"
    for option, percent in zip(question["options"], choice_percents(question), strict=True):
        _add_answer(element, text_to_html(option), percent, "html")


def _add_answer(element: ET.Element, text: str, percent: str, fmt: str) -> None:
    answer = _text(ET.SubElement(element, "answer", fraction=percent, format=fmt), text)
    _formatted(answer, "feedback", "", fmt)
