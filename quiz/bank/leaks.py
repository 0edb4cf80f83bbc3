"""Answers that other questions give away: what a paper draw must keep apart.

A paper must not hold a question whose answer stands in another question's stem or options
(``广元市`` blanked in one stem, printed in the next), and a question whose answer is part of
the context most stems carry (the host city 广元, the year 2021年) is not drawn at all with
stems that carry it. Pure functions on bank question dicts, for the draw in ``quiz.services``:

* :func:`answer_texts` - what a student must produce or pick (for a true/false question, the
  value the source states, which another stem could print);
* :func:`gives_away` / :func:`conflict` - whether one question reveals another's answer;
* :func:`shared_context` - the places, years and week names printed in a share of the stems;
* :func:`context_answered` - the questions whose answer is such a shared term;
* :func:`context_exclusions` - per themed day, how much of its pool that excludes (``bank check``).

Comparison uses :func:`textutil.compare_key` (NFKC, no punctuation or spaces), and answers
shorter than two characters never count (一, 5).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .constants import BLANK, THEMED_DAYS
from .lexicon import places
from .textutil import compare_key

_MIN_KEY = 2
_YEAR_RE = re.compile(r"(?:19|20)\d{2}年")
_WEEK_RE = re.compile(r"(?:\d{4}年)?[\u4e00-\u9fa5]{0,8}?网络安全宣传周")


def _source_span(question: dict) -> str:
    source = question.get("source") or {}
    sentence, start = source.get("sentence", ""), source.get("start", 0)
    spans = source.get("answer_spans") or []
    if not spans or not isinstance(start, int):
        return ""
    first, last = spans[0]
    return sentence[first - start : last - start]


def answer_texts(question: dict) -> list[str]:
    """The answer(s) of ``question`` as text: accepted fill-blank answers, correct options, or
    for true/false the value its source states (the claim shown may be a false one)."""
    qtype = question.get("type")
    answer = question.get("answer") or []
    if qtype == "fill_blank":
        return [str(a) for a in answer]
    if qtype == "true_false":
        span = _source_span(question)
        return [span] if span else []
    options = question.get("options") or []
    return [str(options[i]) for i in answer if isinstance(i, int) and 0 <= i < len(options)]


def _shown_key(question: dict) -> str:
    parts = [str(question.get("stem", "")).replace(BLANK, "|")]
    parts += [str(option) for option in question.get("options") or []]
    return "|".join(compare_key(part) for part in parts)


def gives_away(shown: dict, answered: dict) -> bool:
    """Whether ``shown``'s stem or options contain an answer of ``answered``."""
    if shown is answered or shown.get("id") == answered.get("id"):
        return False
    text = _shown_key(shown)
    keys = {compare_key(a) for a in answer_texts(answered)}
    return any(len(key) >= _MIN_KEY and key in text for key in keys)


def conflict(first: dict, second: dict) -> bool:
    """Whether two questions cannot share a paper: one reveals the other's answer, or both
    come from the same source sentence."""
    same_sentence = (first.get("source") or {}).get("start") == (second.get("source") or {}).get(
        "start"
    ) and (first.get("source") or {}).get("id") == (second.get("source") or {}).get("id")
    return same_sentence or gives_away(first, second) or gives_away(second, first)


def _terms_of(stem: str) -> set[str]:
    key = compare_key(stem)
    found = {m.group(0) for m in _YEAR_RE.finditer(key)}
    found |= {m.group(0) for m in _WEEK_RE.finditer(key)}
    found |= {name for name in places() if len(name) >= 2 and name in key}
    return found


def shared_context(questions: Iterable[dict], share: float = 0.3) -> set[str]:
    """Places, years and week names printed in at least ``share`` of the questions' stems."""
    pool = list(questions)
    if not pool:
        return set()
    counts = Counter(term for q in pool for term in _terms_of(str(q.get("stem", ""))))
    return {term for term, count in counts.items() if count / len(pool) >= share}


def context_answered(questions: Iterable[dict], share: float = 0.3) -> list[dict]:
    """The questions whose answer is (part of) the shared context of ``questions``: drawn
    next to stems that print it, they would be given away (广元 when most stems say 广元)."""
    pool = list(questions)
    terms = {compare_key(t) for t in shared_context(pool, share)}
    excluded = []
    for question in pool:
        keys = [compare_key(a) for a in answer_texts(question)]
        if any(
            len(key) >= _MIN_KEY
            and any(key in term or (term in key and len(key) - len(term) <= 2) for term in terms)
            for key in keys
        ):
            excluded.append(question)
    return excluded


#: ``bank check`` warns when more of a themed day's pool than this is context-answered.
CONTEXT_EXCLUDED_WARN_SHARE = 0.10


def day_pool(questions: Iterable[dict], day: str) -> list[dict]:
    """The questions a draw for ``day`` chooses from: the approved ones tagged with the day or
    week-wide (``general``); for a bank with nothing approved yet, every live question."""
    live = [q for q in questions if q.get("status") != "retired"]
    if any(q.get("status") == "approved" for q in live):
        live = [q for q in live if q.get("status") == "approved"]
    return [q for q in live if {day, "general"} & set(q.get("themed_days") or ())]


def context_exclusions(bank: dict) -> dict[str, tuple[int, int]]:
    """Per themed day: (questions in its pool, how many of them a draw excludes because their
    answer is the shared context of that pool)."""
    questions = bank.get("questions", [])
    found = {}
    for day in THEMED_DAYS:
        pool = day_pool(questions, day)
        found[day] = (len(pool), len(context_answered(pool)))
    return found
