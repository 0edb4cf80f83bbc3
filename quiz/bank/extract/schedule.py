"""The week's programme: which day is which themed day (9月12日为校园日, 9月13日金融日).

A sentence pairing a day with a themed-day name - ``9月10日校园日、9月11日电信日…``, ``其中，
9月12日為校園日，9月13日為電信日…``, ``9月12日是2023年国家网络安全宣传周“校园日”``, a programme line ``9月16日 校园日。`` - gives one
``schedule`` fact per pair: the answer is the day (``attrs['day_name']`` the themed day,
``attrs['others']`` the other days of the programme, certainly not that themed day's).
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import make_fact

_DAY_NAMES = "校园日|电信日|法治日|金融日|青少年日|个人信息保护日"
_PAIR = re.compile(
    rf"(?P<day>(?<!\d)\d{{1,2}}月\d{{1,2}}日)(?:[为是]|(?:是|为)[^，。、；]{{0,24}}?“|[ \u3000]+)?(?P<name>{_DAY_NAMES})"
)


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Schedule facts of one sentence."""
    pairs = list(_PAIR.finditer(document.analysis, sentence.start, sentence.end))
    days = [m.group("day") for m in pairs]
    names = [m.group("name") for m in pairs]
    if len(set(names)) != len(names) or len(set(days)) != len(days):
        return []  # one day for two names (or the reverse): not a programme
    facts = []
    for match in pairs:
        others = [day for day in days if day != match.group("day")]
        facts.append(
            make_fact(
                document,
                sentence,
                "schedule",
                "schedule",
                *match.span("day"),
                day_name=match.group("name"),
                others=others,
            )
        )
    return facts
