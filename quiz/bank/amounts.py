"""Quantities: parsing 570余件 / 2.9亿元 / 50%以上, their truth intervals, and variants.

A quantity's *interval* is the set of values the article's wording allows:

* exact ``72万元`` -> [720000, 720000]
* ``570余件`` / ``570多件`` -> [570, 580): 余 adds less than one step of the last non-zero digit
* ``3万余条`` -> [30000, 40000)
* ``近``/``约``/``左右`` -> ±10 %
* ``以上``/``超过``/``逾`` -> [v, ∞); ``以下``/``不到``/``不足`` -> [0, v]

A distractor is acceptable only when its interval does not intersect the answer's, so a
number below ``50%以上`` (which would also be true) is never offered.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, replace
from decimal import Decimal

MULTIPLIERS = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
# Measure words that name the same kind of thing, so their values are comparable.
MEASURE_FAMILIES = {"名": "人", "人": "人", "元": "元", "%": "%"}
LOWER_BOUND = ("超过", "逾", "多于", "不少于", "不低于", "多达", "高达")
UPPER_BOUND = ("不到", "不足", "少于", "不超过", "低于")
APPROXIMATE = ("近", "约", "大约", "约为", "约合", "接近", "将近")
# Qualifiers written just before a number (looked up outside the answer span).
HEDGE_RE = re.compile(
    r"(?:超过|多于|不少于|不低于|多达|高达|不到|不足|少于|不超过|低于|大约|约为|约合|接近|将近|近|约|逾)"
    r"(?:了|达)?$"
)

QUANTITY_RE = re.compile(
    r"(?P<pre>接近|将近|近|约|超过|逾|不到|不足)?"
    # 9,100 / 9，100 (thousands grouped, as traditional-script reports write): one number.
    # 三百八十餘宗 / 一千六百餘筆 / 三萬份 (Chinese numerals, as Hong Kong and Macau reports
    # write counts): parsed to digits, rendered back in numerals.
    # (2,864.3万元: grouped with a decimal part, round 27)
    r"(?P<num>(?<!\d)\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?(?![\d.])|\d+(?:\.\d+)?|"
    r"(?<![零〇一二两三四五六七八九十百千第])[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]{0,7})"
    r"(?P<q1>余|多)?(?P<mult>万|亿|千|百)?(?P<q2>余|多)?"
    r"(?P<unit>人次|条次|户次|件次|台次|家次|平方米|平方公里|个百分点|课时|小时|元|%|名|人|件|个|张|家|条|起|次|所|款|部|场|项|篇|"
    r"户|笔|份|台|套|位|支|批|轮|届|倍|天|宗|间|万|亿)"
    r"(?P<post>以上|左右|以下|之多)?"
)


@dataclass(frozen=True)
class Quantity:
    """A parsed amount; ``number`` is the written digits (e.g. '2.9'), ``unit`` the measure."""

    prefix: str
    number: str
    qualifier: str  # 余 / 多 / ''
    multiplier: str  # 万 / 亿 / ''
    qualifier_after: bool  # 3万余条 (True) vs 570余件 (False)
    unit: str
    suffix: str
    # The article's thousands separator ("," or "，") when it groups the digits (9，100餘張);
    # ``number`` holds the bare digits, ``render`` groups them again.
    separator: str = ""
    # True when the article writes the number in Chinese numerals (三百八十餘宗).
    numerals: bool = False
    # A qualifier written before the number but outside the answer (约为633亿元, 超过10亿人次
    # is in the answer; 约为 is not): it widens the truth interval all the same.
    hedge: str = ""

    @property
    def value(self) -> float:
        return float(Decimal(self.number) * MULTIPLIERS[self.multiplier])

    @property
    def family(self) -> str:
        return MEASURE_FAMILIES.get(self.unit, self.unit)

    @property
    def open_bound(self) -> bool:
        """True for 以上/超过: no other number is certainly false in the same direction."""
        return (
            self.prefix in LOWER_BOUND
            or self.hedge in LOWER_BOUND
            or self.suffix in ("以上", "之多")
        )

    def interval(self) -> tuple[float, float]:
        value = self.value
        if self.open_bound:
            return value, math.inf
        if self.prefix in UPPER_BOUND or self.hedge in UPPER_BOUND or self.suffix == "以下":
            return 0.0, value
        if self.prefix in APPROXIMATE or self.hedge in APPROXIMATE or self.suffix == "左右":
            return value * 0.9, value * 1.1
        if self.qualifier:
            return value, value + _step(self.number) * MULTIPLIERS[self.multiplier]
        return value, value

    def render(self, number: str | None = None) -> str:
        """The quantity written in the article's own format, optionally with another number."""
        digits = self.number if number is None else number
        if self.numerals and digits.isdigit():
            digits = to_numerals(int(digits))
        elif self.separator:
            whole, dot, fraction = digits.partition(".")
            if whole.isdigit():
                digits = f"{int(whole):,}".replace(",", self.separator) + dot + fraction
        if self.qualifier_after:
            core = f"{digits}{self.multiplier}{self.qualifier}"
        else:
            core = f"{digits}{self.qualifier}{self.multiplier}"
        return f"{self.prefix}{core}{self.unit}{self.suffix}"


