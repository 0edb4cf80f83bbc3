"""Candidate filtering shared by the distractor pickers (distractors, outsiders)."""

from __future__ import annotations

from .document import Document
from .textutil import compare_key


def related_names(first: str, second: str) -> bool:
    """Same thing or one a kind of the other: substring, or (3+ characters) a subsequence
    (冒充客服 is a kind of 冒充电商物流客服's category; 文化和旅游厅 / 省文化和旅游厅)."""
    if first in second or second in first:
        return True
    short, long = sorted((first, second), key=len)
    if len(short) < 3:
        return False
    position = 0
    for char in long:
        if position < len(short) and char == short[position]:
            position += 1
    return position == len(short)


def unique_candidates(
    answer: str, candidates: list[str], document: Document | None = None, *, unseen: bool = False
) -> list[str]:
    """``candidates`` without repeats or the answer (compared by key), in order; ``unseen``
    also drops any that the article mentions."""
    seen = {compare_key(answer)}
    result = []
    article_key = document.compare_key if document is not None else ""
    for candidate in candidates:
        key = compare_key(candidate)
        if not key or key in seen:
            continue
        if unseen and key in article_key:
            continue
        seen.add(key)
        result.append(candidate)
    return result
