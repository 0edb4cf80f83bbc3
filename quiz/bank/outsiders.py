"""Outsiders for list questions: names of the same kind that are certainly not members.

:func:`for_item` serves a single-choice question on one member of a *closed* enumeration;
:func:`for_members` a multiple-choice question on a list, from the same pools plus
``data/list_groups.txt`` (closed lists, and open ones asked as "what does the article list").
"""

from __future__ import annotations

import random
import re

from .candidates import related_names, unique_candidates
from .document import Document
from .facts import Fact
from .lexicon import (
    crime_types,
    departments_like,
    list_groups,
    places,
    short_place_name,
    themed_day_names,
)
from .textutil import compare_key


def for_item(document: Document, fact: Fact, item: str, rng: random.Random) -> list[str]:
    """Outsiders for a *closed* enumeration: curated names of the same category, unseen in the article."""
    if not fact.closed:
        return []
    category = fact.attrs.get("category")
    if category == "themed_day":
        pool = list(themed_day_names())
    elif category == "organization":
        pool = departments_like([document.analysis[a:b] for a, b in fact.items])
    elif category == "place" and _districts([document.analysis[a:b] for a, b in fact.items]):
        parents = {places()[document.analysis[a:b]].parent for a, b in fact.items}
        pool = sorted(
            p.name
            for p in places().values()
            if p.level in ("district", "county") and p.parent in parents
        )
    elif category == "place":
        pool = sorted({p.name for p in places().values() if p.level in ("province", "city")})
    else:
        return []
    members = [compare_key(document.analysis[a:b]) for a, b in fact.items]
    pool = [c for c in pool if not any(related_names(m, compare_key(c)) for m in members)]
    rng.shuffle(pool)
    return unique_candidates(item, pool, document, unseen=True)


def _districts(items: list[str]) -> bool:
    table = places()
    return bool(items) and all(
        item in table and table[item].level in ("district", "county") for item in items
    )


def _named_like(items: list[str], pool: list[str]) -> list[str]:
    """Bodies written like the listed ones: when most members carry their place (西安市教育局,
    西安市公安局), a distractor does too (市司法局 -> 西安市司法局), so it does not stand out."""
    for char in ("市", "县"):
        prefixes = [re.match(rf"^([\u4e00-\u9fa5]{{2,3}}?{char})", item) for item in items]
        named = [p.group(1) for p in prefixes if p and p.group(1) not in (f"全{char}",)]
        if named and len(named) * 2 > len(items) and len(set(named)) == 1:
            place = named[0]
            return [place + name[1:] if name.startswith(char) else name for name in pool]
    return pool


_CORE_PREFIX = re.compile(r"^(?:电信网络|网络|电信|省|市)")


def _group_pool(items: list[str]) -> list[str]:
    """Words of the curated group that holds most of ``items`` (at least two and half)."""
    best: tuple[int, tuple[str, ...]] = (0, ())
    for group in list_groups():
        hits = sum(any(item == w or item.endswith(w) for w in group) for item in items)
        if hits > best[0]:
            best = (hits, group)
    hits, group = best
    if hits < max(2, (len(items) + 1) // 2):
        return []
    return [w for w in group if not any(item == w or item.endswith(w) for item in items)]


def for_members(
    document: Document, fact: Fact, items: list[str], rng: random.Random, *, listed: bool = False
) -> list[str]:
    """Outsiders for a multiple-choice question on a list: same kind, certainly not a member.

    Every outsider occurs nowhere in the article (NFKC), neither contains nor is contained in a
    member or another outsider (文化和旅游厅 / 省文化和旅游厅), and a crime type does not share a
    member's last two characters (刷单返利诈骗 is a kind of 网络诈骗). ``listed`` (open lists, asked as "what does the article list"): the outsider's
    core without 网络/电信/省 must not occur in the article either (网络洗钱 when the article
    mentions 洗钱 elsewhere).
    """
    category = fact.attrs.get("category")
    members = [compare_key(document.analysis[a:b]) for a, b in fact.items]
    members += [compare_key(item) for item in items]
    if category == "themed_day":
        pool = list(themed_day_names())
    elif category == "organization":
        pool = departments_like(items)
    elif category == "place" and _districts(items):
        # 雁塔区、碑林区、未央区: other districts of the same city, never provinces.
        parents = {places()[item].parent for item in items if item in places()}
        pool = sorted(
            p.name
            for p in places().values()
            if p.level in ("district", "county") and p.parent in parents
        )
    elif category == "place":
        short = all(short_place_name(item) == item for item in items)
        table = places()
        cities = any(table[item].level == "city" for item in items if item in table)
        # Cities go with cities and municipalities (北京、深圳、杭州), provinces with provinces.
        names = sorted(
            {
                p.name
                for p in table.values()
                if (p.level == "city" or (p.level == "province" and p.name.endswith("市")))
                == cities
                and p.level in ("province", "city")
            }
        )
        pool = [short_place_name(name) if short else name for name in names]
    elif category == "crime":
        # Fraud types (刷单返利、冒充客服…) have their own group; other crimes the general list.
        pool = _group_pool(items) or list(crime_types())
    else:
        pool = _group_pool(items)
    if category == "organization":
        pool = _named_like(items, pool)
    # Same order of operations as the item outsiders, so the random stream is stable.
    pool = [c for c in pool if not any(related_names(m, compare_key(c)) for m in members)]
    rng.shuffle(pool)
    article_key = document.compare_key
    heads = {m[-2:] for m in members if len(m) >= 2}
    chosen: list[str] = []
    for candidate in unique_candidates("", pool, document, unseen=True):
        key = compare_key(candidate)
        if category == "crime" and key[-2:] in heads:
            continue
        core = _CORE_PREFIX.sub("", key)
        if listed and len(core) >= 2 and core in article_key:
            continue
        if any(key in compare_key(other) or compare_key(other) in key for other in chosen):
            continue
        chosen.append(candidate)
    return chosen
