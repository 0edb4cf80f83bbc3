"""Anchoring a stem in time and place, so a student can answer it without the article.

* relative years become years: 今年 -> 2024年, 去年 -> 2023年, 今年以来 -> 2024年以来 (not inside
  quotation marks: speech stays as said);
* short organisation names become the full name the article used first: 岳麓分局 / 分局 ->
  长沙市公安局岳麓分局, 省公安厅 -> 江西省公安厅;
* a stem about an event or a figure that still names no year (nor the week, whose name holds
  the year) gets a lead saying whose report it is and when: ``据潇湘晨报2024年9月报道，``. That
  is the publication date, said as such - never presented as the date of the event.

``time_anchored`` / ``place_anchored`` tell the scorer whether a stem says when and where.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .lexicon import places, short_place_name
from .script import in_script
from .stem_text import aligned, display, mentions, sub_aligned
from .textutil import outside_quotes

_ORG_HEADS = (
    "公安分局|公安局|公安厅|分局|反诈中心|网信办|教育局|教育厅|监管局|管理局|通信管理局|分行|支行|分公司|"
    "协会|"
    "派出所|支队|大队|检察院|法院|中心|局|厅|委|(?<![主承协举创开合])办(?!结|理|案|事|公|法|好|成)"
)
# A head directly followed by 长 is part of a title (局长), not an organisation.
_TITLE_AFTER = r"(?!长)"
YEAR_RE = re.compile(r"(?:19|20)\d{2}年")
# 《…调查报告（2023）》显示，…: a stem that opens on a title saying its year (its findings are
# that year's; a stem about who released it still needs the release's date).
_TITLE_YEAR = re.compile(r"^《[^》]*[（(](?:19|20)\d{2}(?:年|年度|年版)?[)）][^》]*》")
NATIONAL_RE = re.compile(r"全国|我国|中央|国家(?!级)|国务院|中华人民共和国")
# 《个人信息保护法》规定，…: a 法 is the nation's (a province or city passes 条例 and 办法), so a
# rule of one holds everywhere and needs no place.
NATIONAL_LAW = re.compile(r"《(?:中华人民共和国)?[\u4e00-\u9fa5]{2,16}(?<![办方做手])法》")


@lru_cache(maxsize=1)
def _full_org_re() -> re.Pattern:
    names = sorted((name for name in places() if len(name) >= 2), key=len, reverse=True)
    alternation = "|".join(map(re.escape, names))
    piece = rf"[\u4e00-\u9fa5]{{0,10}}?(?:{_ORG_HEADS}){_TITLE_AFTER}"
    return re.compile(rf"(?:{alternation}){piece}(?:{piece})*")


def tips_author(document: Document) -> str:
    """Who speaks in a tips text: its police or cyberspace organisation, else the publisher."""
    for _offset, name in full_organisations(document):
        if re.search(r"公安|警|反诈|网信", aligned(name)):
            return name
    return named_publisher(document)


# A news outlet's name (华西都市报, 南嶼大學新聞網, 某某广播电视台), not a body's (…分公司, 团区委).
_OUTLET_END = re.compile(r"(?:报|网|台|新闻|社|频道|客户端|传媒|融媒体中心)$")


def named_publisher(document: Document) -> str:
    """The publisher when the article itself names it (华西都市报 in its dateline); '' when only
    the sidecar does: a stem never cites a source a reader of the article cannot see (round 15:
    据澄川日报…报道 over an article that says only 本报讯)."""
    publisher = document.article.publisher or ""
    # (the analysis copy is simplified: 霽州日報 is looked up as 霁州日报)
    if mentions(document.analysis, aligned(publisher)):
        return publisher
    # 来源：芷滩街道办事处 in 楣州市芷滩街道办事处's release, whose city the article names
    # (round 35): the body is named all the same.
    city = re.match(r"^[\u4e00-\u9fa5]{2,4}?[省市县区]", aligned(publisher))
    rest = aligned(publisher)[city.end() :] if city else ""
    if (
        len(rest) >= 4
        and mentions(document.analysis, rest)
        and mentions(document.analysis, city.group(0))
    ):
        return publisher
    return ""


def full_organisations(document: Document) -> list[tuple[int, str]]:
    """(offset, display name) of every organisation named with its place (长沙市公安局岳麓分局)."""
    cache = document.__dict__.setdefault("_full_orgs", None)
    if cache is None:
        cache = [
            (m.start(), document.article.text[m.start() : m.end()])
            for m in _full_org_re().finditer(document.analysis)
        ]
        from .relative_places import home_places, introduced_places

        own = introduced_places(document)
        if own:
            # 桐溪市公安局临渚分局: an organisation of a place the gazetteer does not list.
            piece = rf"[\u4e00-\u9fa5]{{0,12}}?(?:{_ORG_HEADS}){_TITLE_AFTER}"
            # (…支行在营业大厅: a verb's place after the body is not a part of its name)
            pattern = re.compile(
                rf"(?:{'|'.join(map(re.escape, own))}){piece}(?:(?![在向对为把将和与及]){piece})*"
            )
            cache = sorted(
                cache
                + [
                    (m.start(), document.article.text[m.start() : m.end()])
                    for m in pattern.finditer(document.analysis)
                ]
            )
        # 联讯通信蓟原分公司 … 分公司对1.46万个高风险号码…: a company's branch named by the
        # article's own place (round 29), which a bare 分公司 later means.
        stems = sorted(
            {short_place_name(n) for n in home_places(document).values()} - {""}, key=len
        )
        if stems:
            branch = re.compile(
                r"(?:(?<=^)|(?<=[，。、；：“”（(,.;:\s]))(?!据|由|在|经|向|从|对|和|与|及|为|是|把|将|被|截至)"
                rf"[\u4e00-\u9fa5]{{2,8}}?(?:{'|'.join(map(re.escape, stems))})"
                r"(?:市|县|区)?(?:分公司|分行|支行)"
            )
            found = {offset for offset, _name in cache}
            cache = sorted(
                cache
                + [
                    (m.start(), document.article.text[m.start() : m.end()])
                    for m in branch.finditer(document.analysis)
                    if m.start() not in found
                ]
            )
        # 岚山县公安局会同省反诈中心: two bodies joined by a verb, not one body's full name; the
        # first is still one (鹭汀市公安局临溪分局联合区委网信办…, round 18).
        joined = []
        for offset, name in cache:
            cut = re.search(r"会同|联合|配合|协同|协助|指导|[和与及]", aligned(name))
            if cut:
                name = name[: cut.start()]
                if len(name) < 4 or not re.search(rf"(?:{_ORG_HEADS})$", aligned(name)):
                    continue
            joined.append((offset, name))
        cache = joined
        document.__dict__["_full_orgs"] = cache
    return cache


def _subsequence(short: str, long: str) -> bool:
    position = 0
    for char in long:
        if position < len(short) and char == short[position]:
            position += 1
    return position == len(short)


# The bare word a branch's own release uses for itself.
_BARE_BRANCHES = frozenset(("分行", "支行", "分公司", "分局"))


def expand_organisation(document: Document, short: str, before: int) -> str:
    """The full name the article gives ``short`` (岳麓分局 -> 长沙市公安局岳麓分局), '' if none."""
    key = aligned(short)
    publisher = aligned(document.article.publisher or "")
    if key in _BARE_BRANCHES and publisher.endswith(key) and publisher != key:
        # 分行副行长蔡明远 in 兴汇银行崧原省分行's own release is its own deputy, never the
        # 人民银行崧原省分行 named nearer before (round 37).
        return re.sub(r"(?:股份)?有限公司(?=.)", "", document.article.publisher)
    candidates = []
    for offset, name in full_organisations(document):
        name_key = aligned(name)
        if name_key == key or not name_key.endswith(key[-2:]) or not _subsequence(key, name_key):
            continue
        candidates.append((offset < before, offset if offset < before else -offset, name))
    if not candidates:
        return ""
    heads = set(re.findall(rf"([局会委院部行厅署])(?={re.escape(key)})", document.analysis))
    if len(heads) > 1:
        # 国家金融监督管理总局西岭监管局 and 中国证监会西岭监管局 both end in 西岭监管局: the short
        # name is either; the stem keeps it as the article says it (round 17).
        return ""
    return max(candidates)[2]


_SHORT_ORG_RE = re.compile(
    # (据分局刑侦大队副大队长…介绍: a 据 opens the clause too, round 18)
    rf"(?:(?<=^)|(?<=[，。；：“])|(?<=^据)|(?<=[，。；：“]据))(?!全|该|本|据)"
    rf"([\u4e00-\u9fa5]{{0,6}}?(?:{_ORG_HEADS})){_TITLE_AFTER}"
)


def resolve_organisations(document: Document, text: str, before: int) -> str:
    """Short organisation names opening a clause, replaced by the full name (first one only)."""
    analysis = aligned(text)
    table = places()
    for match in _SHORT_ORG_RE.finditer(analysis):
        short = match.group(1)
        if any(short.startswith(name) for name in table if len(name) >= 2):
            continue  # already names its place
        if short.startswith("省") and document.region:
            return text[: match.start(1)] + document.region + text[match.start(1) :]
        full = expand_organisation(document, short, before)
        if not full:
            # 分局反诈中心: expand the leading organisation (分局) instead.
            head = re.match(rf"[\u4e00-\u9fa5]{{0,6}}?(?:{_ORG_HEADS})", short)
            if head and head.group(0) != short:
                full_head = expand_organisation(document, head.group(0), before)
                if full_head:
                    return (
                        text[: match.start(1)]
                        + full_head
                        + text[match.start(1) + len(head.group(0)) :]
                    )
            continue
        return text[: match.start(1)] + full + text[match.end(1) :]
    return text


def resolve_years(text: str, year: int | None) -> str:
    """今年/去年/前年 outside quotation marks -> the year (the article's year known)."""
    if not year:
        return text
    analysis = aligned(text)
    outside = outside_quotes(analysis)
    words = {"今年": year, "去年": year - 1, "前年": year - 2}
    pieces = []
    cursor = 0
    for match in re.finditer(r"今年|去年|前年", analysis):
        if not outside[match.start()]:
            continue
        if re.match(r"[\d零一二两三四五六七八九十]{1,4}[岁周]", analysis[match.end() :]):
            continue  # 今年58岁 / 今年五十八歲: an age, not the year
        pieces.append(text[cursor : match.start()])
        pieces.append(f"{words[match.group(0)]}年")
        cursor = match.end()
    pieces.append(text[cursor:])
    text = "".join(pieces)
    # 上半年，该局共受理… : a half or quarter of the year without its year.
    analysis = aligned(text)
    outside = outside_quotes(analysis)
    pieces, cursor = [], 0
    for match in re.finditer(
        r"(?<![年\d今去])(?:上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度)", analysis
    ):
        if not outside[match.start()] or YEAR_RE.search(analysis[: match.start()]):
            continue
        pieces.append(text[cursor : match.start()])
        pieces.append(f"{year}年")
        cursor = match.start()
    pieces.append(text[cursor:])
    return "".join(pieces)


def time_anchored(document: Document, text: str) -> bool:
    """The stem says when: a year, or the week's name (which holds its year)."""
    analysis = aligned(text)
    if YEAR_RE.search(analysis) or _TITLE_YEAR.search(analysis):
        return True
    event = document.event
    return bool(event) and aligned(event) in analysis


_PLACED_WEEK = re.compile(
    r"\d{4}年[\u4e00-\u9fa5]{2,6}?(?:省|市|区|县)网络安全宣传周|"
    r"(?<![全本我该])[\u4e00-\u9fa5]{2,6}?(?:省|市|区|县)\d{4}年网络安全宣传周"
)


def place_anchored(document: Document, text: str) -> bool:
    """The stem says where: a place of the gazetteer, a nation-wide word, or the week's name."""
    analysis = aligned(text)
    if NATIONAL_RE.search(analysis) or NATIONAL_LAW.search(analysis):
        return True
    if _PLACED_WEEK.search(analysis):
        return True  # 2024年蘅阳省网络安全宣传周: the week's name says where (round 26)
    if any(name in analysis for name in places() if len(name) >= 2):
        return True
    from .relative_places import home_names  # (relative_places imports this module's users)

    if any(name in analysis for name in home_names(document)):
        return True  # 甘谷县: the article's own county, not in the gazetteer
    school = re.search(r"[\u4e00-\u9fa5]{2,8}?(?:大学|学院)", aligned(document.article.title or ""))
    if school and school.group(0) in analysis:
        return (
            True  # 《2022年东岭大学学生网络安全意识调查报告》: the university the article is about
        )
    event = document.event
    if (
        event
        and re.fullmatch(r"\d{4}年网络安全宣传周", aligned(event))
        and aligned(event) in analysis
        and not re.search(r"[省市县区]网络安全宣传周", document.analysis)
    ):
        return True  # 2025年网络安全宣传周, never a province's or city's: the national week
    return (
        bool(event)
        and aligned(event) in analysis
        and bool(re.search(r"国家|省|市|区|县", aligned(event)))
    )


def report_lead(document: Document, *, with_publisher: bool = True) -> str:
    """``据潇湘晨报2024年9月报道，`` (an outlet the article names, and the month), ``据<body><month>消息，``
    (a body it names), else ``据<month>的报道，``."""
    article = document.article
    date = re.match(r"(\d{4})-(\d{2})", article.date or "")
    when = f"{date.group(1)}年{int(date.group(2))}月" if date else ""
    if not when:
        return ""
    publisher = named_publisher(document) if with_publisher else ""
    if publisher and _OUTLET_END.search(aligned(publisher)):
        return f"据{publisher}{when}报道，"
    if publisher:
        # 据共青团…委员会2022年9月消息，: a body's own release is its news, not a report on it.
        return f"据{publisher}{when}消息，"
    if with_publisher:
        from .relative_places import home_institution

        school = home_institution(document)
        if school and mentions(document.analysis, aligned(school)):
            # 璋台理工大学新闻网 says only 本网讯: its news is the university's own (round 30).
            return f"据{school}{when}消息，"
    return f"据{when}的报道，"


def anchor(document: Document, prefix: str, suffix: str, before: int) -> tuple[str, str]:
    """Years and organisations resolved in a frame (see module docstring); no lead added."""
    year = document.year
    prefix = resolve_organisations(document, resolve_years(prefix, year), before)
    suffix = resolve_years(suffix, year)
    event = document.event
    if event and aligned(event) in aligned(prefix):
        # 深圳市2024年网络安全宣传周期间，2024年，… : the week's name already says the year.
        prefix = sub_aligned(r"(^|，)\d{4}年，", lambda g: g[1], prefix)
    return _local_week(document, prefix, suffix)


def local_event(document: Document) -> str:
    """The week's name with the local report's place when the article names it bare
    (2023年网络安全宣传周 in 苇塘县's release -> 苇塘县2023年网络安全宣传周); else the week's name.
    Each province and county sets its own days, so a bare name reads as the national week's
    (round 22)."""
    event = document.event
    # (2023年国家网络安全宣传周 names the national week itself, whose programme it is)
    if not event or not re.fullmatch(r"\d{4}年网络安全宣传周", aligned(event)):
        return event
    year = aligned(event)[:5]
    named = re.search(
        re.escape(year) + r"[\u4e00-\u9fa5]{2,6}?(?:省|市|区|县)网络安全宣传周", document.analysis
    )
    if named:
        # 我校举办2024年网络安全宣传周… + 9月24日是2024年蘅阳省网络安全宣传周“校园日”: the week
        # the article names with its place, not the school's city's (round 26).
        return display(document.article.text[named.start() : named.end()])
    national = re.search(re.escape(year) + r"国家网络安全宣传周", document.analysis)
    if national:
        # 我校开展2025年网络安全宣传周… + 9月16日是2025年国家网络安全宣传周“校园日”: the national
        # week's programme, not a week of the school's city (round 35).
        return display(document.article.text[national.start() : national.end()])
    from .relative_places import most_local_home

    place = most_local_home(document, province=True)
    return in_script(document, display(place)) + event if place else event


def _local_week(document: Document, prefix: str, suffix: str) -> tuple[str, str]:
    """A bare week name gets its place (:func:`local_event`) when nothing else in the stem says
    where: ____是2023年网络安全宣传周“电信日” -> 在苇塘县，____是2023年网络安全宣传周“电信日”."""
    event, local = document.event, local_event(document)
    if local == event:
        return prefix, suffix
    whole = aligned(prefix + suffix)
    if aligned(event) not in whole or _names_a_place(document, whole.replace(aligned(event), "")):
        return prefix, suffix
    # The blank keeps the source's words on each side (the gate reads it back): the place
    # goes before the week's name when that is far enough from the blank, else in a lead.
    at = aligned(prefix).find(aligned(event))
    if at >= 0 and len(prefix) - (at + len(event)) > _CONTEXT_KEPT:
        return sub_aligned(re.escape(aligned(event)), local, prefix, count=1), suffix
    at = aligned(suffix).find(aligned(event))
    if at > _CONTEXT_KEPT:
        return prefix, sub_aligned(re.escape(aligned(event)), local, suffix, count=1)
    return f"在{local[: len(local) - len(event)]}，{prefix}", suffix


# The gate reads a blank back with up to this many characters of the source on each side.
_CONTEXT_KEPT = 4


def _names_a_place(document: Document, analysis: str) -> bool:
    """The text names a place of the gazetteer, the article's own or the nation."""
    if NATIONAL_RE.search(analysis.replace("国家网络安全宣传周", "")):
        return True
    if any(name in analysis for name in places() if len(name) >= 2):
        return True
    from .relative_places import home_names

    return any(name in analysis for name in home_names(document))
