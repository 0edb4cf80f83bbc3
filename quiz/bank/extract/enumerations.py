"""Enumerations: lists joined by 、 (校园日、电信日、…; 进机关、进企业、…) or runs of quoted terms
(“净网”“护网”“四断”).

Item boundaries: the middle items are what lies between two 、; the first item is cut after
the last verb/preposition before it (开展, 由, 从, ...) or at the shared prefix of the other
items (进…); the last item is cut before 等 / a quote / 联合 / a trailing verb. A list is
*closed* (complete) unless 等/等等 follows it — only closed lists may yield multiple-choice
questions, because only then is an outsider certainly not a member.

``attrs['category']`` (themed_day, organization, place, crime, outreach, quoted, other)
selects curated distractors; ``items`` holds each item's span.

*Parallel* enumerations span sentences: an appeal (倡议书) whose paragraphs each open with
我们倡议,A,B,争做…的“X” lists its appeals A (依法上网、文明上网、理性上网) and its roles X
(守护者、传播者、志愿者) across paragraphs. Two facts are made when at least two such sentences
follow each other in one section; their ``sentence`` is the passage from the first to the last
one (``attrs['parallel']`` holds the sentences' own spans, for the explanation). Such a list is
closed when the article prints the document in full (全文如下) before it.
"""

from __future__ import annotations

import os
import re

from ..document import Document
from ..facts import Fact
from ..lexicon import crime_types, departments, places
from ..segment import Sentence
from .common import bracket_spans, make_fact

_FIRST_ITEM_CUT = re.compile(
    r".*(?:开展|举办|举行|包括|涵盖|涉及|发动|通过|来自|围绕|针对|设置|设立|展示|推出|覆盖|聚焦|普及|"
    r"由|从|对|如|以|在|将|了|是|有|为|与|和|及|的|等)"
)
_LAST_ITEM_CUT = re.compile(
    r"(?:等等|等|“|联合|共同|相关|广泛|分别|的|都|均|已|将|作为|参与|组成|成为|以及|为主|方面|是|\()"
)
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
        if index == len(parts) - 1 or len(parts[index]) > _MAX_ITEM:
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
        first_start = max(first_start, len(first) - _MAX_ITEM)
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
    if any(not 1 < len(item) <= _MAX_ITEM or re.search(r"[“”\d]", item) for item in items):
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


_APPEAL_RE = re.compile(
    r"(?:^|,)我们倡议,([^,。“”]{2,8}),(?:[^,。“”]{2,10},)?(?:争做|争当|当好|做)[^,。“”]{0,16}“([^”]{2,8})”"
)


def _appeal(sentence: Sentence) -> re.Match | None:
    return None if sentence.heading else _APPEAL_RE.search(sentence.analysis)


def _parallel(document: Document, sentence: Sentence) -> list[Fact]:
    """Cross-paragraph lists of an appeal, found at the first of its parallel sentences."""
    index = sentence.index
    if _appeal(sentence) is None or any(
        other.section == sentence.section and _appeal(other) for other in document.sentences[:index]
    ):
        return []
    run = [sentence]
    for other in document.sentences[index + 1 :]:
        if other.section != sentence.section or other.heading:
            break
        if _appeal(other):
            run.append(other)
        elif other.paragraph != run[-1].paragraph:
            break  # each appeal opens the paragraph after the previous one's body
    if len(run) < 2:
        return []
    passage = Sentence(
        index=-1 - sentence.index,
        start=run[0].start,
        end=run[-1].end,
        text=document.article.text[run[0].start : run[-1].end],
        analysis=document.analysis[run[0].start : run[-1].end],
        paragraph=sentence.paragraph,
        heading=False,
        section=sentence.section,
    )
    matches = [(other, _appeal(other)) for other in run]
    closed = "全文如下" in document.analysis[: sentence.start]
    facts = []
    for group, kind in ((1, "appeal"), (2, "role")):
        items = [(other.start + m.start(group), other.start + m.end(group)) for other, m in matches]
        facts.append(
            make_fact(
                document,
                passage,
                "enumeration",
                "enumerations",
                items[0][0],
                items[-1][1],
                items=items,
                closed=closed,
                category="other",
                parallel=[(other.start, other.end) for other in run],
                parallel_kind=kind,
            )
        )
    return facts


def _colon_list(document: Document, sentence: Sentence) -> list[Fact]:
    """A rule spelled out after a colon: 牢记“三不一多”原则：未知链接不点击，陌生来电不轻信，
    个人信息不透露，转账汇款多核实。 Three or more short comma clauses ending the sentence are
    the items (closed: they are the whole rule)."""
    analysis = document.analysis
    text = analysis[sentence.start : sentence.end]
    colon = max(text.rfind(":"), text.rfind("："))
    if colon < 0:
        return []
    body = text[colon + 1 :].rstrip("。!?”")
    pieces = body.split(",") if "," in body else body.split("，")
    if not 3 <= len(pieces) <= 6 or any(not 3 <= len(p.strip()) <= 10 for p in pieces):
        return []
    if any(re.search(r"[、“”《》\d]", p) for p in pieces):
        return []
    items = []
    cursor = sentence.start + colon + 1
    for piece in pieces:
        items.append((cursor, cursor + len(piece)))
        cursor += len(piece) + 1
    return [
        make_fact(
            document,
            sentence,
            "enumeration",
            "enumerations",
            items[0][0],
            items[-1][1],
            items=items,
            closed=True,
            category="advice",
        )
    ]


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Enumeration facts of one sentence (and parallel lists starting at it)."""
    facts = (
        _quoted_runs(document, sentence)
        + _parallel(document, sentence)
        + _colon_list(document, sentence)
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
