"""Enumerations: lists joined by 、 (校园日、电信日、…; 进机关、进企业、…) or runs of quoted terms
(“净网”“护网”“四断”).

Item boundaries: the middle items are what lies between two 、; the first item is cut after
the last verb/preposition before it (开展, 由, 从, ...) or at the shared prefix of the other
items (进…); the last item is cut before 等 / a quote / 联合 / a trailing verb. A list is
*closed* (complete) unless 等/等等 follows it — only closed lists may yield multiple-choice
questions, because only then is an outsider certainly not a member.

``attrs['category']`` (themed_day, organization, place, crime, outreach, quoted, other)
selects curated distractors; ``items`` holds each item's span.

*Parallel* enumerations across paragraphs and rules spelled out after a colon are found by
:mod:`parallel_lists`.
"""

from __future__ import annotations

import os
import re

from ..document import Document
from ..facts import Fact
from ..lexicon import crime_types, departments, places
from ..segment import Sentence
from .common import bracket_spans, make_fact
from .parallel_lists import colon_list, parallel_lists

_FIRST_ITEM_CUT = re.compile(
    r".*(?:开展|举办|举行|包括|涵盖|涉及|发动|通过|来自|围绕|针对|设置|设立|展示|推出|覆盖|聚焦|普及|会同|联合|组织|"
    r"由|从|对|如|以|在|将|了|是|有|为|与|和|及|的|等)"
)
_LAST_ITEM_CUT = re.compile(
    r"(?:等等|等|“|联合|共同|相关|广泛|分别|的|都|均|已|将|作为|参与|组成|成为|以及|为主|方面|是|\(|"
    # …青少年日、个人信息保护日六个主题日: the count after the last item closes the list
    r"[一二三四五六七八九十两\d]+(?:个|大|项|类))"
)
# “净网”“护网”“四断”等专项行动: operation code names, not worth asking.
CODE_NAME_AFTER = re.compile(r"^等?(?:系列)?(?:专项行动|专项整治|行动|专案|战役|工程|攻坚战?)")
_COUNT_WORD = r"(?:\d+|[一二两三四五六七八九十]+)"
_NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _count(text: str) -> int | None:
    """10 / 十 / 十二 / 二十 -> int (None if not a count)."""
    if text.isdigit():
        return int(text)
    if text in _NUMERALS:
        return _NUMERALS[text]
    if text.startswith("十"):
        return 10 + _NUMERALS.get(text[1:], 0) if len(text) <= 2 else None
    if len(text) >= 2 and text[1] == "十":
        return _NUMERALS.get(text[0], 0) * 10 + _NUMERALS.get(text[2:], 0)
    return None


def _counted_after(analysis: str, end: int, items: int) -> bool:
    """等10部门 / 等四类 right after a list of exactly that many items closes it."""
    match = re.match(rf"等({_COUNT_WORD})(?:个|家|类|项|大|种|支|所|部)?", analysis[end : end + 6])
    return bool(match) and _count(match.group(1)) == items


_ORG_SUFFIX = re.compile(
    r"(部|办|厅|局|委|会|行|联|院|署|中心|公司|集团|协会|总队|支队|大队|团省委|团市委)$"
)
_MAX_ITEM = 12
# Organisation names run longer (国家金融监督管理总局贵州监管局).
_MAX_ORG_ITEM = 20


def _max_item(part: str) -> int:
    return _MAX_ORG_ITEM if _ORG_SUFFIX.search(part) else _MAX_ITEM


def _category(items: list[str]) -> str:
    if all(item.endswith("日") for item in items):
        return "themed_day"
    known_orgs = set(departments())
    if (
        sum(item in known_orgs or bool(_ORG_SUFFIX.search(item)) for item in items)
        >= len(items) - 1
    ):
        return "organization"
    if all(item in places() for item in items):
        return "place"
    crimes = crime_types()
    if sum(any(c in item or item in c for c in crimes) for item in items) >= len(items) - 1:
        return "crime"
    if all(item.startswith("进") for item in items):
        return "outreach"
    return "other"


