"""Place- and body-relative words (全市, 全县, 市公安局, 县人民检察院, 我省) resolved to the place
the article is about, and a check that none is left.

A city police briefing says 全市 and 市公安局, a county report 全县, 县公安局 and 县委常委, and
never repeats the city's or county's name: a stem copied from it does not say which city or
county it is about. :func:`home_places` finds the article's own province, city, county and
district - from the gazetteer, and for places it does not list (most counties) from the way
the article names them (``甘谷县2022年国家网络安全宣传周``, ``甘谷县公安局``): a name that the
article gives at least twice. :func:`resolve_relative` replaces each relative word that no
place of its level precedes in the stem; :func:`unresolved_relative` tells the scorer whether
one is left (then the question is not recommended).

Words inside quotation marks are speech and stay as said; they are resolved when the stem
names the place anywhere outside them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .document import Document
from .lexicon import places, short_place_name
from .stem_text import aligned, mentions, sub_aligned, without_report_lead
from .textutil import outside_quotes

# What a bare 市/县/区/省 may head: a body of that place (市公安局, 县委常委, 县人民检察院).
_BODY = (
    r"(?:委(?!员)|人民政府|政府|公安局|公安厅|人民检察院|检察院|人民法院|法院|中院|反诈中心|网信办|"
    r"教育局|教育厅|宣传部|市场监管局|市场监督管理局|地方金融管理局|金融管理局|金融监管局|总工会|"
    r"妇联|文明办|融媒体中心|通信管理局|通信发展管理办公室|工业和信息化局|财政局|卫健委|"
    r"司法局|人社局|民政局|文旅局|广电局|团委|第[一二三四五六七八九十]+中学|"
    # 省网络违法和不良信息举报中心 (round 43)
    r"[\u4e00-\u9fa5]{2,12}?举报中心|[\u4e00-\u9fa5]{1,6}?"
    r"(?:局|厅|中心|办公室|委员会))"
)
# A bare 市/县/… opens a name only at a boundary (not 城市公安局, not 甘谷县公安局).
_BOUNDARY = r"(?:(?<=^)|(?<=[，。、；：“”‘’（(\s的和与及由在向到据经称即为是对从]))"
_LEVEL_CHAR = {"province": "省", "city": "市", "county": "县", "district": "区"}
_SCOPE_WORDS = {
    "province": r"全省|我省|本省",
    # 辖内: a city regulator's jurisdiction (辖内22家银行业保险业机构)
    # (西岭监管局辖内 is the bureau's own jurisdiction, which may be a province: kept, round 17)
    "city": r"全市|我市|本市|(?<![市县区省局厅办委])辖内",
    "county": r"全县|我县|本县",
    "district": r"全区|我区|本区",
}
# How a place names itself where its name is not in the gazetteer: 甘谷县2022年…,
# 甘谷县公安局, 甘谷县启动…
_SELF_NAMED = re.compile(
    # (共青团栎川区委, 《栎川区未成年人…调查报告》, a title's 栎川区发布…: round 25's league)
    r"(?:^|(?<=[，。、；：“”（(\s日讯《])|(?<=共青团))([\u4e00-\u9fa5]{2,3}?)(县|市|区)(?=\d{4}年|"
    r"国家网络安全|网络安全|公安局|公安分局|人民检察院|检察院|人民法院|县委|市委|区委|委|人民政府|"
    r"政府|融媒体中心|教育局|反诈中心|第[一二三四五六七八九十]+中学|启动|举行|召开|举办|发布|开展|"
    r"未成年人|中小学|"
    # 莲洲市金融监督管理局, 澄湾市警察总局: any body of the city named by its full name
    r"[\u4e00-\u9fa5]{2,8}?(?:管理局|监管局|总局|委员会|办公室|发展局))"
)
_NOT_A_NAME = re.compile(r"^(?:全|各|该|本|我|此|某|城|县城|市区|省市|市县|区县|县区)")
# A place the gazetteer does not list, introduced by a preposition or a year (从桐溪市公安局…,
# 在临渚区经营…, 2024年江岚省网络安全宣传周, 江岚省委): counted with its short form
# (临渚分局, 栖州), it is the article's own when it is named at least twice.
_INTRODUCED = re.compile(
    r"(?:^|(?<=[，。、；：“”（(,.;:\s日讯从在于到由向对和与及年「『【])|(?<=人民银行)|(?<=银保监会))"
    r"([\u4e00-\u9fa5]{2})(省|市|县|区)"
    r"(?=[\u4e00-\u9fa5]{0,6}?(?:公安|分局|网信|委|政府|人民|网络安全|实验|第[一二三四五六七八九十]|协会|监管局|"
    r"经营|开幕|举行|举办|启动|召开|的|[，,「『“《])|(?:当天|当日|今天|今年|日前|近日|近期)"
    # 人民银行鹤屿市中心支行: a bank's or regulator's branch is named by its city
    r"(?:上午|下午|晚上)?在|(?:中心支行|分行|支行|监管分局))"
)
_BRANCH = re.compile(
    r"(?:银行|电信|移动|联通|保险|证券)(?:股份有限公司|有限公司)?([\u4e00-\u9fa5]{2})(省|市)?"
    r"(?:分行|支行|分公司)"
)
_NOT_A_STEM = re.compile(
    r"^(?:全|各|该|本|我|此|某|城|市|省|县|区|辖|社|小|景|校|园|新|老|郊|山|"
    r"城市|地区|社区|小区|景区|园区|校区|辖区|城区|片区|街区|市区|县区|省市|"
    r"开发|示范|服务|保护|自治|特区|功能|综合|联合|整合|结合|配合|城乡|全市|"
    r"各地|当地|本地|外地|异地|属地|同城|省内|市内|县内|区内)"
)


def _mentions(document: Document, name: str) -> int:
    short = short_place_name(name)
    count = document.analysis.count(name)
    if short != name and len(short) >= 2:
        count = max(count, document.analysis.count(short))
    return count


def home_places(document: Document) -> dict[str, str]:
    """The article's own place per level (official names): ``{'province': '四川省', 'city':
    '广元市', 'county': '甘谷县', ...}``; a level is missing when the article names none at least
    twice (the first named in its title and lead wins a tie)."""
    cached = document.__dict__.get("_home_places")
    if cached is not None:
        return cached
    found: dict[str, Counter] = {level: Counter() for level in _LEVEL_CHAR}
    first_at: dict[str, int] = {}
    table = places()
    for name, place in table.items():
        if place.level not in found or name != place.name:
            continue
        count = _mentions(document, name)
        if count:
            found[place.level][name] = count
            first_at[name] = min(
                at
                for at in (document.analysis.find(n) for n in {name, short_place_name(name)})
                if at >= 0
            )
    for match in _SELF_NAMED.finditer(document.analysis):
        stem, suffix = match.groups()
        name = stem + suffix
        if _NOT_A_NAME.match(name) or name in table:
            continue
        level = {"县": "county", "市": "city", "区": "district"}[suffix]
        # 莲洲市金融监督管理局 once, 莲洲银行/莲洲日报/莲洲第三中学 often: the stem counts too.
        found[level][name] = max(document.analysis.count(name), document.analysis.count(stem))
        first_at.setdefault(name, match.start())
    for match in _INTRODUCED.finditer(document.analysis):
        stem, suffix = match.groups()
        name = stem + suffix
        if (
            _NOT_A_STEM.match(stem)
            or name in table
            or stem in table
            or any(name in n for n in found["province"])
        ):
            continue
        level = {"省": "province", "县": "county", "市": "city", "区": "district"}[suffix]
        if name not in found[level]:
            # 临渚区 once, 临渚分局 and 临渚警方 often: the short form counts as a mention.
            found[level][name] = document.analysis.count(stem)
            first_at.setdefault(name, match.start())
    publisher = re.match(
        r"^([\u4e00-\u9fa5]{2})(市|县|区)(?!委|政府)", aligned(document.article.publisher or "")
    )
    if publisher and not _NOT_A_STEM.match(publisher.group(1)):
        # 栗山市第二中学 publishes 栗山二中…: the publisher's place, named again by its stem.
        stem, suffix = publisher.groups()
        level = {"县": "county", "市": "city", "区": "district"}[suffix]
        name = stem + suffix
        if name not in table and name not in found[level] and stem in document.analysis:
            found[level][name] = 1 + document.analysis.count(stem)
            first_at.setdefault(name, document.analysis.find(stem))
    for match in _BRANCH.finditer(document.analysis):
        # 汇川银行澄江分行, 华通电信江岚省分公司: a bank's or operator's branch names its place.
        stem, suffix = match.group(1), match.group(2) or "市"
        level = {"省": "province", "市": "city", "县": "county", "区": "district"}[suffix]
        name = stem + suffix
        if _NOT_A_STEM.match(stem) or name in table or name in found[level]:
            continue
        if not match.group(2) and re.search(re.escape(stem) + r"(?:镇|乡|街道)", document.analysis):
            continue  # 邮储银行芦汀支行 in 芦汀镇: a town's branch, not a city's
        found[level][name] = max(2, document.analysis.count(stem))
        first_at.setdefault(name, match.start())
    paper = re.match(
        # 琅埔金融监管分局 publishes its own day and says 全市银行业机构/市公安局: a city's body
        # named by the city's stem (round 29) names the city as a paper does.
        r"^([\u4e00-\u9fa5]{2})(?:日报|晚报|晨报|都市报|新闻网|融媒体中心|广播电视台|电视台|"
        r"金融监管分局|金融监管局|监管分局|公安分局|警方|中院|中级人民法院|人民检察院)",
        aligned(document.article.publisher or ""),
    )
    if (
        paper
        and not any(found["city"].values())
        and not _NOT_A_STEM.match(paper.group(1))
        and paper.group(1) in aligned(document.article.title or "")
        and paper.group(1) not in table
        and re.search(r"全市|我市|本市|市委|市公安局|市民", document.analysis)
    ):
        # 桑浦晚报 reports 桑浦“断卡”行动… and 我市/市委网信办: the paper's city is the article's.
        found["city"][paper.group(1) + "市"] = 2
    rural = _COUNTY_BANK.search(document.analysis)
    if (
        rural
        and not any(found["county"].values())
        and not _NOT_A_STEM.match(rural.group(1))
        and rural.group(1) not in table
        and re.search(r"全县|我县|本县|县域", document.analysis)
    ):
        # 湉嶅农商银行…组织全县32个营业网点: a rural commercial bank is its county's (round 40:
        # 全县 was left unresolved and every stem "placeless").
        found["county"][rural.group(1) + "县"] = 2
    home: dict[str, str] = {}
    for level, counts in found.items():
        named = [n for n, c in counts.items() if c >= 2]
        if named:
            home[level] = max(named, key=lambda n: (counts[n], -first_at.get(n, 0)))
    if "province" not in home and document.region:
        province = next(
            (
                p.name
                for p in table.values()
                if p.level == "province" and short_place_name(p.name) == document.region
            ),
            "",
        )
        if province:
            home["province"] = province
    document.__dict__["_home_places"] = home
    return home


_COUNTY_BANK = re.compile(
    r"([\u4e00-\u9fa5]{2})(?:农商银行|农村商业银行|农村信用合作联社|农信社|村镇银行)"
)


def most_local_home(document: Document, *, province: bool = False) -> str:
    """The article's own place at its most local level (county, then district, then city; the
    province too when ``province``), or ``""``: the one place a bare 各银行, 市民王女士 or
    2023年网络安全宣传周 in a local report belongs to."""
    home = home_places(document)
    levels = ("county", "district", "city") + (("province",) if province else ())
    return next((home[level] for level in levels if level in home), "")


def introduced_places(document: Document) -> list[str]:
    """Places the gazetteer does not list that the article introduces, even once (从桐溪市公安局
    临渚分局获悉: 桐溪市, 临渚区 is found by its own sentence)."""
    cached = document.__dict__.get("_introduced_places")
    if cached is None:
        table = places()
        cached = []
        for match in _INTRODUCED.finditer(document.analysis):
            stem, suffix = match.groups()
            name = stem + suffix
            if _NOT_A_STEM.match(stem) or name in table or stem in table or name in cached:
                continue
            cached.append(name)
        document.__dict__["_introduced_places"] = cached
    return cached


def home_names(document: Document) -> set[str]:
    """The strings that name the article's own places in a stem: their names, and for a place
    the gazetteer does not list its two-character stem too (临渚分局, 在栖州开幕)."""
    table = places()
    names = set()
    for name in home_places(document).values():
        names.add(name)
        names.add(short_place_name(name))
        if name not in table and len(name) == 3:
            names.add(name[:2])
    if home_institution(document):
        names.add(home_institution(document))  # 澄江理工大学: where a school's own news happens
    # 芦汀镇, 青石街道: a town or sub-district the article names twice is where its news happens
    towns = re.findall(r"(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{2})(镇|乡|街道)", document.analysis)
    towns += re.findall(
        r"(?<=[，。、：；“”（(\s])([\u4e00-\u9fa5]{2})(镇|乡|街道)", document.analysis
    )
    for stem, suffix in set(towns):
        if not _NOT_A_STEM.match(stem) and document.analysis.count(stem + suffix) >= 2:
            names.add(stem + suffix)
    for stem in set(_POLICE_SUB_BUREAU.findall(document.analysis)):
        # 玶潆市公安局溦岏分局 + 溦岏近期连发3起电诈案件: the sub-bureau's district, named by its
        # stem (the article never writes 溦岏区; round 40's police alert was "placeless").
        if not _NOT_A_STEM.match(stem) and document.analysis.count(stem) >= 2:
            names.add(stem)
    return names


_POLICE_SUB_BUREAU = re.compile(r"公安局([\u4e00-\u9fa5]{2})分局")


@lru_cache(maxsize=1)
def _gazetteer_by_level() -> dict[str, tuple[str, ...]]:
    by_level: dict[str, set[str]] = {level: set() for level in _LEVEL_CHAR}
    for name, place in places().items():
        level = place.level
        if level == "province" and place.name.endswith("市"):
            by_level["city"].add(name)  # 北京市 is a city too
        if level in by_level and len(name) >= 2:
            by_level[level].add(name)
    return {level: tuple(sorted(names, key=len, reverse=True)) for level, names in by_level.items()}


def _named_before(document: Document, text: str, at: int, level: str) -> bool:
    """Whether ``text[:at]`` names a place of ``level``: one of the gazetteer or the article's
    own (甘谷县 … 县公安局 is resolved, 全县 alone is not)."""
    # 据潍坊晚报2023年9月报道，: a publisher's name says whose report, not which city's body.
    head = without_report_lead(text[:at])
    names = _gazetteer_by_level()[level]
    home = home_places(document).get(level, "")
    if home and (home in head or short_place_name(home) in head):
        return True
    return any(name in head for name in names)


def _relative_re(level: str) -> re.Pattern:
    char = _LEVEL_CHAR[level]
    return re.compile(rf"(?P<scope>{_SCOPE_WORDS[level]})|{_BOUNDARY}(?P<body>{char})(?={_BODY})")


_RELATIVE = {level: _relative_re(level) for level in _LEVEL_CHAR}


def _replacement(level: str, name: str, match: re.Match) -> str:
    if match.group("body"):
        return name  # 县公安局 -> 甘谷县公安局 (the name ends with 县)
    word = match.group("scope")
    if level == "province":
        # 全省 -> 四川全省 (the convention of the rest of the generator), 我省 -> 四川
        return short_place_name(name) + ("全省" if word == "全省" else "")
    return name  # 全县共发生… -> 甘谷县共发生…, 全市 -> 潍坊市


_INSTITUTION = r"[\u4e00-\u9fa5]{2,12}?(?:大学|学院|职业技术学院|中学|小学|学校)"
# In a school's own news 我校/本校, and 学校 or 全校 opening a clause, are that school.
_OWN_SCHOOL = re.compile(r"我校|本校|(?:^|(?<=[，。；：\s]))(?:学校|全校)|(?<=[向在对])全校")


def home_institution(document: Document) -> str:
    """The school or university that publishes the article (澄江理工大学党委宣传部 -> 澄江理工
    大学), or, when the article says 我校/本校, the first one its text names; '' otherwise. A
    school's own news names no city, and its name is the "where" a stem needs."""
    cached = document.__dict__.get("_home_institution")
    if cached is not None:
        return cached
    found = re.match(_INSTITUTION, aligned(document.article.publisher or ""))
    name = document.article.publisher[: found.end()] if found else ""
    if not name and re.search(r"我校|本校", document.analysis):
        named = re.search(
            rf"(?<![\u4e00-\u9fa5]){_INSTITUTION}|(?<=[，。、\s日])({_INSTITUTION})",
            document.analysis,
        )
        if named:
            text = named.group(1) or named.group(0)
            name = document.article.text[named.start(named.lastindex or 0) :][: len(text)]
    document.__dict__["_home_institution"] = name
    return name


