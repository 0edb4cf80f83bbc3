"""Canonical bank JSON: the lossless exchange format and the form banks are committed in.

Deliberately tiny and self-contained: sorted keys, two-space indent, real UTF-8 characters
(reviewers read Chinese diffs) and a trailing newline, so the same bank always produces the
same bytes. Deep validation of questions belongs to the bank loader; this reader only checks
the envelope so an obviously wrong file is reported instead of raising.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from quiz import bounded_json

from ..constants import READABLE_SCHEMA_VERSIONS
from .schema import (
    MAX_IMPORT_QUESTIONS,
    TOO_MANY_QUESTIONS,
    WHOLE_FILE,
    ImportResult,
    RowError,
    file_error,
)


def dumps_canonical(bank: Mapping[str, Any]) -> str:
    """Serialise ``bank`` deterministically: sorted keys, indent 2, non-ASCII kept, final newline."""
    return json.dumps(bank, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_json(bank: Mapping[str, Any]) -> bytes:
    """The canonical JSON of ``bank`` as UTF-8 bytes (no BOM)."""
    return dumps_canonical(bank).encode("utf-8")


def read_json(data: bytes) -> ImportResult:
    """Parse a canonical bank JSON file into questions and sources.

    Problems (not UTF-8, malformed JSON or nested deeper than ``bounded_json.MAX_DEPTH``, wrong
    ``schema_version``, more than ``MAX_IMPORT_QUESTIONS`` questions, questions without an
    ``id``, duplicate ids) are returned as errors; nothing is raised for bad input.
    """
    try:
        # utf-8-sig: tolerate a BOM added by Windows editors; json itself forbids one.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return file_error("文件不是 UTF-8 编码的 JSON")
    try:
        bank = bounded_json.loads(text)  # a JSONDecodeError when nested too deep
    except json.JSONDecodeError as exc:
        return ImportResult(errors=[RowError(exc.lineno, "", f"JSON 格式错误:{exc.msg}")])
    if not isinstance(bank, dict):
        return file_error("JSON 顶层应为对象(含 schema_version、sources、questions)")
    if bank.get("schema_version") not in READABLE_SCHEMA_VERSIONS:
        found = bank.get("schema_version")
        allowed = " 或 ".join(str(v) for v in READABLE_SCHEMA_VERSIONS)
        return file_error(f"不支持的 schema_version:{found!r},应为 {allowed}")
    questions, sources = bank.get("questions"), bank.get("sources", [])
    if not isinstance(questions, list) or not isinstance(sources, list):
        return file_error("questions 与 sources 都应为数组")
    if len(questions) > MAX_IMPORT_QUESTIONS:
        return file_error(TOO_MANY_QUESTIONS)

    result = ImportResult(sources=[s for s in sources if isinstance(s, dict)])
    first_position: dict[str, int] = {}
    for position, question in enumerate(questions):
        where = f"questions[{position}]"
        if not isinstance(question, dict) or not isinstance(question.get("id"), str):
            result.errors.append(RowError(WHOLE_FILE, where, "题目应为对象且带字符串 id"))
            continue
        question_id = question["id"]
        if question_id in first_position:
            earlier = f"questions[{first_position[question_id]}]"
            result.errors.append(
                RowError(WHOLE_FILE, where, f"id「{question_id}」与 {earlier} 重复")
            )
            continue
        first_position[question_id] = position
        result.questions.append(question)
    return result
