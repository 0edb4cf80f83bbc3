"""Distractors: plausible, same type and unit, and certainly wrong according to the article.

Order of sources: values of the same kind from the same article, then perturbations that keep
the answer's format (570余件 -> 450余件), then the curated lists in ``data/``. Every
candidate must differ from the answer after NFKC, and:

* quantities: same measure family, truth interval disjoint from the answer's (so nothing below
  ``50%以上`` is offered; open lower bounds get no single-choice question at all);
* dates: same shape (day / range / month); reporting periods (1月至9月) get none, because a
  shorter window could also be true of a cumulative count;
* places: same administrative level, siblings under the same parent first, same spelling
  style (广元 vs 广元市);
* titles: word swaps from ``data/titles.tsv`` only - two titles released at the same event
  would both be right, so other titles of the article are never offered;
* terms: other members of the term's group in ``data/term_groups.txt`` or other case codes;
* closed enumerations: curated names of the same category that the article never mentions;
* multiple choice (:func:`for_members`): the same pools plus ``data/list_groups.txt``, for
  closed lists and - asking only what the article *lists* - open ones (see the docs).

When fewer than the needed number survive, the caller drops the question (never pads).
"""

from __future__ import annotations

import random
import re

from .amounts import intervals_overlap, perturbed_numbers, quantity_from_text
from .document import Document
from .facts import Fact
from .lexicon import (
    DATA_DIR,
    crime_types,
    departments,
    list_groups,
    places,
    short_place_name,
    slogans,
    themed_day_names,
    title_swaps,
)
from .stems import display
from .textutil import compare_key, nfkc


def _related(first: str, second: str) -> bool:
    """Same thing or one a kind of the other: substring, or (3+ characters) a subsequence
    (冒充客服 is a kind of 冒充电商物流客服's category; 文化和旅游厅 / 省文化和旅游厅)."""
    if first in second or second in first:
        return True
    short, long = sorted((first, second), key=len)
    if len(short) < 3:
        return False
    position = 0
    for char in long:
        if position < len(short) and char == short[position]:
            position += 1
    return position == len(short)


def _term_groups() -> list[list[str]]:
    lines = (DATA_DIR / "term_groups.txt").read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def _unique(
    answer: str, candidates: list[str], document: Document | None = None, *, unseen: bool = False
) -> list[str]:
    seen = {compare_key(answer)}
    result = []
    article_key = document.compare_key if document is not None else ""
    for candidate in candidates:
        key = compare_key(candidate)
        if not key or key in seen:
            continue
        if unseen and key in article_key:
            continue
        seen.add(key)
        result.append(candidate)
    return result


def for_quantity(
    document: Document, fact: Fact, facts: list[Fact], rng: random.Random
) -> list[str]:
    answer = fact.attrs["quantity"]
    if answer.open_bound:
        return []
    target = answer.interval()
    from_article = []
    for other in facts:
        quantity = other.attrs.get("quantity") if other.kind == "quantity" else None
        if quantity is None or quantity.family != answer.family:
            continue
        if (quantity.multiplier, bool(quantity.qualifier)) != (
            answer.multiplier,
            bool(answer.qualifier),
        ):
            continue  # 2.9亿元 among 72万元 options would stand out
        if not intervals_overlap(target, quantity.interval()):
            from_article.append(nfkc(other.text))
    rng.shuffle(from_article)
    perturbed = []
    for number in perturbed_numbers(answer, rng):
        variant = answer.render(number)
        parsed = quantity_from_text(variant)
        if parsed and not intervals_overlap(target, parsed.interval()):
            perturbed.append(variant)
    # One article value at most: the rest keep the answer's own magnitude so it is not obvious.
    return _unique(fact.text, perturbed[:1] + from_article[:1] + perturbed[1:])


_DAY_RE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


def _shift_day(text: str, delta: int) -> str | None:
    def shift(match: re.Match) -> str:
        day = int(match.group(3)) + delta
        year = f"{match.group(1)}年" if match.group(1) else ""
        return f"{year}{match.group(2)}月{day}日"

    shifted = _DAY_RE.sub(shift, text, count=1)
    if fact_range := re.search(r"(至|到|-)(\d{1,2})日$", text):
        end_day = int(fact_range.group(2)) + delta
        shifted = shifted[: -len(fact_range.group(0))] + f"{fact_range.group(1)}{end_day}日"
    days = [int(d) for d in re.findall(r"(\d{1,2})日", shifted)]
    return shifted if all(1 <= d <= 28 for d in days) else None