def _resolve_own_school(document: Document, text: str) -> str:
    school = home_institution(document)
    # (据云泽市第二中学…报道，全校… names the school as the publisher, not as the place.)
    if not school or school in without_report_lead(text):
        return text
    analysis = aligned(text)
    outside = outside_quotes(analysis)
    for match in _OWN_SCHOOL.finditer(analysis):
        if outside[match.start()]:
            name = school + "全校" if match.group(0) == "全校" else school
            return text[: match.start()] + name + text[match.end() :]
    return text


_SHORT_FOR = re.compile(
    r"(?P<full>[\u4e00-\u9fa5]{4,30})[（(]以下简称[“\"]?(?P<short>[\u4e00-\u9fa5]{2,8})[”\"]?[）)]"
)


def _resolve_abbreviation(document: Document, text: str) -> str:
    """青禾县农村信用合作联社（以下简称“县联社”）…: a clause opening with 县联社 names the body
    in full, as a student who never saw the definition needs."""
    for match in _SHORT_FOR.finditer(document.analysis):
        full = document.article.text[match.start("full") : match.end("full")]
        if len(full) > 20 or not re.search(
            r"(?:社|局|院|会|行|办|中心|公司|委员会|协会|联合会)$", aligned(full)
        ):
            continue  # a body's name, not a clause (…依法惩治帮助信息网络犯罪活动罪)
        short = match.group("short")
        if mentions(without_report_lead(text), full):
            continue
        found = re.search(rf"(?:^|(?<=[，：]))(?:由)?{re.escape(short)}", aligned(text))
        if found:
            at = found.end() - len(short)
            return text[:at] + full + text[found.end() :]
    return text


