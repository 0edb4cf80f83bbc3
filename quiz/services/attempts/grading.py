"""Grading of one answer against a paper's key (pure; shown-order indices throughout).

Rules (documented in docs/grading.md):

* ``single_choice`` / ``true_false``: full points for the one right option, else 0.
* ``multiple_choice``: full points only for exactly the right set. With partial credit on, each
  right option chosen earns ``1/k`` of the points and each wrong option chosen costs ``1/k``
  (k = number of right options), never below 0 — so ticking everything earns nothing
  whenever there are at least as many wrong options as right ones.
* ``fill_blank``: right when the text equals any accepted answer after normalization
  (NFKC, case-fold, white space and punctuation removed); see :func:`normalize_text`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from quiz.bank.constants import QuestionType

_IGNORED = re.compile(r"[\s\u3000，。、；：！？“”‘’\"'《》〈〉（）()\[\]【】,.;:!?·…—\-]+")


@dataclass(frozen=True)
class Grade:
    points: float
    is_correct: bool


def normalize_text(value: str) -> str:
    """Compare form of a typed answer: NFKC, case-folded, no spaces or punctuation."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", value or "").casefold())


def grade_choice(
    qtype: str, key: list[int], chosen: list[int], points: float, partial_credit: bool
) -> Grade:
    """Grade option indices (in the order shown) against the key."""
    right, picked = set(key), set(chosen)
    if picked == right:
        return Grade(float(points), True)
    if qtype != QuestionType.MULTIPLE_CHOICE or not partial_credit or not right:
        return Grade(0.0, False)
    share = points / len(right)
    earned = share * len(picked & right) - share * len(picked - right)
    return Grade(round(max(0.0, earned), 4), False)


def grade_text(accepted: list[str], text: str, points: float) -> Grade:
    """Grade a fill-in answer against the accepted forms."""
    typed = normalize_text(text)
    ok = bool(typed) and any(typed == normalize_text(option) for option in accepted)
    return Grade(float(points) if ok else 0.0, ok)


def grade(item: dict, *, choice: list[int] | None, text: str | None, partial_credit: bool) -> Grade:
    """Grade a response to one paper item (a snapshot dict with ``type``, ``key``, ``points``)."""
    if item["type"] == QuestionType.FILL_BLANK:
        return grade_text(item["key"], text or "", item["points"])
    return grade_choice(item["type"], item["key"], choice or [], item["points"], partial_credit)