def for_date(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    shape = fact.attrs["shape"]
    if shape == "period":
        return []
    if shape == "year":
        year = int(fact.text[:4])
        years = [f"{year + d}年" for d in (-4, -3, -2, -1, 1, 2, 3) if year + d <= 2030]
        rng.shuffle(years)
        return _unique(fact.text, years)
    if shape == "month":
        month = int(re.match(r"\d+", fact.text).group(0))
        months = [f"{m}月" for m in range(1, 13) if m != month and abs(m - month) <= 4]
        rng.shuffle(months)
        return _unique(fact.text, months)
    same_shape = [
        nfkc(other.text)
        for other in facts
        if other.kind == "date"
        and other.attrs["shape"] in (shape, "since" if shape == "day" else shape)
    ]
    deltas = [-3, -2, -1, 1, 2, 3, 4]
    rng.shuffle(deltas)
    shifted = [variant for delta in deltas if (variant := _shift_day(nfkc(fact.text), delta))]
    return _unique(fact.text, same_shape[:1] + shifted)


def for_place(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    table = places()
    official = fact.attrs["official"]
    place = table[official]
    short = nfkc(fact.text) != official
    levels = ("district", "county") if place.level in ("district", "county") else (place.level,)
    siblings = sorted(
        {
            p.name
            for p in table.values()
            if p.parent == place.parent and p.level in levels and p.name != official
        }
    )
    cousins = sorted(
        {
            p.name
            for p in table.values()
            if p.level in levels and p.parent != place.parent and p.name != official
        }
    )
    rng.shuffle(siblings)
    rng.shuffle(cousins)
    names = siblings + cousins
    rendered = [short_place_name(name) if short else name for name in names]
    return _unique(fact.text, rendered)


def for_person(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    if fact.attrs.get("role") != "speaker":
        return []
    others = [
        other.text
        for other in facts
        if other.kind == "person" and other.attrs.get("role") != "citizen"
    ]
    speakers_first = sorted(set(others), key=lambda name: (name not in _speakers(facts), name))
    lines = (DATA_DIR / "person_names.txt").read_text(encoding="utf-8").splitlines()
    invented = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    rng.shuffle(invented)
    return _unique(fact.text, speakers_first + invented, document, unseen=False)


def _speakers(facts: list[Fact]) -> set[str]:
    return {
        fact.text for fact in facts if fact.kind == "person" and fact.attrs.get("role") == "speaker"
    }


def for_title(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    title = nfkc(fact.text)
    variants = []
    for word, replacements in title_swaps():
        if word in title:
            variants.extend(title.replace(word, replacement, 1) for replacement in replacements)
    rng.shuffle(variants)
    return _unique(fact.text, variants, document, unseen=True)


def for_term(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    term = nfkc(fact.text)
    shape = fact.attrs.get("shape")
    if shape == "case":
        codes = [
            nfkc(other.text)
            for other in facts
            if other.kind == "term" and other.attrs.get("shape") == "case"
        ]
        month, day = re.split(r"[·.・]", term)
        separator = re.search(r"[·.・]", term).group(0)
        perturbed = [
            f"{int(month) + dm}{separator}{day}"
            for dm in (-3, -1, 1, 2)
            if 1 <= int(month) + dm <= 12
        ]
        rng.shuffle(perturbed)
        return _unique(term, codes + perturbed)
    if shape == "hotline":
        lines = (DATA_DIR / "hotlines.txt").read_text(encoding="utf-8").splitlines()
        numbers = [n.strip() for n in lines if n.strip() and not n.startswith("#")]
        same_length = [n for n in numbers if len(n) == len(term)]
        rng.shuffle(same_length)
        others = [n for n in numbers if len(n) != len(term)]
        rng.shuffle(others)
        return [n for n in _unique(term, same_length + others) if n not in document.analysis]
    if shape == "slogan":
        pool = list(slogans())
        rng.shuffle(pool)
        return _unique(term, [display(s) for s in pool], document, unseen=True)
    for group in _term_groups():
        if term in group:
            pool = [word for word in group if word != term]
            article_terms = [w for w in pool if w in document.analysis]
            outside = [w for w in pool if w not in document.analysis]
            rng.shuffle(outside)
            return _unique(term, article_terms + outside)
    return []


def for_item(document: Document, fact: Fact, item: str, rng: random.Random) -> list[str]:
    """Outsiders for a *closed* enumeration: curated names of the same category, unseen in the article."""
    if not fact.closed:
        return []
    category = fact.attrs.get("category")
    if category == "themed_day":
        pool = list(themed_day_names())
    elif category == "organization":
        pool = list(departments())
    elif category == "place":
        pool = sorted({p.name for p in places().values() if p.level in ("province", "city")})
    else:
        return []
    members = [compare_key(document.analysis[a:b]) for a, b in fact.items]
    pool = [c for c in pool if not any(_related(m, compare_key(c)) for m in members)]
    rng.shuffle(pool)
    return _unique(item, pool, document, unseen=True)


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
        pool = list(departments())
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
    # Same order of operations as the item outsiders, so the random stream is stable.
    pool = [c for c in pool if not any(_related(m, compare_key(c)) for m in members)]
    rng.shuffle(pool)
    article_key = document.compare_key
    heads = {m[-2:] for m in members if len(m) >= 2}
    chosen: list[str] = []
    for candidate in _unique("", pool, document, unseen=True):
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


def for_edition(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    """第十届 -> 第九届, 第十一届, 第八届, 第十二届 (same numeral style)."""
    from .extract.ordinals import to_chinese

    number, unit = fact.attrs["number"], fact.attrs["unit"]
    deltas = [-2, -1, 1, 2, 3]
    rng.shuffle(deltas)
    written = []
    for delta in deltas:
        value = number + delta
        if 1 <= value <= 99:
            shown = str(value) if fact.attrs["digits"] else to_chinese(value)
            written.append(f"第{shown}{unit}")
    return _unique(fact.text, written)


def for_award(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    """Other prizes of the same family (a winner gets one prize)."""
    from .extract.ordinals import PRIZE_FAMILIES

    prize = nfkc(fact.text)
    for family in PRIZE_FAMILIES:
        if prize in family:
            others = [p for p in family if p != prize]
            rng.shuffle(others)
            return _unique(prize, others)
    return []


def for_ordinal(text: str) -> list[str]:
    numerals = "一二三四五"
    current = text[1]
    return [f"第{n}大" for n in numerals if n != current][:3]


BY_KIND = {
    "quantity": for_quantity,
    "date": for_date,
    "place": for_place,
    "person": for_person,
    "title": for_title,
    "term": for_term,
    "edition": for_edition,
    "award": for_award,
}