# A sub-bureau named in full once: 国家金融监督管理总局漖屺监管分局, 玶潆市公安局溦岏分局.
_FULL_BUREAU = re.compile(
    r"(?:国家金融监督管理总局|中国人民银行)[\u4e00-\u9fa5]{2,6}?(?:监管分局|分行)|"
    r"(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5]{2,4}?市公安局[\u4e00-\u9fa5]{2,4}?分局"
)


def _resolve_bare_bureau(document: Document, text: str) -> str:
    """分局消费者权益保护处处长任雪鸿介绍，…分局共接到… / 分局反诈中心民警郗立峰说: a clause opening
    with a bare 分局 in an article that names one sub-bureau in full is that bureau (round 41
    printed 漖屺市分局, a scope from the sentence before glued onto it)."""
    found = _FULL_BUREAU.search(document.analysis)
    if not found:
        return text
    name = document.article.text[found.start() : found.end()]
    analysis = aligned(text)
    if mentions(analysis, aligned(name)):
        return text
    kind = "分行" if aligned(name).endswith("分行") else "分局"
    bare = re.search(rf"(?:^|(?<=[，：“”。]))(?:该)?{kind}(?=[\u4e00-\u9fa5])", analysis)
    if not bare or not outside_quotes(analysis)[bare.start()]:
        return text
    return text[: bare.start()] + name + text[bare.end() :]


