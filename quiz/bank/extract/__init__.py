"""Fact extractors, one module per kind of fact; :func:`extract_facts` runs them all.

Each extractor is a function ``extract(document, sentence) -> list[Fact]`` working on the
analysis copy of one sentence (simplified, NFKC) and reporting absolute offsets. Headings
and bylines are skipped: their facts are restated, complete, in the body.
"""

from __future__ import annotations

from ..document import Document
from ..facts import Fact
from ..layout import DATELINE_RE, REPORTER_LEAD_RE
from ..textutil import compare_key
from . import (
    advice,
    dates,
    enumerations,
    ordinals,
    people,
    places,
    quantities,
    quotes,
    schedule,
    statements,
    titles,
)

EXTRACTORS = (
    dates.extract,
    quantities.extract,
    places.extract,
    people.extract,
    titles.extract,
    quotes.extract,
    enumerations.extract,
    statements.extract,
    ordinals.extract,
    advice.extract,
    schedule.extract,
)


def protected_spans(analysis: str, start: int, end: int) -> list[tuple[int, int]]:
    """Absolute spans of 《…》 titles inside ``analysis[start:end]`` (facts never start there)."""
    spans = []
    depth_start = None
    for index in range(start, end):
        char = analysis[index]
        if char == "《":
            depth_start = index
        elif char == "》" and depth_start is not None:
            spans.append((depth_start, index + 1))
            depth_start = None
    return spans


def _bigrams(text: str) -> set[str]:
    key = compare_key(DATELINE_RE.sub("", text))
    return {key[i : i + 2] for i in range(len(key) - 1)}


def _reporting_lead_end(document: Document, sentence) -> int:
    """End of ``11月1日，记者从市公安局获悉`` opening a sentence (its start when there is none)."""
    clauses = document.clauses(sentence)
    for index, clause in enumerate(clauses[:3]):
        if REPORTER_LEAD_RE.match(clause.analysis):
            return clause.end if index else sentence.start
    return sentence.start


def extract_facts(document: Document) -> list[Fact]:
    """All facts of the article, in text order, de-duplicated by (kind, span).

    News reports repeat their lead (10月11日,…在广元启动。 appears four times in the seed);
    a sentence at least 80 % the same as an earlier one (character bigrams) adds no facts.
    """
    facts: dict[tuple[str, int, int], Fact] = {}
    seen: list[set[str]] = []
    for sentence in document.sentences:
        if sentence.heading or len(sentence.analysis) < 6:
            continue
        grams = _bigrams(sentence.analysis)
        if any(grams and len(grams & other) / len(grams | other) >= 0.8 for other in seen):
            continue
        seen.append(grams)
        dateline_end = document.dateline_end(sentence)
        reported_until = _reporting_lead_end(document, sentence)
        for extractor in EXTRACTORS:
            for fact in extractor(document, sentence):
                if fact.start < dateline_end and fact.kind != "person":
                    continue  # 新华社福州9月11日电: the filing date/place is not the news
                if fact.kind == "date" and fact.start < reported_until:
                    continue  # 11月1日，记者从市公安局获悉: the reporting date is not the news
                facts.setdefault((fact.kind, fact.start, fact.end), fact)
    return sorted(facts.values(), key=lambda fact: (fact.start, fact.end, fact.kind))
