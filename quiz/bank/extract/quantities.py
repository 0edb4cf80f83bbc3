"""Counts and amounts with unit and qualifier: 570余件, 2.9亿元, 72万元, 50%以上, 3万余条.

Ordinals (第一), dates, years, case codes (“2·02”) and numbers inside 《》 or () are not
quantities. ``attrs['quantity']`` is the parsed :class:`~quiz.bank.amounts.Quantity`.
"""

from __future__ import annotations

from ..amounts import QUANTITY_RE, parse_quantity
from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import bracket_spans, inside, make_fact

# A 个 followed by these is a duration (一个月), not a count.
_DURATION_AFTER = "月小时星期年"


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Quantity facts of one sentence."""
    analysis = document.analysis
    blocked = bracket_spans(analysis, sentence.start, sentence.end, "《", "》")
    blocked += bracket_spans(analysis, sentence.start, sentence.end, "(", ")")
    facts = []
    for match in QUANTITY_RE.finditer(analysis, sentence.start, sentence.end):
        start, end = match.span()
        before = analysis[start - 1] if start > 0 else ""
        after = analysis[end] if end < len(analysis) else ""
        if before in "第·." or before.isdigit() or inside(blocked, start, end):
            continue
        if after in "年月日号·" or (match.group("unit") == "个" and after in _DURATION_AFTER):
            continue
        quantity = parse_quantity(match)
        if quantity is None or quantity.value == 0:
            continue
        facts.append(
            make_fact(document, sentence, "quantity", "quantities", start, end, quantity=quantity)
        )
    return facts
