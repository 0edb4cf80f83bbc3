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

The list outsiders (:func:`for_item`, :func:`for_members`) live in ``outsiders`` and are
re-exported here, where the question planner looks them up.

When fewer than the needed number survive, the caller drops the question (never pads).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from decimal import Decimal

from .amounts import intervals_overlap, perturbed_numbers, quantity_from_text
from .candidates import unique_candidates
from .document import Document
from .facts import Fact
from .lexicon import DATA_DIR, places, short_place_name, slogans, title_swaps
from .outsiders import for_item, for_members
from .stems import display
from .textutil import nfkc

__all__ = [
    "BY_KIND",
    "for_award",
    "for_date",
    "for_edition",
    "for_item",
    "for_members",
    "for_ordinal",
    "for_person",
    "for_place",
    "for_quantity",
    "for_term",
    "for_title",
]


def _term_groups() -> list[list[str]]:
    lines = (DATA_DIR / "term_groups.txt").read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


# Customary values of some units: distractors of the same kind a student would expect.
_USUAL_VALUES = {
    "小时": (2, 6, 12, 24, 48, 72),
    "天": (1, 3, 5, 7, 10, 15, 30),
    "课时": (2, 4, 6, 8, 10, 12),
    "位": (4, 6, 8, 10, 12, 16),
    "倍": (2, 3, 5, 10),
}


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
        if quantity.unit != answer.unit or nfkc(other.text).startswith("约") != nfkc(
            fact.text
        ).startswith("约"):
            continue  # 约1500人 among 6340名 options is another kind of count
        if quantity.numerals != answer.numerals:
            continue  # 三百元 among 1280元/780元 stands out (round 17)
        if (quantity.multiplier, bool(quantity.qualifier)) != (
            answer.multiplier,
            bool(answer.qualifier),
        ):
            continue  # 2.9亿元 among 72万元 options would stand out
        # Same order of magnitude only: 32人 among 400名/800名 would stand out.
        ratio = quantity.value / answer.value if answer.value else 0
        if not intervals_overlap(target, quantity.interval()) and 0.2 <= ratio <= 5:
            from_article.append(nfkc(other.text))
    rng.shuffle(from_article)
    perturbed = []
    numbers = perturbed_numbers(answer, rng)
    usual = _USUAL_VALUES.get(answer.unit)
    if usual and not answer.multiplier and "." not in answer.number:
        # 24小时 -> 12/48/72小时, not 19 or 31: durations and lengths come in customary sizes.
        numbers = [str(v) for v in usual if str(v) != answer.number]
        rng.shuffle(numbers)
    # 办结率达96%: a share cannot pass 100% (a growth rate can).
    # (周末这一比例上升到46.8%: rising *to* a share is still a share, round 21's 102.7%)
    before = document.analysis[max(fact.sentence.start, fact.start - 8) : fact.start]
    share = (
        answer.unit == "%"
        and answer.value <= 100
        and not (_GROWTH.search(before) and not re.search(r"(?:到|至|为|达到?)约?$", before))
    )
    for number in numbers:
        variant = answer.render(number)
        parsed = quantity_from_text(variant)
        if share and parsed and parsed.value > 100:
            continue
        if parsed and not intervals_overlap(target, parsed.interval()):
            perturbed.append(variant)
    # 批准逮捕44件____ never offers 44人: a number printed in the sentence gives itself away
    # as a distractor whatever its unit (round 15).
    printed = set(
        re.findall(
            r"(?<![\d.第])\d+(?:\.\d+)?(?![\d.年月日号])", fact.sentence.analysis.replace(",", "")
        )
    )
    printed.discard(answer.number)
    perturbed = [c for c in perturbed if not _number_of(c) & printed]
    from_article = [c for c in from_article if not _number_of(c) & printed]
    if answer.multiplier == "万" and not answer.numerals:
        # 13400万条 beside 9400万条: past 10,000万 a report says 亿 (1.34亿条, round 19)
        perturbed = [_in_yi(c) for c in perturbed]
        from_article = [_in_yi(c) for c in from_article]
    # One article value at most: the rest keep the answer's own magnitude so it is not obvious.
    return unique_candidates(fact.text, perturbed[:1] + from_article[:1] + perturbed[1:])


def _in_yi(option: str) -> str:
    """``13400万条`` -> ``1.34亿条``; any other option as it is."""
    parsed = quantity_from_text(nfkc(option))
    if not parsed or parsed.multiplier != "万" or parsed.numerals or float(parsed.number) < 10_000:
        return option
    yi = format(Decimal(parsed.number) / 10_000, "f").rstrip("0").rstrip(".")
    return replace(parsed, number=yi, multiplier="亿", separator="").render()


def _number_of(option: str) -> set[str]:
    parsed = quantity_from_text(nfkc(option))
    return {parsed.number} if parsed and not parsed.numerals else set()


_GROWTH = re.compile(r"增长|上升|增加|提高|提升|增幅|涨|翻")

_DAY_RE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


def shift_day(text: str, delta: int) -> str | None:
    """The day ``delta`` days from ``text`` (9月13日 -> 9月11日), None past the 28th or before the 1st."""
    return _shift_day(text, delta)