def _step(number: str) -> float:
    """One unit of the last significant digit: 570 -> 10, 3 -> 1, 2.9 -> 0.1, 500 -> 100."""
    if "." in number:
        return 10.0 ** -len(number.split(".")[1])
    stripped = number.rstrip("0")
    return 10.0 ** (len(number) - len(stripped))


_NUMERAL_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_NUMERAL_DIGITS.update({"七": 7, "八": 8, "九": 9})
_NUMERAL_PLACES = {"十": 10, "百": 100, "千": 1000}


def from_numerals(text: str) -> int | None:
    """三百八十 -> 380, 一千六百 -> 1600, 十三 -> 13, 七十三 -> 73; None when not a number."""
    total, digit = 0, None
    for char in text:
        if char in _NUMERAL_DIGITS:
            if digit is not None and digit != 0:
                return None  # 三四 is not a number
            digit = _NUMERAL_DIGITS[char]
        elif char in _NUMERAL_PLACES:
            total += (1 if digit is None else digit) * _NUMERAL_PLACES[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def to_numerals(value: int) -> str:
    """380 -> 三百八十, 1600 -> 一千六百, 13 -> 十三, 205 -> 二百零五 (below 10,000)."""
    if value <= 0 or value >= 10_000:
        return str(value)
    names = "零一二三四五六七八九"
    parts, zero = [], False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // place % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(
                ("" if (name == "十" and not parts and digit == 1) else names[digit]) + name
            )
            zero = False
        else:
            zero = bool(parts)
    return "".join(parts)


def parse_quantity(match: re.Match) -> Quantity | None:
    """Build a :class:`Quantity` from a :data:`QUANTITY_RE` match (None for bare 万/亿, and for
    a lone numeral without 十/百/千 or 万/亿: 一起, 两个 are words, not reported counts)."""
    unit = match.group("unit")
    multiplier = match.group("mult") or ""
    if unit in ("万", "亿"):
        if multiplier:
            return None
        multiplier, unit = unit, ""
    written = match.group("num")
    if not written[0].isdigit():
        value = from_numerals(written)
        if value is None or not (multiplier or re.search("[十百千]", written)):
            return None
        number = str(value)
        return Quantity(
            prefix=match.group("pre") or "",
            number=number,
            qualifier=match.group("q1") or match.group("q2") or "",
            multiplier=multiplier,
            qualifier_after=bool(match.group("q2")),
            unit=unit,
            suffix=match.group("post") or "",
            numerals=True,
        )
    return Quantity(
        prefix=match.group("pre") or "",
        number=re.sub(r"[,，]", "", match.group("num")),
        separator=next((c for c in match.group("num") if c in ",，"), ""),
        qualifier=match.group("q1") or match.group("q2") or "",
        multiplier=multiplier,
        qualifier_after=bool(match.group("q2")),
        unit=unit,
        suffix=match.group("post") or "",
    )