_OWN_BRANCH = re.compile(r"(分行|支行|银行|分局|分公司|公司)$")


def _resolve_own_branch(document: Document, text: str) -> str:
    """分行各网点…, 公司已为…: in a branch's or company's own release, a clause opening with the
    bare word for it is the publisher (汇川银行澄江分行, 股份有限公司 left out)."""
    publisher = document.article.publisher or ""
    kind = _OWN_BRANCH.search(aligned(publisher))
    if not kind:
        return text
    name = re.sub(r"(?:股份)?有限公司(?=.)", "", publisher)
    if mentions(text, name):
        return text
    if kind.group(1).endswith("行"):
        # 湉嶅农商银行's release: 该行各网点柜员… / 当天全行共举办… are the bank's (round 40).
        found = re.search(
            r"(?:^|(?<=[，：]))(?:[^，：]{0,8}?)(?P<word>该行|本行|我行|全行)", aligned(text)
        )
        if found and outside_quotes(aligned(text))[found.start("word")]:
            return text[: found.start("word")] + name + text[found.end("word") :]
    found = re.search(
        rf"(?:^|(?<=[，：]))(?:本|该)?{kind.group(1)}(?=[\u4e00-\u9fa5])", aligned(text)
    )
    if not found or outside_quotes(aligned(text))[found.start()] is False:
        return text
    return text[: found.start()] + name + text[found.end() :]


