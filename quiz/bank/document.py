"""The analysed article: sentences, clauses, the event it reports, and context look-ups.

Context look-ups give every fact its scope (全省 / 广元市 / 全市) and time frame (近年来 /
1月至9月): the nearest mention before the answer in the sentence, else in earlier sentences
of the same paragraph, else in the section heading. Stems state both so that each question
has exactly one right answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .article import Article
from .layout import DATELINE_RE
from .lexicon import places
from .segment import Clause, Sentence, split_clauses, split_sentences
from .textutil import analysis_text, compare_key, is_traditional

# A comparison base (较去年同期, 同比) is not a time frame; 今年上半年 is one, whole.
TIME_FRAME_RE = re.compile(
    r"近年来|近几年|近年|今年以来|去年以来|\d{4}年以来|"
    r"(?:今年|去年|\d{4}年)?(?:上半年|下半年|前三季度|第[一二三四]季度|一季度)|"
    # 今年1月1日至9月20日: a period of days, whole (round 26 read 今年1月 for it)
    r"(?:今年|去年|\d{4}年)?\d{1,2}月\d{1,2}日(?:至|到|-)(?:\d{1,2}月)?\d{1,2}日|"
    r"今年\d{1,2}月(?:(?:至|到|-)\d{1,2}月)?|"
    r"\d{4}年\d{1,2}月(?:至|到|-)(?:今年|去年|\d{4}年)?\d{1,2}月|"
    # 1至8月 (the first month without its 月, round 17); 宣传周期间 is a period too
    r"\d{1,2}(?:月(?:份)?)?(?:至|到|-)\d{1,2}月(?:份)?|截至\d{1,2}月(?:\d{1,2}日|底)?|"
    r"(?:宣传周|活动)期间|"
    r"(?<![较比与同])(?:今年|去年)(?!同期)"
)
FULL_DATE_RE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
# A sentence about one day or one scene: no period is borrowed for it.
_DAY_SCENE_RE = re.compile(
    r"开幕式|启动仪式|仪式上|当天|当日|同日|活动现场|会上|现场|(?<!\d)\d{1,2}月\d{1,2}日"
)
_BRACKETED_RE = re.compile(r"《[^》]*》|[(（][^)）]*[)）]")
SCOPE_WORD_RE = re.compile(r"全国|全省|全市|全区|全县|全州|我省|我市|我区|我县|我国|本省|本市")
EVENT_RE = re.compile(
    r"(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:[\u4e00-\u9fa5]{2,6}?(?:省|市|区|县|自治区))?)?"
    r"(?:国家)?网络安全宣传周"
)
_LEAD_OR_FILLER = re.compile(
    r"^(?:近年来|近几年|目前|当前|今年以来|去年以来|当天|当日|同日|会上|据了解|据悉|据介绍|另外|此外|同时|"
    r"其中|与此同时|下一步|活动现场|现场|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|"
    r"今年\d{1,2}月|(?:今年|去年)?(?:上半年|下半年)|\d{1,2}月(?:至|到)\d{1,2}月)$"
)
# Subject = the words before the first verb-like word of the clause.
_SUBJECT_RE = re.compile(
    r"^([\u4e00-\u9fa5]{2,14}?)(?=共|已|将|还|也|先后|累计|成立|成功|持续|正在|正|开展|举办|举行|召开|"
    r"发布|设置|破获|抓获|侦办|侦破|受理|立案|查处|拦截|发现|监测|组织|处置|在|于|以|由|把|通过|联合|"
    r"全力|深入|积极|始终|进一步|要|坚持|聚焦|围绕|推出|建立|启动|会同|针对|结合)"
)
_AGENT_RE = re.compile(
    r"(?:全省|全市|全区|全县|全国|我省|我市|公安机关|警方|金融机构|银行机构|部门|局|厅|办|委|中心|"
    r"法院|检察院|分行|银行|公司|协会|学校|中学|小学|大学|学院|博览会|宣传周|大赛|竞赛)$|"
    r"^(?:该|全省|全市|全国)"
)


def _agent_like(name: str) -> bool:
    if _AGENT_RE.search(name):
        return True
    table = places()
    return any(name.startswith(place) and len(place) >= 2 for place in table) and not re.search(
        r"[的了]", name
    )


_PLACE_SUBJECT_FOLLOWERS = re.compile(
    r"^(?:市|省)?(?:公安|警方|法院|检察|政府|网信|将|已|共|累计|成立|举行|举办|各地)"
)


# A place name followed by one of these names a street or a landmark (中山路, 人民广场).
_STREET_AFTER = re.compile(r"路|街|大道|大街|巷|广场|公园|桥|小区|花园|大厦")


@dataclass
class Document:
    """An article prepared for extraction; all offsets are absolute into ``article.text``."""

    article: Article
    analysis: str = field(init=False)
    sentences: list[Sentence] = field(init=False)

    def __post_init__(self) -> None:
        self.analysis = analysis_text(self.article.text)
        self.sentences = split_sentences(self.article.text, self.analysis)
        self._clauses: dict[int, list[Clause]] = {}

    def clauses(self, sentence: Sentence) -> list[Clause]:
        """Clauses of ``sentence`` (cached)."""
        if sentence.index not in self._clauses:
            self._clauses[sentence.index] = split_clauses(sentence)
        return self._clauses[sentence.index]

    @cached_property
    def display_text(self) -> str:
        """The article text with straight double quotes turned into “…” (same offsets)."""
        text = self.article.text
        if '"' not in text:
            return text
        return "".join(self.analysis[i] if char == '"' else char for i, char in enumerate(text))

    @cached_property
    def traditional(self) -> bool:
        """Is the article written in traditional characters?"""
        return is_traditional(self.article.text)

    @cached_property
    def compare_key(self) -> str:
        """``compare_key`` of the whole analysis copy (for "never in the article" checks)."""
        return compare_key(self.analysis)

    @cached_property
    def event(self) -> str:
        """The week being reported, e.g. 四川省2021年国家网络安全宣传周 ('' if none)."""
        first = ""
        for sentence in self.sentences[:8]:
            match = EVENT_RE.search(sentence.analysis)
            if not match or not re.match(
                r"(?:\d{4}|[〇零一二三四五六七八九]{4})年", match.group(0)
            ):
                continue
            begin = match.start()
            for name in sorted(places(), key=len, reverse=True):
                if sentence.analysis[:begin].endswith(name):
                    begin -= len(name)
                    break
            else:
                # 甘谷县2022年…: a county the gazetteer does not list, named again elsewhere.
                own = re.search(
                    r"(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5]{2,3}?[省县市区]$",
                    sentence.analysis[:begin],
                )
                if own and self.analysis.count(own.group(0)) >= 2:
                    begin -= len(own.group(0))
            end = match.end()
            # 2023年国家网络安全宣传周嵩岚省活动: a province's or a city's events of the week
            local = re.match(
                r"[\u4e00-\u9fa5]{2,6}?(?:省|市|县|区|自治区)活动", sentence.analysis[end:]
            )
            if local and begin == match.start():
                end += len(local.group(0))
            named = sentence.text[begin:end]
            if begin < match.start() or end > match.end():
                return named  # the week with its place (a headline may omit it)
            first = first or named
        if first:
            return first
        # 国家网络安全宣传周“电信日”当天 with the year only in the date: 2024年国家网络安全宣传周.
        for sentence in self.sentences[:8]:
            match = EVENT_RE.search(sentence.analysis)
            if match and self.year and "国家" in match.group(0):
                return f"{self.year}年{sentence.text[match.start() : match.end()]}"
        return ""

    @cached_property
    def event_day(self) -> tuple[str, str]:
        """The day the week opened and the verb saying so (``('10月11日', '启动')``), from the
        first sentence naming the week with 启动/开幕 and a day before it; ('', '') if none."""
        event = self.event
        if not event:
            return "", ""
        for sentence in self.sentences[:12]:
            if sentence.heading:
                continue
            text = DATELINE_RE.sub("", sentence.analysis, count=1)
            at = text.find(analysis_text(event))
            opened = re.search(r"启动|开幕", text[at:]) if at >= 0 else None
            day = FULL_DATE_RE.search(text[:at]) if at >= 0 else None
            if opened and day:
                return re.sub(r"^\d{4}年", "", day.group(0)), opened.group(0)
        return "", ""

    @cached_property
    def year(self) -> int | None:
        """The year the article reports on: its date's, else the first 20xx年 of the text."""
        found = re.match(r"(\d{4})-", self.article.date or "")
        if not found:
            found = re.search(r"(20\d{2})年", self.analysis[:2000])
        return int(found.group(1)) if found else None

    @cached_property
    def home_district(self) -> str:
        """The district (or county) an article is about when it names exactly one, at least
        twice (岳麓区 for a 岳麓分局 report); '' otherwise."""
        counts = {
            name: self.analysis.count(name)
            for name, place in places().items()
            if place.level in ("district", "county") and name == place.name
        }
        named = [name for name, count in counts.items() if count]
        if len(named) == 1 and counts[named[0]] >= 2:
            return self.article.text[self.analysis.find(named[0]) :][: len(named[0])]
        return ""

    @cached_property
    def region(self) -> str:
        """Short name of the province the article is about (四川), '' when unclear."""
        table = places()
        counts: dict[str, int] = {}
        for name, place in table.items():
            if place.level == "province" and name == place.name:
                short = name[:-1] if name.endswith("省") else name
                counts[short] = self.analysis.count(short)
        best = max(sorted(counts), key=lambda key: counts[key], default="")
        return best if best and counts[best] > 0 else ""

    def dateline_end(self, sentence: Sentence) -> int:
        """Absolute end of the dateline opening ``sentence`` (its start when there is none)."""
        match = DATELINE_RE.match(sentence.analysis)
        return sentence.start + (match.end() if match else 0)

    def subject(self, sentence: Sentence) -> tuple[int, str]:
        """The sentence's agent (广元市, 全省公安机关, 网络安全博览会, 该局) and its offset.

        It opens the first clause that is not a dateline, lead (近年来) or filler (据介绍), and
        must look like an agent: a place, a scope word, an organisation or an event. (-1, '')
        when there is none.
        """
        for clause in self.clauses(sentence):
            head = clause.analysis
            skip = 0
            if clause.start == sentence.start:
                match = DATELINE_RE.match(head)
                skip = match.end() if match else 0
            head = head[skip:]
            if not head or _LEAD_OR_FILLER.match(head):
                continue
            opener = re.match(r"^(?:据|在|由)", head)
            if opener and not _SUBJECT_RE.match(head[opener.end() :]):
                return -1, ""
            skip += opener.end() if opener else 0
            found = _SUBJECT_RE.match(head[opener.end() if opener else 0 :])
            if not found:
                return -1, ""
            name = re.split(r"今年|去年|近年|上半年|下半年|\d", found.group(1))[0]
            if len(name) < 2 or not _agent_like(name):
                return -1, ""
            start = clause.start + skip
            return start, self.article.text[start : start + len(name)]
        return -1, ""

    def last_organisation(self, offset: int, suffix: str) -> str:
        """The last organisation name ending in ``suffix`` (局, 中心, 行) before ``offset``."""
        pattern = re.compile(
            # (据华岳银行澄州分行统计，…该分行…: named as the source of the figures, round 21)
            rf"(?:^|(?<=[，。、：；“”\s,.:;(据]))([\u4e00-\u9fa5]{{2,20}}?{suffix})"
            r"(?=相关|负责人|副|主任|局长|行长|总经理|零售|业务部|表示|介绍|发布|联合|召开|统计|的|[，。、,])"
        )
        # 骗徒经常假冒银行、…: a clause about a bank, not a bank's name.
        found = [
            m
            for m in pattern.finditer(self.analysis, 0, offset)
            if not re.search(r"冒充|假冒|经常|通过|到|向|把|被|去|在", m.group(1))
        ]
        if not found:
            return ""
        match = found[-1]
        start = match.start(1) + (1 if match.group(1).startswith("据") else 0)
        return self.article.text[start : match.end(1)]

    def sentence_of(self, offset: int) -> Sentence:
        """The sentence containing ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        raise ValueError(offset)

    def _context_sentences(self, sentence: Sentence) -> list[Sentence]:
        earlier = [
            other
            for other in self.sentences[: sentence.index]
            if other.paragraph == sentence.paragraph and not other.heading
        ]
        heading = []
        if sentence.section >= 0:
            first_body = next(
                (s.paragraph for s in self.sentences[sentence.section + 1 :] if not s.heading),
                -1,
            )
            # A headline (今年以来成绩亮眼) frames the paragraph right under it, not the section.
            if sentence.paragraph == first_body:
                heading = [self.sentences[sentence.section]]
        return list(reversed(earlier)) + heading

    def time_frame(self, sentence: Sentence, offset: int) -> str:
        """Nearest time frame (近年来, 1月至9月, ...) governing ``offset``; '' if none.

        A frame is borrowed from the sentences before only by a sentence that reports figures
        of a period: one about a day (开幕式上, 当天, 10月11日) keeps its own time, and a period
        inside a title or brackets (《…报告（2021年上半年）》) governs nothing after it.
        """
        local = [m for m in TIME_FRAME_RE.finditer(self.analysis, sentence.start, offset)]
        if local:
            return self.article.text[local[-1].start() : local[-1].end()]
        if _DAY_SCENE_RE.search(sentence.analysis):
            return ""
        for other in self._context_sentences(sentence):
            text = _BRACKETED_RE.sub(lambda m: "　" * len(m.group(0)), other.analysis)
            found = list(TIME_FRAME_RE.finditer(text))
            if found:
                return other.text[found[-1].start() : found[-1].end()]
        return ""

    def last_date(self, offset: int) -> str:
        """The last day that opens a sentence (a dateline's 10月11日) before ``offset``; '' if none.

        Dates inside a sentence (自10月12日起) are not what a later 当天 refers to.
        """
        found = ""
        for sentence in self.sentences:
            if sentence.start >= offset:
                break
            clauses = self.clauses(sentence)
            if not clauses:
                continue
            head = DATELINE_RE.sub("", clauses[0].analysis, count=1)
            match = FULL_DATE_RE.match(head)
            if match:
                at = clauses[0].start + len(clauses[0].analysis) - len(head)
                found = self.article.text[at : at + len(match.group(0))]
                continue
            # 宣傳周昨日（9月17日）迎來「法治日」: the lead's dated 昨日 is the day (round 41).
            dated = re.search(
                r"(?:今天|今日|昨天|昨日)[（(](\d{1,2}月\d{1,2}日)[）)]", clauses[0].analysis
            )
            if dated:
                at = clauses[0].start + dated.start(1)
                found = self.article.text[at : dated.end(1) + clauses[0].start]
        return found

    def scope(self, sentence: Sentence, offset: int) -> str:
        """Nearest scope (全省, 广元市, 我省, ...) in subject position before ``offset``."""
        found = self._scopes_in(sentence, sentence.start, offset)
        if found:
            return found[-1]
        for other in self._context_sentences(sentence):
            found = self._scopes_in(other, other.start, other.end)
            if found:
                return found[-1]
        return ""

    def _scopes_in(self, sentence: Sentence, start: int, end: int) -> list[str]:
        hits: list[tuple[int, str]] = [
            (m.start(), m.group(0))
            for m in SCOPE_WORD_RE.finditer(self.analysis, start, end)
            # 该公司…对全县行业客户使用的物联网卡开展专项排查: an object's scope, not the actor's
            # (round 25 gave the company's figures to the county)
            if not re.search(
                r"(?:对|向|给|为|面向|针对)$", self.analysis[max(0, m.start() - 2) : m.start()]
            )
        ]
        table = places()
        for clause in self.clauses(sentence):
            if clause.start >= end:
                break
            head = re.sub(r"^(?:据|在|由|来自)", "", clause.analysis)
            skipped = len(clause.analysis) - len(head)
            for name in sorted(table, key=len, reverse=True):
                if head.startswith(name) and _PLACE_SUBJECT_FOLLOWERS.match(head[len(name) :]):
                    position = clause.start + skipped
                    if position < end:
                        hits.append((position, self.article.text[position : position + len(name)]))
                    break
        return [text for _, text in sorted(hits)]

    def last_place(self, offset: int, level: str) -> str:
        """Last place of ``level`` (city, province, ...) mentioned before ``offset``."""
        mentions = self._place_mentions(level)
        at = bisect.bisect_left(mentions, (offset,)) - 1
        while at >= 0 and mentions[at][0] + mentions[at][2] > offset:
            at -= 1  # the mention must end before ``offset``
        return mentions[at][1] if at >= 0 else ""

    def _place_mentions(self, level: str) -> list[tuple[int, str, int]]:
        """(offset, official name, length) of every mention of a place of ``level``, in text
        order; at one offset the first name of the gazetteer wins (广元市 before 广元)."""
        cache = self.__dict__.setdefault("_mentions", {})
        if level not in cache:
            found: dict[int, tuple[int, str]] = {}
            for name, place in places().items():
                if place.level != level:
                    continue
                position = self.analysis.find(name)
                while position >= 0:
                    # (中山路金融街: a street named after a city, round 23)
                    if not _STREET_AFTER.match(self.analysis, position + len(name)):
                        found.setdefault(position, (len(name), place.name))
                    position = self.analysis.find(name, position + 1)
            cache[level] = sorted(
                (position, name, length) for position, (length, name) in found.items()
            )
        return cache[level]