def _shift_day(text: str, delta: int) -> str | None:
    def shift(match: re.Match) -> str:
        day = int(match.group(3)) + delta
        year = f"{match.group(1)}年" if match.group(1) else ""
        return f"{year}{match.group(2)}月{day}日"

    shifted = _DAY_RE.sub(shift, text, count=1)
    if fact_range := re.search(r"(至|到|-)(\d{1,2})日$", text):
        end_day = int(fact_range.group(2)) + delta
        shifted = shifted[: -len(fact_range.group(0))] + f"{fact_range.group(1)}{end_day}日"
    days = [int(d) for d in re.findall(r"(?:月|至|到|-)(-?\d{1,2})日", shifted)]  # 12月-2日: no day
    return shifted if all(1 <= d <= 28 for d in days) else None


def for_date(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    shape = fact.attrs["shape"]
    if shape == "period":
        return []
    if shape == "year":
        year = int(fact.text[:4])
        years = [f"{year + d}年" for d in (-4, -3, -2, -1, 1, 2, 3) if year + d <= 2030]
        rng.shuffle(years)
        return unique_candidates(fact.text, years)
    if shape == "month":
        month = int(re.match(r"\d+", fact.text).group(0))
        months = [f"{m}月" for m in range(1, 13) if m != month and abs(m - month) <= 4]
        rng.shuffle(months)
        return unique_candidates(fact.text, months)
    effective = _effective_date_options(document, fact, rng)
    if effective:
        return unique_candidates(fact.text, effective)
    dated = bool(re.match(r"\d{4}年", nfkc(fact.text)))
    same_shape = [
        nfkc(other.text)
        for other in facts
        if other.kind == "date"
        and other.attrs["shape"] in (shape, "since" if shape == "day" else shape)
        # 2021年8月20日 (a law passed) vs 9月21日 (a day of the week): a date without its year
        # beside dated ones stands out, and is of another kind (round 40).
        and bool(re.match(r"\d{4}年", nfkc(other.text))) == dated
    ]
    deltas = [-3, -2, -1, 1, 2, 3, 4]
    rng.shuffle(deltas)
    shifted = [variant for delta in deltas if (variant := _shift_day(nfkc(fact.text), delta))]
    return unique_candidates(fact.text, same_shape[:1] + shifted)


# 《未成年人网络保护条例》自2024年1月1日起施行: a rule takes effect on a month's first day, so a
# neighbour day (1月2日, 1月3日) gives the answer away (round 36's reader).
_TAKES_EFFECT = re.compile(r"^起?(?:正式)?(?:施行|实施|生效)")
_EFFECTIVE_MONTHS = (1, 3, 5, 6, 7, 9, 10, 11)


def _effective_date_options(document: Document, fact: Fact, rng: random.Random) -> list[str]:
    """Other first days of a month in the years around it, for the date a rule takes effect."""
    found = re.fullmatch(r"(\d{4})年(\d{1,2})月1日", nfkc(fact.text))
    after = document.analysis[fact.end : fact.end + 8]
    if not found or not _TAKES_EFFECT.match(after):
        return []
    year, month = int(found.group(1)), int(found.group(2))
    options = [
        f"{y}年{m}月1日"
        for y in (year - 1, year, year + 1)
        for m in _EFFECTIVE_MONTHS
        if (y, m) != (year, month)
    ]
    rng.shuffle(options)
    return options


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
    return unique_candidates(fact.text, rendered)


def for_person(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    if fact.attrs.get("role") != "speaker":
        return []
    others = [
        other.text
        for other in facts
        if other.kind == "person" and other.attrs.get("role") not in ("citizen", "reporter")
    ]
    speakers_first = sorted(set(others), key=lambda name: (name not in _speakers(facts), name))
    lines = (DATA_DIR / "person_names.txt").read_text(encoding="utf-8").splitlines()
    invented = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    rng.shuffle(invented)
    return unique_candidates(fact.text, speakers_first + invented, document, unseen=False)


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
    return unique_candidates(fact.text, variants, document, unseen=True)


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
        return unique_candidates(term, codes + perturbed)
    if shape == "hotline":
        lines = (DATA_DIR / "hotlines.txt").read_text(encoding="utf-8").splitlines()
        families = [line.split() for line in lines if line.strip() and not line.startswith("#")]
        numbers = [n for family in families if term not in family for n in family]
        same_length = [n for n in numbers if len(n) == len(term)]
        rng.shuffle(same_length)
        others = [n for n in numbers if len(n) != len(term)]
        rng.shuffle(others)
        return [
            n for n in unique_candidates(term, same_length + others) if n not in document.analysis
        ]
    if shape == "slogan":
        pool = list(slogans())
        rng.shuffle(pool)
        return unique_candidates(term, [display(s) for s in pool], document, unseen=True)
    for group in _term_groups():
        if term in group:
            pool = [word for word in group if word != term]
            article_terms = [w for w in pool if w in document.analysis]
            outside = [w for w in pool if w not in document.analysis]
            rng.shuffle(outside)
            return unique_candidates(term, article_terms + outside)
    return []


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
    return unique_candidates(fact.text, written)


def for_award(document: Document, fact: Fact, facts: list[Fact], rng: random.Random) -> list[str]:
    """Other prizes of the same family (a winner gets one prize)."""
    from .extract.ordinals import PRIZE_FAMILIES

    prize = nfkc(fact.text)
    for family in PRIZE_FAMILIES:
        if prize in family:
            others = [p for p in family if p != prize]
            rng.shuffle(others)
            return unique_candidates(prize, others)
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