def _home_spelling(document: Document) -> dict[str, str]:
    """Simplified character -> the article's own, for the home places' names as the article
    writes them: a simplified report about 澦琨省 keeps 澦 (home places are found on the
    simplified analysis copy, which reads 滪琨)."""
    cached = document.__dict__.get("_home_spelling")
    if cached is not None:
        return cached
    spelling: dict[str, str] = {}
    for name in home_places(document).values():
        at = document.analysis.find(name)
        if at < 0:
            continue
        written = document.article.text[at : at + len(name)]
        spelling.update((s, w) for s, w in zip(name, written, strict=True) if s != w)
    document.__dict__["_home_spelling"] = spelling
    return spelling


def resolve_relative(document: Document, text: str) -> str:
    """``text`` with every relative place word outside quotation marks that no place of its
    level precedes replaced by the article's own place (see the module docstring); 我校/本校
    becomes the publishing school's name."""
    resolved = _resolve_relative(document, text)
    spelling = _home_spelling(document)
    if not spelling or resolved == text:
        return resolved
    return "".join(spelling.get(char, char) for char in resolved)


def _resolve_relative(document: Document, text: str) -> str:
    text = _resolve_abbreviation(document, text)
    text = _resolve_own_branch(document, _resolve_own_school(document, text))
    text = _resolve_bare_bureau(document, text)
    home = home_places(document)
    for level, char in _LEVEL_CHAR.items():
        name = home.get(level)
        found = re.search(rf"{_BOUNDARY}团{char}委", aligned(text)) if name else None
        if found and not _named_before(document, aligned(text), found.start(), level):
            # 团区委副书记温若岚 -> 共青团霁川区委副书记温若岚 (the league's committee of the place)
            text = text[: found.start()] + f"共青团{name}委" + text[found.end() :]
    for level in ("province", "city", "county", "district"):
        name = home.get(level)
        if not name:
            continue
        analysis = aligned(text)
        outside = outside_quotes(analysis)
        pieces = []
        cursor = 0
        for match in _RELATIVE[level].finditer(analysis):
            if not outside[match.start()] or _named_before(
                document, analysis, match.start(), level
            ):
                continue
            if pieces:
                break  # the first one named the place: the ones after it are resolved
            pieces.append(text[cursor : match.start()])
            pieces.append(_replacement(level, name, match))
            cursor = match.end()
        if pieces:
            text = "".join(pieces) + text[cursor:]
        # 莲洲市…副局长陆启明表示，…本市共录得…: 本市/我市 point at the article's own place even
        # after a place was named (全市 there reads as that place's).
        # 澄江市 + 市邮政管理局… (a scope put before a body already named by its level): once.
        text = sub_aligned(
            rf"{re.escape(name)}{_LEVEL_CHAR[level]}(?={_BODY})", name, text, count=1
        )
        own_name = short_place_name(name) if level == "province" else name
        text = sub_aligned(
            rf"(?:本|我){_LEVEL_CHAR[level]}(?![\u4e00-\u9fa5]{{0,2}}(?:民|人))", own_name, text
        )
        if pieces:
            # 全市莲洲银行 -> 莲洲市莲洲银行: a body already named by the place needs no prefix.
            short = short_place_name(name)
            if len(short) >= 2:
                text = sub_aligned(rf"{re.escape(name)}(?={re.escape(short)})", "", text, count=1)
    return text


def unresolved_relative(document: Document, text: str) -> str:
    """The first relative place word of ``text`` (outside quotation marks) that no place of
    its level precedes; '' when there is none."""
    analysis = aligned(text)
    outside = outside_quotes(analysis)
    for level in ("province", "city", "county", "district"):
        for match in _RELATIVE[level].finditer(analysis):
            if outside[match.start()] and not _named_before(
                document, analysis, match.start(), level
            ):
                if match.group("body"):
                    return match.group(0) + re.match(_BODY, analysis[match.end() :]).group(0)
                return match.group(0)
    return ""
