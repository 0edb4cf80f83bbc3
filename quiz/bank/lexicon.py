"""Curated domain lists shipped in ``quiz/bank/data`` (places, departments, themed days, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quiz.resources import bank_data_dir

DATA_DIR = bank_data_dir()


@dataclass(frozen=True)
class Place:
    """A gazetteer entry; ``level`` is country/province/city/district/county."""

    name: str
    level: str
    parent: str


def _data_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every place under its official name and its short form (广元市 and 广元)."""
    table: dict[str, Place] = {}
    for line in _data_lines("places.tsv"):
        name, level, parent = line.split("\t")
        place = Place(name, level, parent)
        table[name] = place
        short = short_place_name(name)
        if short != name and short not in table:
            table[short] = place
    return table


def short_place_name(name: str) -> str:
    """广元市 -> 广元, 四川省 -> 四川, 广西壮族自治区 -> 广西; districts keep their suffix."""
    for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    if name.endswith(("省", "市")) and len(name) >= 3:
        return name[:-1]
    return name


@lru_cache(maxsize=1)
def departments() -> tuple[str, ...]:
    """Government bodies for organisation-list distractors."""
    return tuple(_data_lines("departments.txt"))


@lru_cache(maxsize=1)
def national_departments() -> tuple[str, ...]:
    """National bodies for national co-organiser lists."""
    return tuple(_data_lines("departments_national.txt"))


@lru_cache(maxsize=1)
def city_departments() -> tuple[str, ...]:
    """City bodies (市…) for city and, with 县 for 市, county co-organiser lists."""
    return tuple(_data_lines("departments_city.txt"))


def departments_like(items: list[str]) -> list[str]:
    """Bodies of the same level as the listed ones: national (中央宣传部、公安部…), county
    (县委宣传部…), city (市教育局…), else provincial (省委网信办、教育厅…)."""

    def level(item: str) -> str:
        if item.startswith(("中央", "国家", "全国", "中国", "共青团中央")) or item.endswith("部"):
            return "national"
        if "县" in item:
            return "county"
        if "市" in item and not item.startswith("省"):
            return "city"
        return "province"

    counts: dict[str, int] = {}
    for item in items:
        counts[level(item)] = counts.get(level(item), 0) + 1
    top = max(counts, key=lambda k: counts[k]) if counts else "province"
    if top == "national":
        return list(national_departments())
    if top == "county":
        return [n.replace("团市委", "团县委").replace("市", "县", 1) for n in city_departments()]
    if top == "city":
        return list(city_departments())
    return list(departments())


@lru_cache(maxsize=1)
def themed_day_names() -> tuple[str, ...]:
    """Themed-day names seen in the genre."""
    return tuple(_data_lines("themed_day_names.txt"))


@lru_cache(maxsize=1)
def slogans() -> tuple[str, ...]:
    """Week themes/slogans for theme distractors."""
    return tuple(_data_lines("slogans.txt"))


@lru_cache(maxsize=1)
def crime_types() -> tuple[str, ...]:
    """Crime and fraud types named in the genre."""
    return tuple(_data_lines("crime_types.txt"))


@lru_cache(maxsize=1)
def title_swaps() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Word -> replacements used to derive certainly-different document titles."""
    swaps = []
    for line in _data_lines("titles.tsv"):
        word, replacements = line.split("\t")
        swaps.append((word, tuple(replacements.split("|"))))
    return tuple(swaps)


@lru_cache(maxsize=1)
def list_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of same-kind list items (``list_groups.txt`` then ``term_groups.txt``)."""
    lines = _data_lines("list_groups.txt") + _data_lines("term_groups.txt")
    return tuple(tuple(line.split()) for line in lines)
