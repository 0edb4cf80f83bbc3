"""Canonical JSON read/write of bank files (``question_bank/*.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from .constants import READABLE_SCHEMA_VERSIONS


class BankFormatError(ValueError):
    """The file is not a bank this code can read."""


def dumps_bank(bank: dict) -> str:
    """The canonical text of a bank: UTF-8 JSON, indent 2, sorted keys, trailing newline."""
    return json.dumps(bank, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def validate_bank(bank: object, origin: str = "题库") -> dict:
    """Check the top-level shape; return the bank or raise :class:`BankFormatError`.

    Versions 1 and 2 both read: version 1 questions simply lack ``quality``/``recommended``.
    """
    if not isinstance(bank, dict):
        raise BankFormatError(f"{origin} 必须是 JSON 对象")
    version = bank.get("schema_version")
    if version not in READABLE_SCHEMA_VERSIONS:
        supported = "、".join(str(v) for v in READABLE_SCHEMA_VERSIONS)
        raise BankFormatError(
            f"{origin} 的 schema_version 为 {version!r}，本程序只支持 {supported}"
        )
    if not isinstance(bank.get("sources"), list) or not isinstance(bank.get("questions"), list):
        raise BankFormatError(f"{origin} 缺少 sources 或 questions 列表")
    for question in bank["questions"]:
        if not isinstance(question, dict) or "id" not in question:
            raise BankFormatError(f"{origin} 中有题目不是对象或缺少 id")
    return bank


def load_bank_file(path: str | Path) -> dict:
    """Read and validate a bank file."""
    file_path = Path(path)
    try:
        raw = file_path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise BankFormatError(f"无法读取题库文件 {file_path}：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BankFormatError(f"题库文件 {file_path} 不是 UTF-8 编码") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BankFormatError(
            f"题库文件 {file_path} 不是合法 JSON：第 {exc.lineno} 行 {exc.msg}"
        ) from exc
    return validate_bank(data, f"题库文件 {file_path}")
