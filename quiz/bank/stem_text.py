"""Display text of stems: full-width punctuation, balanced quotes, and matching on the
simplified analysis copy of display text (traditional articles) without changing its characters."""

from __future__ import annotations

import re
from functools import lru_cache

from .textutil import analysis_text, compare_key

# 一旦发现被骗。 / 未经国务院证券监督管理机构核准。 / 在…要求…提供1小时服务后。: a condition or a
# time clause whose main clause (what to do, what is forbidden, what happened) was cut off.
CONDITION_ONLY = re.compile(
    r"^(?:一旦|如果|如若|若是?|假如|倘若|万一|只要|一经)(?![^，。；：]*(?:要|应|请|可|须|必|立即|马上|"
    r"就|都|即|便|会|将|不))|^未经[^，。；：]*(?:核准|批准|许可|同意|授权|允许|备案)$|"
    r"^(?:在|自|当|待)[^，。；：]*(?:之后|后|之时|时|以前|之前|前)$"
)

# The lead a stem may open with, saying whose report it is and when (stem_anchor.report_lead):
# 据潇湘晨报2024年9月报道， / 据共青团江屿市云亭区委员会2022年9月消息， / 据2024年9月的报道，
REPORT_LEAD = r"据[^，]{2,30}(?:报道|消息)，"
_REPORT_LEAD_RE = re.compile("^" + REPORT_LEAD)


def without_report_lead(text: str) -> str:
    """``text`` without the report lead it opens with (the stem's own words)."""
    return _REPORT_LEAD_RE.sub("", text, count=1)


_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

_WORD_CHAR = r"[\u4e00-\u9fa5A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"


def display(text: str) -> str:
    """Reader-facing form: no line breaks, full-width punctuation between Chinese text,
    half-width digits and Latin letters (１０月 -> 10月, ＡＰＰ -> APP).

    A run of spaces between two words (主题为“金融网络安全 你我共同守护”) stays one space;
    other whitespace (line breaks of a wrapped paragraph, spaces next to punctuation) goes.
    """
    if re.search(r"[\u4e00-\u9fa5]", text):
        text = text.strip()
        text = re.sub(rf"(?<={_WORD_CHAR})[ \t\u3000]+(?={_WORD_CHAR})", "\x00", text)
        text = re.sub(r"\s+", "", text).replace("\x00", " ")
    else:
        text = text.strip()
    return "".join(_HALF_TO_FULL.get(char, _narrow(char)) for char in text)


def _narrow(char: str) -> str:
    code = ord(char)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)
    return char


def finish(text: str) -> str:
    """Balance quotes and end with one 。 (a cloze keeps its blank)."""
    text = _balance_quotes(text).rstrip("，、；：")
    if not text.endswith(("。", "？", "！", "。”", "？”", "！”", "…")):
        text += "。"
    return text


def _balance_quotes(text: str) -> str:
    chars = list(text)
    open_positions: list[int] = []
    drop: set[int] = set()
    for index, char in enumerate(chars):
        if char == "“":
            open_positions.append(index)
        elif char == "”":
            if open_positions:
                open_positions.pop()
            else:
                drop.add(index)
    closing = ""
    if len(open_positions) == 1 and len(chars) - open_positions[0] > 8:
        # 他感慨万千：“报警后，……守好自己的‘钱袋子’。 -> close the quotation at the end.
        closing = "”"
    else:
        drop.update(open_positions)
    return "".join(char for index, char in enumerate(chars) if index not in drop) + closing


def mentions(stem: str, phrase: str) -> bool:
    """Whether ``stem`` already contains ``phrase``, ignoring punctuation, width and case."""
    return bool(phrase) and compare_key(phrase) in compare_key(stem)


@lru_cache(maxsize=4096)
def aligned(text: str) -> str:
    """Simplified copy of display text; NFKC's "," is turned back into "，" (same length)."""
    return analysis_text(text).translate(str.maketrans(",;:", "，；："))


def sub_aligned(pattern: str, replace, text: str, count: int = 0) -> str:
    """re.sub matched on the simplified analysis copy of ``text`` (same length), so traditional
    articles are resolved too; replacement text is spliced into the original characters."""
    analysis = aligned(text)
    pieces = []
    cursor = 0
    for number, match in enumerate(re.finditer(pattern, analysis)):
        if count and number >= count:
            break
        groups = [
            text[match.start(i) : match.end(i)] if match.start(i) >= 0 else ""
            for i in range(len(match.groups()) + 1)
        ]
        pieces.append(text[cursor : match.start()])
        pieces.append(replace(groups) if callable(replace) else replace)
        cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces)


_ADDITIVE = re.compile(
    r"(?<=[\u4e00-\u9fa5])还(?=将|持续|开展|表彰|发布|公布|举行|举办|宣读|通报|设置|设立|组织|邀请|"
    r"颁发|签订|为|向|对|推出|启动|上线|成立|在|"
    # 全省通信行业还联合公安机关捣毁…窝点17个 (round 30)
    r"联合|会同|配合|协助|协同|捣毁|破获|抓获|打掉|查处|查扣|关停|拦截|处置|约谈|下架|"
    # 易晓彤还提醒同学们，… (round 31); …网点还成功劝阻一名68岁老人… (round 32)
    r"提醒|表示|介绍|强调|指出|建议|成功|劝阻|帮助|协助|累计)"
)


