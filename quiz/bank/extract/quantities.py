"""Counts and amounts with unit and qualifier: 570余件, 2.9亿元, 72万元, 50%以上, 3万余条.

Ordinals (第一), dates, years, case codes (“2·02”) and numbers inside 《》 or () are not
quantities. ``attrs['quantity']`` is the parsed :class:`~quiz.bank.amounts.Quantity`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..amounts import HEDGE_RE, QUANTITY_RE, parse_quantity
from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import bracket_spans, inside, make_fact

# A 个 followed by these is a duration (一个月), not a count.
_DURATION_AFTER = "月小时星期年"
# A measure word that is really the first character of a word (部门, 家庭, 条例, ...).
_UNIT_WORDS = frozenset(
    [
        "部门",
        "部分",
        "部署",
        "家庭",
        "家长",
        "家属",
        "条例",
        "场所",
        "场景",
        "项目",
        "所有",
        "所以",
        "位于",
        "位置",
        "份额",
        "起诉",
        "起来",
        "名义",
        "名单",
        "次数",
        "天然",
        "批准",
        "批次",
        "轮流",
        "台湾",
        "元素",
        "个性",
        "户籍",
        "张贴",
    ]
)


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Quantity facts of one sentence."""
    analysis = document.analysis
    blocked = bracket_spans(analysis, sentence.start, sentence.end, "《", "》")
    blocked += bracket_spans(analysis, sentence.start, sentence.end, "(", ")")
    # Numbers inside a short quotation (an advert's “日赚300元”) are not reported figures.
    blocked += [
        span
        for span in bracket_spans(analysis, sentence.start, sentence.end, "“", "”")
        if span[1] - span[0] <= 22
    ]
    facts = []
    for match in QUANTITY_RE.finditer(analysis, sentence.start, sentence.end):
        start, end = match.span()
        before = analysis[start - 1] if start > 0 else ""
        after = analysis[end] if end < len(analysis) else ""
        if before in "第·." or before.isdigit() or inside(blocked, start, end):
            continue
        if not match.group("num")[0].isdigit() and (
            before in "万亿" or after in "零〇一二两三四五六七八九十百千"
        ):
            continue  # 约二万一千名: a compound numeral; neither 约二万 nor 一千名 is the figure
        if after in "年月日号·" or (match.group("unit") == "个" and after in _DURATION_AFTER):
            continue
        if analysis[end - 1 : end + 1] in _UNIT_WORDS:
            continue  # 10部门 is not 10部, 3家庭 not 3家
        quantity = parse_quantity(match)
        if quantity is None or quantity.value == 0:
            continue
        if quantity.separator:
            # The analysis copy folds "，" to ","; distractors must group digits as the article does.
            written = document.article.text[start:end]
            quantity = replace(quantity, separator="，" if "，" in written else ",")
        if not quantity.prefix:
            hedge = HEDGE_RE.search(analysis[max(sentence.start, start - 4) : start])
            if hedge:
                quantity = replace(quantity, hedge=re.sub(r"(?:了|达)$", "", hedge.group(0)))
        facts.append(
            make_fact(document, sentence, "quantity", "quantities", start, end, quantity=quantity)
        )
    return facts
