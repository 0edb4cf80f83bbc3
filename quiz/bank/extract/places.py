"""Places and their administrative level (province / city / district / county).

Names come from the shipped gazetteer (``data/places.tsv``, official names and short forms
such as 广元 for 广元市). A place is *not* a fact when it is part of an organisation or role
(广元市公安局, 广元市副市长), of an event name, of a 《title》, or of a list (lists are
enumeration facts), or when it is the article's own province (too easy to guess).
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..lexicon import places
from ..segment import Sentence
from .common import bracket_spans, inside, make_fact

_NOT_A_PLACE_AFTER = re.compile(
    r"^(?:市|省|区|县)?(?:公安|政府|委|局|厅|分行|银行|副|市长|省长|区长|县长|警方|建市|大学|日报|晚报|都市报|籍|人民|"
    r"第[一二三四五六七八九十百零\d]+|"
    # 中山路金融街, 延安路: a street named after a city is no place of the city (round 23)
    r"(?:路|街|大道|大街|巷|广场|公园|桥|小区|花园|大厦)"
    r")"
)
# 南京市教育局, 武汉市公安局反诈中心, 南京外国语学校: the place names an organisation.
_ORG_AFTER = re.compile(
    r"^[\u4e00-\u9fa5]{0,5}?(?:局|厅|委|(?<![举开主承创协])办(?!理|法|公)|中心|学校|中学|小学|大学|学院|医院|公司|集团|银行|分行|支行|"
    r"法院|检察院|协会|支队|大队|分局|派出所|代表队|监管局|研究院)"
)
_PLACE_CLASS = "[\u4e00-\u9fa5]"


def _sorted_names() -> list[str]:
    return sorted(places(), key=len, reverse=True)


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Place facts of one sentence (longest gazetteer match wins)."""
    analysis = document.analysis
    blocked = bracket_spans(analysis, sentence.start, sentence.end, "《", "》")
    blocked += bracket_spans(analysis, sentence.start, sentence.end, "“", "”")
    if document.event:
        event_at = analysis.find(document.event, sentence.start, sentence.end)
        while event_at >= 0:
            blocked.append((event_at, event_at + len(document.event)))
            event_at = analysis.find(document.event, event_at + 1, sentence.end)
    table = places()
    taken: list[tuple[int, int]] = []
    facts = []
    for name in _sorted_names():
        position = analysis.find(name, sentence.start, sentence.end)
        while position >= 0:
            end = position + len(name)
            place = table[name]
            if not (inside(blocked, position, end) or inside(taken, position, end)):
                taken.append((position, end))
                if _is_fact(document, place, position, end):
                    facts.append(
                        make_fact(
                            document,
                            sentence,
                            "place",
                            "places",
                            position,
                            end,
                            level=place.level,
                            parent=place.parent,
                            official=place.name,
                        )
                    )
            position = analysis.find(name, end, sentence.end)
    return facts


def _is_fact(document: Document, place, start: int, end: int) -> bool:
    analysis = document.analysis
    following = analysis[end : end + 6]
    previous = analysis[start - 1] if start else ""
    if (
        _NOT_A_PLACE_AFTER.match(following)
        or _ORG_AFTER.match(analysis[end : end + 10])
        or following.startswith(("、", "等"))
        or previous == "、"
    ):
        return False
    glued_to_place = any(analysis[:start].endswith(name) for name in places())
    if glued_to_place and place.level in ("district", "county", "city"):
        return not any(following.startswith(name) for name in places())  # 福建省福州市
    if any(following.startswith(name) for name in places()):
        return False  # 广元市朝天区: ask about the district, not its city prefix
    glued = previous and re.match(_PLACE_CLASS, previous) and previous not in "在自于到从的至赴住"
    # Glued to a preceding word (e.g. 数字四川) it is part of a phrase, not a location.
    if glued and not (start >= 2 and analysis[start - 2 : start] in ("来自", "位于", "前往")):
        return False
    if place.level in ("country",):
        return False
    region = document.region
    return not (place.level == "province" and region and place.name.startswith(region))