def _quoted_runs(document: Document, sentence: Sentence) -> list[Fact]:
    analysis = document.analysis
    spans = bracket_spans(analysis, sentence.start, sentence.end, "“", "”")
    facts = []
    run: list[tuple[int, int]] = []
    for span in spans + [(-1, -1)]:
        if run and span[0] == run[-1][1]:
            run.append(span)
            continue
        if len(run) >= 2:
            end = run[-1][1]
            is_open = analysis[end : end + 1] == "等"
            code_name = bool(CODE_NAME_AFTER.match(analysis[end : end + 8]))
            items = [(start + 1, stop - 1) for start, stop in run]
            facts.append(
                make_fact(
                    document,
                    sentence,
                    "enumeration",
                    "enumerations",
                    run[0][0],
                    end,
                    items=items,
                    closed=not is_open,
                    category="quoted",
                    code_name=code_name,
                )
            )
        run = [span]
    return facts


def _runs(parts: list[str]) -> list[tuple[int, int]]:
    """Index ranges [first, last] of 、-separated parts forming one list.

    Inner parts must be short items; a long part ends one list (it holds the last item and
    what follows) and may start the next one (and the text before the next list's first item).
    """
    runs = []
    begin = 0
    for index in range(1, len(parts)):
        if index == len(parts) - 1 or len(parts[index]) > _max_item(parts[index]):
            if index - begin >= 1:
                runs.append((begin, index))
            begin = index
    return runs


def _list_fact(
    document: Document, sentence: Sentence, parts: list[str], offsets: list[int]
) -> Fact | None:
    analysis = document.analysis
    middle = parts[1:-1]
    first = parts[0]
    shared_prefix = os.path.commonprefix(middle + [parts[-1]]) if middle else ""
    if shared_prefix and shared_prefix in first:
        first_start = first.rfind(shared_prefix)
    else:
        cut = _FIRST_ITEM_CUT.match(first)
        first_start = cut.end() if cut else 0
        first_start = max(first_start, len(first) - _max_item(first))
    last = parts[-1]
    cut = _LAST_ITEM_CUT.search(last, 2)
    last_end = cut.start() if cut else len(last)
    conjunction = re.search(r"(?<![参给赋授])(和|及|与)", last[:last_end])
    item_spans = [(offsets[0] + first_start, offsets[0] + len(first))]
    item_spans += [(offsets[i], offsets[i] + len(parts[i])) for i in range(1, len(parts) - 1)]
    if conjunction and 1 < conjunction.start() < last_end - 1:
        item_spans.append((offsets[-1], offsets[-1] + conjunction.start()))
        item_spans.append((offsets[-1] + conjunction.end(), offsets[-1] + last_end))
    else:
        item_spans.append((offsets[-1], offsets[-1] + last_end))
    items = [analysis[start:end] for start, end in item_spans]
    # Two-item "lists" are mostly coordinated verb phrases (强化…、积极…): need three.
    if len(items) < 3 or re.search(r"(表示|说|指出|介绍)$", items[-1]):
        return None
    if any(not 1 < len(item) <= _max_item(item) or re.search(r"[“”\d]", item) for item in items):
        return None
    after = analysis[item_spans[-1][1] : item_spans[-1][1] + 2]
    counted = _counted_after(analysis, item_spans[-1][1], len(items))
    return make_fact(
        document,
        sentence,
        "enumeration",
        "enumerations",
        item_spans[0][0],
        item_spans[-1][1],
        items=item_spans,
        closed=counted or not after.startswith("等"),
        category=_category(items),
    )


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Enumeration facts of one sentence (and parallel lists starting at it)."""
    facts = (
        _quoted_runs(document, sentence)
        + parallel_lists(document, sentence)
        + colon_list(document, sentence)
    )
    for clause in document.clauses(sentence):
        parts = clause.analysis.split("、")
        if len(parts) < 3 or any(not part for part in parts):
            continue
        offsets = []
        cursor = clause.start
        for part in parts:
            offsets.append(cursor)
            cursor += len(part) + 1
        for first, last in _runs(parts):
            fact = _list_fact(
                document, sentence, parts[first : last + 1], offsets[first : last + 1]
            )
            if fact is not None:
                facts.append(fact)
    return facts
