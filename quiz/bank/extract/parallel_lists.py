"""Lists not joined by 、: parallel enumerations across paragraphs and rules after a colon.

*Parallel* enumerations span sentences: an appeal (倡议书) whose paragraphs each open with
我们倡议,A,B,争做…的“X” lists its appeals A (依法上网、文明上网、理性上网) and its roles X
(守护者、传播者、志愿者) across paragraphs. Two facts are made when at least two such sentences
follow each other in one section; their ``sentence`` is the passage from the first to the last
one (``attrs['parallel']`` holds the sentences' own spans, for the explanation). Such a list is
closed when the article prints the document in full (全文如下) before it.

A rule spelled out after a colon (牢记“三不一多”原则：未知链接不点击，…) is a closed list of its
comma clauses.
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import make_fact

_APPEAL_RE = re.compile(
    r"(?:^|,)我们倡议,([^,。“”]{2,8}),(?:[^,。“”]{2,10},)?(?:争做|争当|当好|做)[^,。“”]{0,16}“([^”]{2,8})”"
)


def _appeal(sentence: Sentence) -> re.Match | None:
    return None if sentence.heading else _APPEAL_RE.search(sentence.analysis)


def parallel_lists(document: Document, sentence: Sentence) -> list[Fact]:
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


def colon_list(document: Document, sentence: Sentence) -> list[Fact]:
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
