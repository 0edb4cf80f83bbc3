"""Quoted terms and slogans in “”: themes, action names, case codes, roles, catchwords.

Only short quotes are terms (<= 20 characters, no sentence end inside); longer quotes are
speech. ``attrs['shape']``:

* ``case`` - a case code such as “8·16” (a name, never a date);
* ``slogan`` - a theme with an inner comma (“网络安全为人民,网络安全靠人民”);
* ``term`` - anything else (“守护者”, “两卡”, “铜墙铁壁”).

Runs of adjacent quoted terms (“净网”“护网”“四断”) are left to the enumeration extractor.
The answer span is the text *inside* the quotes.
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import bracket_spans, make_fact

CASE_CODE_RE = re.compile(r"^\d{1,2}[·.・]\d{1,2}$")


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Quoted-term facts of one sentence."""
    analysis = document.analysis
    facts = []
    spans = bracket_spans(analysis, sentence.start, sentence.end, "“", "”")
    for index, (start, end) in enumerate(spans):
        inner = analysis[start + 1 : end - 1]
        if not inner or len(inner) > 20 or re.search(r"[。!?]", inner):
            continue
        glued_before = index > 0 and spans[index - 1][1] == start
        glued_after = index + 1 < len(spans) and spans[index + 1][0] == end
        if glued_before or glued_after:
            continue
        if CASE_CODE_RE.match(inner):
            shape = "case"
        elif "," in inner and len(inner) >= 8:
            shape = "slogan"
        else:
            shape = "term"
        facts.append(
            make_fact(document, sentence, "term", "quotes", start + 1, end - 1, shape=shape)
        )
    return facts
