"""Editions and prizes: 今年是第十届 (kind ``edition``), 南京市第十三中学代表队获得一等奖 (``award``).

* edition: ``第十届`` / ``第3次`` after 是/为/举办/迎来 - the answer is the whole ordinal;
  distractors are neighbouring ordinals written the same way (第九届, 第十一届).
* award: a prize (一等奖, 金奖, 冠军) won by a named winner (``attrs['winner']`` is its span
  when it is one name, not a list or a count); distractors are the other prizes of its family
  - a team wins one prize, so 二等奖 is certainly wrong for the 一等奖 winner.
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import make_fact

NUMERALS = "零一二三四五六七八九"
EDITION_RE = re.compile(
    r"(?:(?<=是)|(?<=为)|(?<=届)|(?<=办)|(?<=迎来)|(?<=举行)|(?<=召开))第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})(?P<unit>届|次)(?![\u4e00-\u9fa5]{0,2}大)"
)
PRIZE_FAMILIES = (
    ("特等奖", "一等奖", "二等奖", "三等奖", "优秀奖"),
    ("金奖", "银奖", "铜奖", "优秀奖"),
    ("冠军", "亚军", "季军"),
)
AWARD_RE = re.compile(
    r"(?P<winner>[\u4e00-\u9fa5、]{2,24}?)(?:代表队|队|团队|选手)?(?:获得|荣获|获|夺得)"
    r"(?P<prize>特等奖|一等奖|二等奖|三等奖|优秀奖|金奖|银奖|铜奖|冠军|亚军|季军)"
)


def to_number(text: str) -> int | None:
    """十 -> 10, 十三 -> 13, 二十 -> 20, 12 -> 12."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + NUMERALS.index(text[1])
    if len(text) == 2 and text[1] == "十":
        return NUMERALS.index(text[0]) * 10
    if len(text) == 3 and text[1] == "十":
        return NUMERALS.index(text[0]) * 10 + NUMERALS.index(text[2])
    if len(text) == 1 and text in NUMERALS:
        return NUMERALS.index(text)
    return None


def to_chinese(number: int) -> str:
    """10 -> 十, 13 -> 十三, 21 -> 二十一 (1..99)."""
    if number < 10:
        return NUMERALS[number]
    tens, ones = divmod(number, 10)
    head = "" if tens == 1 else NUMERALS[tens]
    return f"{head}十{NUMERALS[ones] if ones else ''}"


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Edition and award facts of one sentence."""
    analysis = document.analysis
    facts = []
    for match in EDITION_RE.finditer(analysis, sentence.start, sentence.end):
        number = to_number(match.group("n"))
        if number is None or number < 2:
            continue
        facts.append(
            make_fact(
                document,
                sentence,
                "edition",
                "ordinals",
                *match.span(),
                number=number,
                digits=match.group("n").isdigit(),
                unit=match.group("unit"),
            )
        )
    for match in AWARD_RE.finditer(analysis, sentence.start, sentence.end):
        winner = match.group("winner")
        cut = max(winner.rfind(c) for c in "，,。;；")
        start = match.start("winner") + cut + 1
        winner = analysis[start : match.end("winner")]
        single = (
            2 <= len(winner) <= 16
            and "、" not in winner
            and not re.search(r"\d|有|另|共|分别|其中|名|支", winner)
        )
        facts.append(
            make_fact(
                document,
                sentence,
                "award",
                "ordinals",
                *match.span("prize"),
                winner=(start, match.end("winner")) if single else None,
            )
        )
    return facts