def drop_additive(text: str) -> str:
    """还 ("also") after a subject points to a sentence the student does not have
    (甘谷县公安局还持续开展… -> 甘谷县公安局持续开展…); outside quotation marks only."""
    analysis = aligned(text)
    depth = 0
    keep = []
    for index, char in enumerate(text):
        if analysis[index] in "“「":
            depth += 1
        elif analysis[index] in "”」" and depth:
            depth -= 1
        # (the analysis copy is simplified: 還 in a traditional stem is 还 there, round 30)
        if depth == 0 and analysis[index] == "还" and _ADDITIVE.match(analysis, index):
            continue
        if depth == 0 and (
            (index >= 1 and analysis[index : index + 2] == "刚刚" and analysis[index - 1] in "日_")
            or (
                index >= 2
                and analysis[index - 1 : index + 1] == "刚刚"
                and analysis[index - 2] in "日_"
            )
        ):
            continue  # 9月2日刚刚表决通过的…: "just now" is the reporter's (round 31)
        keep.append(char)
    return "".join(keep)


_SCENE_LEAD = re.compile(
    rf"^(?P<lead>{REPORT_LEAD})?(?:活动现场|现场|会上|发布会上|通报会上|发布会现场)，(?=[\u4e00-\u9fa5“《])"
)
_SCENE_IN_SPEECH = re.compile(
    r"在(?:活动|会|现场|仪式|发布会|通报会)(?:上|中|现场)(?=介绍|表示|说|指出|强调|提醒)"
)


_RUBRIC_LABEL = re.compile(
    r"(^|(?<=报道，)|(?<=消息，))(?:典型案例|真实案例|案例[一二三四五六七八九十\d]*|风险提示|风险提醒|温馨提示|"
    r"特别提醒|友情提示)[:：]"
)


def drop_scene(text: str) -> str:
    """A scene the stem does not name (活动现场，… / …在活动上介绍) says nothing the fact needs:
    it is dropped (活动现场，中国人民银行湖北省分行副行长孙立新介绍… -> 中国人民银行…介绍…). So is a
    rubric label (典型案例：, 风险提示：), which is the article's layout, not the claim."""
    label = _RUBRIC_LABEL.search(aligned(text))
    if label:
        text = text[: label.start()] + label.group(1) + text[label.end() :]
    analysis = aligned(text)
    found = _SCENE_LEAD.match(analysis)
    if found:
        keep = found.end("lead") if found.group("lead") else 0
        text = text[:keep] + text[found.end() :]
        analysis = aligned(text)
    found = _SCENE_IN_SPEECH.search(analysis)
    if found:
        text = text[: found.start()] + text[found.end() :]
    return text


# 查处网络运营、不履行网络安全义务的网络运营者: an item coordinated with a modifier of its own
# head (a word dropped in the source, 违规网络运营); copied into a stem it does not read.
GARBLED_PAIR = re.compile(
    r"(?P<x>[\u4e00-\u9fa5]{2,6})、(?=(?P<rest>[^，。、]{2,20}?的[\u4e00-\u9fa5]{0,4}(?P=x)者))"
)


def drop_garbled_item(text: str) -> str:
    """The dangling first item of a garbled pair is dropped (查处网络运营、不履行…义务的网络运营者
    -> 查处不履行…义务的网络运营者): what the sentence says of its head, read whole. A blank
    inside the pair leaves it alone (the pair is then what is asked)."""
    found = GARBLED_PAIR.search(aligned(text))
    if not found or "_" in text[found.start() : found.end("rest")]:
        return text
    return text[: found.start()] + text[found.end() :]


# 內地2025年國家網絡安全宣傳週 / 內地《未成年人網絡保護條例》 / 期間內地各地: a Hong Kong or Macau
# outlet's word for the mainland, which a mainland school's paper does not use (round 40).
_MAINLAND = re.compile(
    r"(?:^|(?<=[，。；：、\s])|(?<=期间))内地(?=\d{4}年国家|国家|《|_|各地|各省)"
)


# 昨日（9月17日） / 今天（9月18日）: a relative day the writer dated; the date is what a stem says.
_DATED_DEIXIS = re.compile(
    r"(?:今天|今日|昨天|昨日|前天|当天|当日)[（(](?P<date>\d{1,2}月\d{1,2}日|_+)[）)]"
)


def dated_deixis(text: str) -> str:
    """``text`` with a dated relative day said by its date (昨日（9月17日） -> 9月17日)."""
    return sub_aligned(_DATED_DEIXIS.pattern, lambda g: g[1], text)


def mainland_view(text: str) -> str:
    """``text`` in a mainland reader's words: 內地 dropped before the national week, 我国 before a
    law's title, 全国 before 各地 (the caller puts the result in the article's script)."""
    analysis = aligned(text)
    pieces, cursor = [], 0
    for match in _MAINLAND.finditer(analysis):
        after = analysis[match.end() : match.end() + 1]
        pieces.append(text[cursor : match.start()])
        pieces.append(
            "" if after.isdigit() or after == "国" else ("我国" if after in "《_" else "全国")
        )
        cursor = match.end()
    return "".join(pieces) + text[cursor:] if pieces else text


# 澂岺省2025年国家网络安全宣传周期间，1月至8月，全省累计清理…: the week announced the year's
# figures; a period of months is no part of a week (round 43's reader).
_WEEK_BEFORE_PERIOD = re.compile(
    r"^(?P<lead>(?:据[^，]{2,40}，)?)(?P<place>[\u4e00-\u9fa5]{0,8}?)(?P<year>\d{4}年)(?:国家)?"
    r"网络安全宣传周期间，(?=\d{1,2}月(?:至|到|-)\d{1,2}月|今年以来|年初以来)"
)


def week_before_period(text: str) -> str:
    """``text`` with the week dropped before a period of months (the place and year kept)."""
    found = _WEEK_BEFORE_PERIOD.match(aligned(text))
    if not found:
        return text
    kept = text[: found.end("year")]
    kept = kept[: found.start("place")] + text[found.start("place") : found.end("place")]
    return kept + text[found.start("year") : found.end("year")] + text[found.end() :]