def quantity_from_text(text: str) -> Quantity | None:
    """Parse a whole string as one quantity (None if it is not exactly one)."""
    match = QUANTITY_RE.fullmatch(text)
    return parse_quantity(match) if match else None


def intervals_overlap(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """True when two truth intervals share a value (half-open for 余 ranges)."""
    low = max(first[0], second[0])
    high = min(first[1], second[1])
    if first[0] == first[1] or second[0] == second[1]:
        return low <= high
    return low < high


# Distractors are the answer times an irregular factor (0.45-0.88 or 1.15-2.2), never near a
# simple ratio: with 0.5x/1.5x/2x options the key is the one the others are multiples of (round
# 11's reviewer worked 2680 out of 1610/4020/5360).
_FACTOR_RANGES = ((0.45, 0.88), (1.15, 2.2))
_SIMPLE_RATIOS = (0.5, 2 / 3, 0.75, 1.25, 4 / 3, 1.5, 2.0)


def _round_like(value: float, template: str) -> str | None:
    """``value`` written with the template's decimals / significant digits."""
    if "." in template:
        decimals = len(template.split(".")[1])
        return f"{value:.{decimals}f}"
    stripped = template.rstrip("0")
    zeros = len(template) - len(stripped)
    unit = 10**zeros
    rounded = int(round(value / unit)) * unit
    return str(rounded) if rounded > 0 else None


def _digit_edit(written: str, template: str) -> bool:
    """``written`` shares the key's decimals (x.3 beside 18.3) or is the key with a digit
    dropped (8.3 from 18.3)."""
    decimals = template.partition(".")[2]
    if decimals and written.partition(".")[2] == decimals:
        return True
    digits, key = written.replace(".", ""), template.replace(".", "")
    return len(digits) < len(key) and key.endswith(digits)


def perturbed_numbers(quantity: Quantity, rng: random.Random, count: int = 6) -> list[str]:
    """Other numbers written like the original, some below and some above it, in mixed order."""
    original = Decimal(quantity.number)
    below, above = [], []
    if quantity.qualifier in ("多", "余") and quantity.number.endswith("0"):
        # 30多位 -> 20多位/50多位, never 4多位 or 18多位: X多 / X余 take a round X.
        zeros = len(quantity.number) - len(quantity.number.rstrip("0"))
        step = Decimal(10 ** max(zeros, len(quantity.number) - 1 - (len(quantity.number) > 3), 1))
        for k in rng.sample(range(1, 7), 6):  # irregular gaps: 470/770/870, not 540/570/600
            if original - k * step > 0 and k <= 4:
                below.append(str(original - k * step))
            above.append(str(original + k * step))
    elif "." not in quantity.number and original < 20:
        # 3名, 9个: small counts differ by a few, not by a factor.
        for step in (1, 2, 3, 4, 5, 6):
            below += [str(original - step)] if original - step > 0 else []
            above.append(str(original + step))
    template = quantity.number
    if "." not in template and len(template) >= 2 and len(template.rstrip("0")) == 1:
        template = template[:-1]  # 100所 -> 60/150所, 20万元 -> 13/27万元: one digit finer
    for draw in range(96 if not (below or above) else 0):
        if len(below) + len(above) >= count or (draw >= 64 and len(below) + len(above) >= 3):
            break
        low, high = _FACTOR_RANGES[len(below) > len(above)]
        written = _round_like(float(original) * rng.uniform(low, high), template)
        if written is None or Decimal(written) == original:
            continue
        decimals = written.partition(".")[2]
        if decimals and not decimals.strip("0") and template.partition(".")[2].strip("0"):
            continue  # 41.0万张 beside 26.5万张: a figure no article writes
        if _digit_edit(written, template):
            continue  # 8.3%/21.3% beside 18.3%: the key is the one the others were edited from
        value = Decimal(written)
        simple = any(abs(float(value / original) - r) < 0.04 for r in _SIMPLE_RATIOS)
        if simple and draw < 64:
            continue  # (a round figure such as 20万元 has only simple neighbours: 10, 30, 40)
        if any(abs(value - Decimal(other)) < Decimal("0.08") * value for other in below + above):
            continue  # 1490 beside 1530: two options that are one guess
        (below if value < original else above).append(written)
    below = list(dict.fromkeys(below))
    above = list(dict.fromkeys(above))
    rng.shuffle(below)
    rng.shuffle(above)
    # Each next option from a side drawn at random (while both have some), so the answer's rank
    # among the options is anything from first to last: with sides taken in turn it was always
    # second or third of four, the middle of an even-looking run (540/570/600, round 12).
    mixed = []
    while below or above:
        side = rng.choice([s for s in (below, above) if s])
        mixed.append(side.pop(0))
    return mixed[:count]


# Measure words that add nothing to a count: a bare 143 names 143人 as well (not 元, %, 年 or 岁,
# where the number alone could mean another measure).
_COUNTERS = frozenset("人名件起个家条次张所场户宗位台部篇项款份本支")
# 民警上门见面劝阻2860人次: a student who writes 2860 knows it (round 38's reader).
_VISIT_COUNTERS = frozenset(("人次", "户次", "家次", "场次"))


def equivalent_forms(text: str) -> list[str]:
    """Accepted spellings of a quantity answer: 72万元 -> 72万, 720000元; 2.9亿元 -> 29000万元;
    约60家 -> 60家; 超过960万条 -> 960万条."""
    quantity = quantity_from_text(text)
    if quantity is None:
        return []
    forms: list[str] = []
    if quantity.numerals:
        # 一百五十七宗: a student may write 157宗
        arabic = replace(quantity, numerals=False).render()
        forms += [arabic, *equivalent_forms(arabic)]
    if quantity.separator:
        # 2，430萬條: a student writes 2430萬條 (or 2,430: punctuation is ignored when marking)
        forms.append(replace(quantity, separator="").render())
    if quantity.unit == "元" and quantity.multiplier:
        forms.append(text[: -len(quantity.suffix) or None].removesuffix("元") + quantity.suffix)
        if not quantity.qualifier:
            value = Decimal(quantity.number) * MULTIPLIERS[quantity.multiplier]
            if quantity.multiplier == "亿":
                in_wan = value / 10_000
                forms.append(f"{_plain(in_wan)}万元{quantity.suffix}")
            forms.append(f"{_plain(value)}元{quantity.suffix}")
    if quantity.unit == "%":
        forms.append(text.replace("%", "％"))
    if quantity.qualifier == "余":
        forms.append(text.replace("余", "多", 1))
    if quantity.qualifier in ("余", "多"):
        # 570余件: a student who writes 570件 knows the figure (round 26's seed reader)
        forms.append(text.replace(quantity.qualifier, "", 1))
    if quantity.prefix in APPROXIMATE or quantity.prefix in ("超过", "逾", "多达", "高达"):
        # 约60家 / 超过960万条: a student who writes 60家 / 960万条 knows the figure.
        forms.append(text[len(quantity.prefix) :])
    if (
        (quantity.unit in _COUNTERS or quantity.unit in _VISIT_COUNTERS)
        and not quantity.multiplier
        and not quantity.numerals
    ):
        # 86件143人 -> 143: the blank's measure word is plain, a student may leave it out
        # (round 35's reader).
        forms.append(quantity.number)
    if (
        (quantity.unit in _COUNTERS or quantity.unit in _VISIT_COUNTERS)
        and quantity.multiplier in ("万", "亿")
        and not quantity.numerals
    ):
        # 2.36万条: a student may leave the measure word out (2.36万) or write the figure out
        # (23600条), as the round 40 reader did for a plain count.
        forms.append(f"{quantity.number}{quantity.multiplier}")
        if not quantity.qualifier:
            value = Decimal(quantity.number) * MULTIPLIERS[quantity.multiplier]
            forms.append(f"{_plain(value)}{quantity.unit}")
    return [form for form in forms if form and form != text]


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text
