"""Dates and periods: 10月11日, 10月11日至17日, 自10月12日起, 1月至9月, 今年5月.

Case codes written with a middle dot (“8·16”) are names, never dates: they contain no 月/日
and are additionally excluded when quoted. ``attrs['shape']`` is one of ``day`` (a single
day), ``range`` (day range), ``since`` (the day after 自 … 起), ``period`` (month range,
a reporting window), ``month`` and ``year`` (自2014年开始举办: the year something started).
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import bracket_spans, inside, make_fact

DAY = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日"
PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("range", re.compile(rf"{DAY}(?:至|到|-|—|~)(?:\d{{1,2}}月)?\d{{1,2}}日")),
    ("since", re.compile(rf"(?<=自){DAY}(?=起|开始|以来)")),
    ("day", re.compile(DAY)),
    ("period", re.compile(r"(?<![\d.])\d{1,2}月(?:份)?(?:至|到|-)\d{1,2}月(?:份)?(?!\d|日)")),
    ("month", re.compile(r"(?:(?<=今年)|(?<=去年))\d{1,2}月(?![\d日份至到])")),
    # 自2014年开始举办: the year something started (not 2023年国家网络安全宣传周, a name).
    (
        "year",
        re.compile(
            r"(?:(?<=自)|(?<=从)|(?<=于))(?:19|20)\d{2}年(?=起|开始|以来|首次|创办|设立|成立)"
        ),
    ),
)


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Date facts of one sentence; longer shapes win over the days inside them."""
    analysis = document.analysis
    blocked = bracket_spans(analysis, sentence.start, sentence.end, "《", "》")
    blocked += bracket_spans(analysis, sentence.start, sentence.end, "(", ")")
    taken: list[tuple[int, int]] = []
    facts = []
    for shape, pattern in PATTERNS:
        for match in pattern.finditer(analysis, sentence.start, sentence.end):
            start, end = match.span()
            if inside(blocked, start, end) or inside(taken, start, end):
                continue
            if start > 0 and analysis[start - 1].isdigit():
                continue
            taken.append((start, end))
            facts.append(make_fact(document, sentence, "date", "dates", start, end, shape=shape))
    return facts
