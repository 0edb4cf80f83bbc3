"""Explanations and difficulty.

Explanation: the answer, then the source - publisher, date, article title and the exact
sentence: ``答案：72万元。出处：华西都市报 2021-10-11《…》：“…”``.

Difficulty (1 easy – 3 hard) = base by fact kind + adjustment by question type + length,
clamped to 1..3:

* base: slogans, terms, advice and statements 1; dates, places, people, titles and lists 2;
  counts and amounts 2, or 3 when they carry a qualifier (余/以上) or a 万/亿 unit;
* type: recall (fill_blank, multiple_choice) +1; recognition (true_false) -1;
* length: +1 when the source sentence is longer than 80 characters (the fact is buried).
"""

from __future__ import annotations

from .article import Article
from .constants import TRUE_FALSE_OPTIONS

_BASE = {
    "term": 1,
    "advice": 1,
    "statement": 1,
    "date": 2,
    "place": 2,
    "person": 2,
    "title": 2,
    "enumeration": 2,
}
_TYPE_ADJUST = {"fill_blank": 1, "multiple_choice": 1, "single_choice": 0, "true_false": -1}


def difficulty(kind: str, qtype: str, sentence_length: int, quantity=None) -> int:
    """Difficulty 1–3 by the documented rule."""
    if kind == "quantity":
        base = (
            3
            if quantity is not None
            and (quantity.qualifier or quantity.multiplier or quantity.suffix)
            else 2
        )
    else:
        base = _BASE.get(kind, 2)
    score = base + _TYPE_ADJUST[qtype] + (1 if sentence_length > 80 else 0)
    return max(1, min(3, score))


def source_label(article: Article) -> str:
    """``华西都市报 2021-10-11《title》`` with missing parts left out."""
    parts = " ".join(part for part in (article.publisher, article.date) if part)
    title = f"《{article.title}》" if article.title else ""
    return f"{parts}{title}" if parts or title else article.id


def explanation(question: dict, article: Article, sentence_display: str) -> str:
    """Answer plus the quoted source sentence and article."""
    qtype = question["type"]
    if qtype == "fill_blank":
        answer = question["answer"][0]
    elif qtype == "true_false":
        answer = TRUE_FALSE_OPTIONS[question["answer"][0]]
    else:
        answer = "、".join(question["options"][i] for i in question["answer"])
    return f"答案：{answer}。出处：{source_label(article)}：“{sentence_display}”"
