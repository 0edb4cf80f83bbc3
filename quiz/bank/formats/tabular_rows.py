"""One spreadsheet row -> one canonical question, with every check organizers need.

Each row is checked completely so one import reports all of its problems; messages are in
Chinese and name the column (e.g. ``答案``) so organizers can fix the sheet directly.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from quiz import bounded_json

from .schema import (
    MAX_DIFFICULTY,
    MIN_DIFFICULTY,
    OPTION_COUNT_LIMITS,
    OPTION_LETTERS,
    QUESTION_TYPE_NAMES,
    STATUS_NAMES,
    THEMED_DAY_NAMES,
    TRUE_FALSE_OPTIONS,
    RowError,
)
from .tabular_layout import OPTION_COLUMNS, restore

MAX_ID_LENGTH = 128
_LIST_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_LETTER_SEPARATORS = re.compile(r"[\s,，、;；]+")
_TYPE_BY_NAME = {
    alias: code for code, name in QUESTION_TYPE_NAMES.items() for alias in (code, name, f"{name}题")
}
_DAY_BY_NAME = {
    alias: code
    for code, name in THEMED_DAY_NAMES.items()
    for alias in (code, name, name.removesuffix("日"))
}
_STATUS_BY_NAME = {alias: code for code, name in STATUS_NAMES.items() for alias in (code, name)}
_TRUE_WORDS = {"正确", "对", "√", "✓", "T", "TRUE"}
_FALSE_WORDS = {"错误", "错", "×", "✗", "F", "FALSE"}
_OFFSETS = re.compile(r"(\d+)-(\d+)")


def derived_id(question: Mapping[str, Any]) -> str:
    """Deterministic id for a row without one: re-importing the same row gives the same id."""
    basis = [question["type"], question["stem"], question.get("options", []), question["answer"]]
    digest = hashlib.sha256(json.dumps(basis, ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"imp-{digest[:16]}"


def parse_row(line: int, cells: Mapping[str, str]) -> tuple[dict[str, Any] | None, list[RowError]]:
    """Turn one data row (header name -> raw cell text) into a question, or report why not.

    Every check runs so one pass reports all of the row's problems. The question is None when
    there is at least one error. Rows without an id get ``derived_id``.
    """
    parser = _RowParser(line, cells)
    question = parser.parse()
    return (None if parser.errors else question), parser.errors


class _RowParser:
    def __init__(self, line: int, cells: Mapping[str, str]) -> None:
        self.line = line
        # 原句 is kept verbatim (offsets point at it); other cells are trimmed for humans.
        self.cells = {
            column: restore(value if column == "原句" else value.strip())
            for column, value in cells.items()
        }
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.line, column, message))

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def parse(self) -> dict[str, Any]:
        question: dict[str, Any] = {"stem": self.get("题干")}
        if not question["stem"]:
            self.error("题干", "题干不能为空")
        qtype = self._question_type()
        if qtype is not None:
            question["type"] = qtype
            self._options_and_answer(qtype, question)
        question["explanation"] = self.get("解析")
        question["themed_days"] = self._themed_days()
        question["difficulty"] = self._difficulty()
        question["status"] = self._status()
        self._provenance(question)
        question_id = self.get("id")
        if len(question_id) > MAX_ID_LENGTH:
            self.error("id", f"id 过长(最多 {MAX_ID_LENGTH} 个字符)")
        if not self.errors:
            question["id"] = question_id or derived_id(question)
        return question

    def _question_type(self) -> str | None:
        text = self.get("题型")
        qtype = _TYPE_BY_NAME.get(text) or _TYPE_BY_NAME.get(text.lower())
        if qtype is None:
            found = f"「{text}」" if text else "为空"
            self.error("题型", f"题型{found}无法识别,应为 单选/多选/判断/填空")
        return qtype

    def _filled_options(self) -> list[str]:
        options = [self.get(column) for column in OPTION_COLUMNS]
        while options and not options[-1]:
            options.pop()
        for letter, text in zip(OPTION_LETTERS, options, strict=False):
            if not text:
                self.error(
                    f"选项{letter}", f"选项{letter}为空,但其后还有选项;选项须从 A 起连续填写"
                )
        return options

    def _options_and_answer(self, qtype: str, question: dict[str, Any]) -> None:
        options, answer_text = self._filled_options(), self.get("答案")
        if qtype == "fill_blank":
            if options:
                self.error("选项A", "填空题不应填写选项")
            accepted = [text.strip() for text in re.split(r"[|｜]", answer_text)]
            question["answer"] = [text for text in accepted if text]
            if not question["answer"]:
                self.error("答案", "填空题至少要有一个可接受答案(多个用 | 分隔)")
        elif qtype == "true_false":
            if options and options != TRUE_FALSE_OPTIONS:
                self.error("选项A", "判断题的选项应留空,或依次为 正确、错误")
            question["options"] = list(TRUE_FALSE_OPTIONS)
            word = unicodedata.normalize("NFKC", answer_text).upper()
            if word in _TRUE_WORDS or word in _FALSE_WORDS:
                question["answer"] = [0 if word in _TRUE_WORDS else 1]
            else:
                self.error("答案", f"判断题答案应为 正确 或 错误,实际为「{answer_text}」")
        else:
            question["options"] = options
            self._check_option_count(qtype, options)
            question["answer"] = self._choice_answer(qtype, options, answer_text)

    def _check_option_count(self, qtype: str, options: list[str]) -> None:
        low, high = OPTION_COUNT_LIMITS[qtype]
        name, expected = QUESTION_TYPE_NAMES[qtype], str(low) if low == high else f"{low}–{high}"
        if not low <= len(options) <= high:
            problem = "选项过多" if len(options) > high else "选项不足"
            # Point at the first surplus option, or at the first missing one.
            column = OPTION_COLUMNS[high if len(options) > high else len(options)]
            self.error(column, f"{problem}:{name}题须有 {expected} 个选项,实际 {len(options)} 个")
        seen: dict[str, str] = {}
        for letter, text in zip(OPTION_LETTERS, options, strict=False):
            if text and text in seen:
                self.error(f"选项{letter}", f"选项{letter}与选项{seen[text]}相同")
            seen.setdefault(text, letter)

    def _choice_answer(self, qtype: str, options: list[str], answer_text: str) -> list[int]:
        letters = _LETTER_SEPARATORS.sub("", unicodedata.normalize("NFKC", answer_text).upper())
        if not letters:
            self.error("答案", "答案不能为空")
            return []
        indices: list[int] = []
        for letter in letters:
            index = OPTION_LETTERS.find(letter)
            if index < 0:
                self.error("答案", f"答案只能由字母 A–F 组成,发现「{letter}」")
            elif index >= len(options) or not options[index]:
                self.error("答案", f"答案 {letter} 对应的选项{letter}为空")
            elif index in indices:
                self.error("答案", f"答案字母 {letter} 重复")
            else:
                indices.append(index)
        if qtype == "single_choice" and len(letters) != 1:
            self.error("答案", f"单选题只能有一个答案,实际为「{letters}」")
        if qtype == "multiple_choice" and len(letters) < 2:
            self.error("答案", f"多选题至少要有两个正确答案,实际为「{letters}」")
        return sorted(indices)

    def _themed_days(self) -> list[str]:
        days: list[str] = []
        for token in filter(None, _LIST_SEPARATORS.split(self.get("主题日"))):
            code = _DAY_BY_NAME.get(token) or _DAY_BY_NAME.get(token.lower())
            if code is None:
                names = "、".join(THEMED_DAY_NAMES.values())
                self.error("主题日", f"未知主题日「{token}」,可选:{names}")
            elif code not in days:
                days.append(code)
        return days

    def _difficulty(self) -> int:
        text = unicodedata.normalize("NFKC", self.get("难度"))
        if not text:
            return MIN_DIFFICULTY  # unrated rows default to the easiest level
        if text.isdigit() and MIN_DIFFICULTY <= int(text) <= MAX_DIFFICULTY:
            return int(text)
        self.error("难度", f"难度应为 {MIN_DIFFICULTY}–{MAX_DIFFICULTY} 的整数,实际为「{text}」")
        return MIN_DIFFICULTY

    def _status(self) -> str:
        text = self.get("状态")
        if not text:
            return "draft"  # spreadsheet rows go through review before they are played
        status = _STATUS_BY_NAME.get(text) or _STATUS_BY_NAME.get(text.lower())
        if status is None:
            self.error("状态", f"未知状态「{text}」,应为 已通过/草稿/已停用")
        return status or "draft"

    def _provenance(self, question: dict[str, Any]) -> None:
        source_text, sentence = self.get("出处"), self.get("原句")
        if source_text:
            source_id, hash_mark, offsets = source_text.rpartition("#")
            match = _OFFSETS.fullmatch(offsets)
            if not hash_mark:
                question["source"] = {"id": source_text}
            elif source_id and match and int(match[1]) <= int(match[2]):
                question["source"] = {"id": source_id, "start": int(match[1]), "end": int(match[2])}
            else:
                self.error(
                    "出处",
                    "出处格式应为 来源ID#起-止,例如 sichuan-2021-cybersecurity-week#1234-1270",
                )
            if sentence and "source" in question:
                question["source"]["sentence"] = sentence
        elif sentence:
            self.error("出处", "填写了原句但缺少出处")
        if self.get("知识点"):
            question["fact"] = self.get("知识点")
        if self.get("生成规则"):
            question["generator"] = self._generator(self.get("生成规则"))

    def _generator(self, text: str) -> dict[str, Any]:
        if text.startswith("{"):
            try:
                generator = bounded_json.loads(text)  # a cell may hold 32,767 brackets
            except json.JSONDecodeError:
                generator = None
            if isinstance(generator, dict):
                return generator
            self.error("生成规则", "生成规则应为 规则@版本 或 JSON 对象")
            return {}
        rule, at, version = text.rpartition("@")
        return {"rule": rule, "version": version} if at else {"rule": text}
