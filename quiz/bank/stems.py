"""Stem framing: the part of a sentence around an answer, made self-contained.

A frame is ``prefix`` + answer + ``suffix``. It is built from the clause holding the answer,
earlier clauses while the stem stays short, and leading context clauses (近年来, 开幕式上,
10月11日). Then it is made to stand alone:

* deictic words are resolved: 本届网络安全宣传周/开幕式上 -> the event's name, 当天 -> the last
  date, 我省/全省 -> 四川/四川全省, 全市 -> 广元全市, a leading 他/她 -> the last named person;
* the fact's scope (广元市 vs 全省) and, for counts, its time frame (近年来 vs 1月至9月) are
  added when the retained text does not state them;
* datelines (华西都市报(记者 …)) and connectives (同时还) are dropped, ASCII punctuation between
  Chinese characters becomes full width, and unbalanced quotes are removed.

This module picks the clauses; stem_context adds context and resolves deixis, stem_text
holds the display-text helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .facts import Fact
from .layout import DATELINE_RE, REPORTER_LEAD_RE
from .segment import Clause
from .stem_anchor import (
    anchor,
    named_publisher,
    place_anchored,
    resolve_organisations,
    time_anchored,
    tips_author,
)
from .stem_context import LEAD_RE, add_context, attribute_quote, resolve_deixis
from .stem_text import CONDITION_ONLY, aligned, display, finish, sub_aligned

# display stays importable from here: the question, distractor and generate modules use it.
__all__ = ["Frame", "display", "frame"]

MAX_BODY = 60
_VERB_FIRST = re.compile(
    r"^(?:设置|设立|开展|举办|举行|推出|发布|表彰|组织|推动|加强|提升|强化|成功|先后|累计|共同|"
    r"并|及|还|也|同时还|同时|冻结|收缴|打掉|抓获|侦办|破获|查处|清理|集中|吸引|接待|邀请|覆盖)"
)
_REPORTING_VERB = re.compile(r"要求|提出|表示|介绍|指出|强调|认为|希望|提醒|建议|呼吁|透露|称")
FILLER_RE = re.compile(
    r"^(?:据了解|据悉|据介绍|另外|此外|同时|其中|与此同时|在这里|全文如下|在今天的行动中|"
    r"(?:值得|需要|应当)(?:注意|关注|一提|指出|警惕)的是|"
    r"(?:记者|笔者)(?:从|在|于|近日|日前|今天|今日)?[^，]{0,30}?(?:获悉|了解到|得知))$"
)


def _reporting_date(clauses: list[Clause], index: int) -> bool:
    """A date clause followed by 记者从…获悉: the day the reporter learned it, not the event's."""
    return (
        index + 1 < len(clauses)
        and bool(re.search(r"\d{1,2}月\d{1,2}日", clauses[index].analysis))
        and bool(REPORTER_LEAD_RE.match(clauses[index + 1].analysis))
    )


_LIST_NUMBER = re.compile(
    r"^\s*(?:(?:\d+|[一二三四五六七八九十]+)[.、．]|[（(][一二三四五六七八九十\d]+[)）])?\s*"
)
# (如有疑问，…: doubt about what? the scenario it answers is elsewhere)
_INSTRUCTION = re.compile(
    r"^(?!如有(?:疑问|疑虑|需要|问题)|若有疑问)"
    r"(?:遇到|遇有|如遇|如有|如果|如|若|发现|接到|收到|一旦|要|请|应|及时|可|牢记|记住)"
)
# (二是定期通过营业厅…开展“一证通查”: the count of a list of measures goes with the list.)
CONNECTIVE_RE = re.compile(
    r"(^|，)(?:同时还|同时|并且|另外|此外|[一二三四五六七八九十]是)(?=[\u4e00-\u9fa5])"
)
_PREPOSITIONAL_RE = re.compile(r"^(?:[\u4e00-\u9fa5]{0,6}?(?:将|要)?(?:通过|从|以|为了|随着|经由))")


@dataclass(frozen=True)
class Frame:
    """Display text around an answer: ``prefix + answer + suffix`` restates the fact."""

    prefix: str
    suffix: str
    # The frame starts after a clause of the sentence that is not a lead or filler and puts no
    # subject back: it may begin mid-clause (the quality gate checks its first words).
    cut_head: bool = False
    # The frame starts inside a quotation whose start it dropped: it begins mid-speech.
    inside_quote: bool = False

    def cloze(self, blank: str) -> str:
        return finish(self.prefix + blank + self.suffix)

    def statement(self, answer: str) -> str:
        return finish(self.prefix + answer + self.suffix)


def _clause_index(clauses: list[Clause], offset: int) -> int:
    for index, clause in enumerate(clauses):
        if clause.start <= offset < clause.end:
            return index
    for index, clause in enumerate(clauses):
        if offset < clause.end:
            return index
    return len(clauses) - 1


def _narration_before_colon(document: Document, clause: Clause) -> bool:
    """…曹远山用一组数字引起了老人们的注意： - the article telling how something was said, not
    a speaker's lead (介绍：/提醒：), before the figures it introduced."""
    if document.analysis[clause.end : clause.end + 1] not in (":", "："):
        return False
    return not re.search(
        r"(?:介绍|表示|说|指出|提醒|强调|称|通报|建议|呼吁|提示|写道|如下)$", clause.analysis
    )


def _segments(
    document: Document, fact: Fact, start: int, end: int, walk_back: bool
) -> list[tuple[int, int]]:
    clauses = document.clauses(fact.sentence)
    # The clauses holding the answer's first and last characters; the frame grows from them.
    answer_first = first = _clause_index(clauses, start)
    own_last = last = _clause_index(clauses, max(start, end - 1))
    own = DATELINE_RE.sub("", clauses[first].analysis)
    if len(own) - (end - start) < 5:
        if (
            walk_back
            and first > 0
            and not FILLER_RE.match(clauses[first - 1].analysis)
            and not LEAD_RE.match(clauses[first - 1].analysis)
        ):
            first -= 1
        elif last + 1 < len(clauses):
            last += 1
    length = sum(len(c.analysis) for c in clauses[first : last + 1])
    own_first = first
    while walk_back and first > 0 and length + len(clauses[first - 1].analysis) <= MAX_BODY:
        if FILLER_RE.match(clauses[first - 1].analysis) or _narration_before_colon(
            document, clauses[first - 1]
        ):
            break
        first -= 1
        length += len(clauses[first].analysis)
    while first < answer_first and re.search(
        r"^[^由]*(?:承办|主办|协办|指导|支持)$", clauses[first].analysis
    ):
        # 岚城市委、市政府承办，将持续至9月17日: the second half of 由…共同主办，…承办 whose 由
        # was left out says nothing by itself.
        length -= len(clauses[first].analysis)
        first += 1
    while first < own_first and _VERB_FIRST.match(clauses[first].analysis):
        # 设置……六大展区，约60家企业参展: a clause borrowed for context that starts with its
        # verb (its subject is further back) would make the stem start mid-clause.
        length -= len(clauses[first].analysis)
        first += 1
    if (
        walk_back
        and first > 0
        and re.match(r"^(?:较|同比|环比|比|占|其中|主要|并且?|且|达到?)", clauses[first].analysis)
        and length + len(clauses[first - 1].analysis) <= 100
    ):
        # 较去年同期增加12.4% continues the clause before it (投诉1350件): keep that one too.
        first -= 1
        length += len(clauses[first].analysis)
    if (
        walk_back
        and first > 0
        and clauses[first - 1].analysis.endswith("的")
        and length + len(clauses[first - 1].analysis) <= 110
    ):
        # 工作日平均每天上网超过2小时的，小学生占8.6%: a clause ending in 的 is what the
        # shares that follow it are shares of.
        first -= 1
        length += len(clauses[first].analysis)
    if any(re.match(r"^其中", c.analysis) for c in clauses[first + 1 : last + 1]):
        # …共侦破案件3100余起，抓获…4200余名，其中侦破…280起: 其中 refers to the sentence's
        # first count, so the frame keeps the sentence from its first non-lead clause.
        while first > 0 and (
            not LEAD_RE.match(clauses[first - 1].analysis)
            # (市中院通报，2023年9月至2024年8月，…其中…: a period is no lead to stop at, round 36)
            or _YEARS_PERIOD.match(clauses[first - 1].analysis)
        ):
            if FILLER_RE.match(clauses[first - 1].analysis):
                break
            first -= 1
    if last + 1 < len(clauses):
        following = clauses[last + 1].analysis
        near_end = end >= clauses[last].end - 3 and len(following) <= 16
        continues_list = (
            re.match(r"^(?:及|以及|和|并|同时)", following) and length + len(following) <= 80
        )
        speaker = fact.kind == "person" and len(following) <= 40 and not LEAD_RE.match(following)
        # A clause opened by a preposition (通过…, 从…等维度) or ending in a time word
        # (“金融知识进万家”活动开展以来) needs the next one to make sense.
        dangling = (
            _PREPOSITIONAL_RE.match(clauses[last].analysis)
            or re.search(r"(?:以来|期间|之际|之后|以后|时)$", clauses[last].analysis)
        ) and len(following) <= 40
        too_short = length - (end - start) < 12
        if fact.kind != "statement" and (
            near_end or continues_list or speaker or dangling or too_short
        ):
            last += 1
    if fact.kind == "term" and fact.attrs.get("shape") == "hotline":
        rest = sum(len(c.analysis) for c in clauses[last + 1 :])
        last = len(clauses) - 1 if length + rest <= 70 else last
    if fact.kind == "person":
        last = _whole_statement(document, fact, clauses, last)
    elif fact.kind != "statement":
        last = _through_colon_list(document, fact, clauses, last)
    while last > own_last and CONDITION_ONLY.search(clauses[last].analysis):
        last -= 1  # …拨打96110咨询；一旦发现被骗: a condition whose consequence the frame cut off
    leads = [
        c
        for i, c in enumerate(clauses[:first])
        if LEAD_RE.match(c.analysis) and not _reporting_date(clauses, i)
    ]
    spans = [(c.start, c.end) for c in leads] + [(clauses[first].start, clauses[last].end)]
    return spans


_YEARS_PERIOD = re.compile(r"^\d{4}年(?:\d{1,2}月)?(?:至|到)\d{4}年")
_SPEECH_VERB = re.compile(r"(?:表示|说|指出|介绍|强调|称|认为|提醒|呼吁|透露|坦言|告诉记者|讲话)$")


def _whole_statement(document: Document, fact: Fact, clauses: list[Clause], last: int) -> int:
    """A speaker's frame quotes enough of what was said to be meaningful: at least 16
    characters after the speech verb (网络安全为人民，网络安全靠人民，希望广大……), at most 60."""
    verb_at = next(
        (i for i, c in enumerate(clauses) if c.start >= fact.end or c.end > fact.end), None
    )
    if verb_at is None:
        return last
    said = sum(len(c.analysis) for c in clauses[verb_at + 1 : last + 1])
    if not _SPEECH_VERB.search(clauses[verb_at].analysis):
        said += len(clauses[verb_at].analysis) - (fact.end - clauses[verb_at].start)
    while said < 16 and last + 1 < len(clauses) and said + len(clauses[last + 1].analysis) <= 60:
        last += 1
        said += len(clauses[last].analysis)
    return last


def _through_colon_list(document: Document, fact: Fact, clauses: list[Clause], last: int) -> int:
    """A clause introducing a list after a colon (牢记“三不一多”原则：A，B，C，D) keeps the list."""
    for index, clause in enumerate(clauses[: last + 1]):
        if document.analysis[clause.end : clause.end + 1] not in (":", "："):
            continue
        rest = sum(len(c.analysis) for c in clauses[index + 1 :])
        return len(clauses) - 1 if rest <= 60 else last
    return last


def frame(
    document: Document, fact: Fact, span: tuple[int, int] | None = None, *, walk_back: bool = True
) -> Frame:
    """The frame around ``span`` (default: the fact's answer) in the fact's sentence."""
    start, end = span or (fact.start, fact.end)
    memo = document.__dict__.setdefault("_frames", {})
    key = (fact.id, start, end, walk_back)
    if key not in memo:
        memo[key] = _build_frame(document, fact, start, end, walk_back)
    return memo[key]


# 截至8月底，共核查…: a sentence that opens on its verb continues the sentence before's agent.
_VERB_OPENING = re.compile(r"^(?:共|累计|先后|已经?|还|并|同步|全年共?|期间共?)")


def _carried_subject(document: Document, sentence) -> str:
    """The agent of the sentence before, in the same paragraph, for a sentence with none of its
    own whose first clause after its leads opens on the verb (今年以来，青榆分公司持续深化“断卡”
    行动… + 截至8月底，共核查高风险电话卡3.4万张); '' otherwise."""
    if sentence.index == 0:
        return ""
    before = document.sentences[sentence.index - 1]
    if before.heading or before.paragraph != sentence.paragraph:
        return ""
    clauses = [c.analysis for c in document.clauses(sentence)]
    body = next(
        (
            c
            for c in clauses
            if not LEAD_RE.match(c) and not FILLER_RE.match(c) and not c.startswith("截至")
        ),
        "",
    )
    if not _VERB_OPENING.match(body):
        return ""
    _at, agent = document.subject(before)
    return agent


def _build_frame(document: Document, fact: Fact, start: int, end: int, walk_back: bool) -> Frame:
    text = document.display_text
    spans = _segments(document, fact, start, end, walk_back)
    before_parts: list[str] = []
    after_parts: list[str] = []
    for seg_start, seg_end in spans:
        if seg_end <= start:
            before_parts.append(text[seg_start:seg_end])
        elif seg_start >= end:
            after_parts.append(text[seg_start:seg_end])
        else:
            before_parts.append(text[seg_start:start])
            after_parts.append(text[end:seg_end])
    prefix = (
        "，".join(part for part in before_parts if part)
        if len(before_parts) > 1
        else "".join(before_parts)
    )
    if len(before_parts) > 1 and not before_parts[-1]:
        prefix += "，"
    suffix = "，".join(after_parts)
    prefix = sub_aligned(DATELINE_RE.pattern, "", display(prefix), count=1)
    prefix = sub_aligned(CONNECTIVE_RE.pattern, lambda g: g[1], prefix)
    # 第四，《中华人民共和国个人信息保护法》自…起施行: the speaker's own numbering of points
    prefix = sub_aligned(
        r"^(?:第[一二三四五六七八九十]{1,2}|首先|其次|再次|最后)，", "", prefix, count=1
    )
    # 在此提醒广大群众: the police's own "here"; the stem says who reminds
    prefix = sub_aligned(
        r"(^|，)在此(?=提醒|呼吁|郑重|特别)", lambda g: g[1] + tips_author(document), prefix
    )
    suffix = display(suffix)
    # …查获涉案公民个人信息____；1至8月。: the next item's period, cut off from its figures
    suffix = sub_aligned(
        r"[；;](?:\d{1,2}月?(?:至|到|-)\d{1,2}月|[^，；。]{0,10}(?:以来|期间))$",
        "",
        suffix,
        count=1,
    )
    # …超过2小时的学生占____，到了周末，这一比例升至27.9%: the next clause's time, without what
    # it says (round 28)
    suffix = sub_aligned(
        r"[，,](?:而)?(?:到了|在)?(?:周末|节假日|假期|寒暑假|晚上|夜间|双休日)$",
        "",
        suffix,
        count=1,
    )
    # …涉及保费1,086万元；经过耐心沟通，247件…: the next clause's means, without what it
    # achieved (round 26)
    suffix = sub_aligned(
        r"[；;](?:经过|经|通过|借助)[^，。；：]{0,12}(?:沟通|劝说|劝阻|解释|核实|调解|努力|排查|走访)$",
        "",
        suffix,
        count=1,
    )
    # 9月15日，…通报相关数据：今年以来，… -> 今年以来，…: the day it was said is not the period
    prefix = sub_aligned(
        r"^\d{1,2}月\d{1,2}日(?:上午|下午|晚)?，(?=(?:\d{4}年|今年)以来)", "", prefix, count=1
    )
    # 今年以来，…；1至8月，全市电信网络诈骗立案数…: the clause's own period, not the sentence's
    prefix = sub_aligned(
        r"^(?:\d{4}年|今年)以来，(?=(?:\d{4}年)?\d{1,2}月?(?:至|到|-)\d{1,2}月，)",
        "",
        prefix,
        count=1,
    )
    # 1.《…应急预案（2024年修订版）》，将网络安全事件由…: a list item's title is the subject of
    # what follows, and a stem reads it without the item's comma (round 21).
    prefix = sub_aligned(
        r"^((?:\d{1,2}[.、．]\s*)?《[^《》]{2,60}》)，(?=[\u4e00-\u9fa5])",
        lambda g: g[1],
        prefix,
        count=1,
    )
    if fact.kind == "title" and re.fullmatch(r"(?:\d{1,2}[.、．]\s*)?", prefix):
        suffix = sub_aligned(r"^，(?=[\u4e00-\u9fa5])", "", suffix, count=1)
    subject_at, subject = document.subject(fact.sentence)
    if not subject:
        subject = _carried_subject(document, fact.sentence)
    if subject and (
        fact.kind in ("person", "statement")
        or subject_at >= start
        or any(a <= subject_at < b for a, b in spans)
    ):
        subject = ""  # the frame keeps the sentence's own subject (or it is the answer)
    clauses = document.clauses(fact.sentence)
    main_start = spans[-1][0]
    if subject and any(
        subject_at <= clause.start < main_start and _REPORTING_VERB.search(clause.analysis)
        for clause in clauses
    ):
        # 西安市教育局同时要求，各学校要……完成…: what follows is what the subject asked for,
        # not what it did; putting the subject back would change the fact.
        subject = ""
    head_text = document.analysis[fact.sentence.start : main_start]
    inside_quote = head_text.count("“") > head_text.count("”")
    # (what comes before a narration's colon - 活动一开始，…引起了老人们的注意： - is no part of
    # the figures it introduces)
    told = max(
        (c.end for c in clauses if c.end <= main_start and _narration_before_colon(document, c)),
        default=-1,
    )
    cut_head = (
        inside_quote
        or not subject
        and any(
            told < clause.end <= main_start
            and not LEAD_RE.match(clause.analysis)
            and not FILLER_RE.match(clause.analysis)
            and DATELINE_RE.sub("", clause.analysis).strip()
            for clause in clauses
        )
    )
    # 活动现场，县检察院副检察长…通报了一组数据：2022年以来，… -> 2022年以来，…: figures with
    # their own period are not the scene's, whose announcer the frame dropped (round 21).
    prefix = sub_aligned(
        r"^(?:活动现场|现场|会上|发布会上|开幕式上|启动仪式上)，(?=(?:\d{4}年|今年|去年)[^，]{0,12}，)",
        "",
        prefix,
        count=1,
    )
    prefix, suffix = add_context(document, fact, prefix, suffix, start, subject)
    prefix, suffix = resolve_deixis(document, fact, prefix, suffix)
    prefix, suffix = attribute_quote(document, fact, prefix, suffix, spans)
    prefix, suffix = anchor(document, prefix, suffix, fact.sentence.start)
    voice = document_voice(document, fact)
    if voice and not prefix.startswith(voice):
        # A passage of a document printed in full speaks for that document.
        inner = str.maketrans("“”", "‘’")
        suffix = suffix.rstrip("。")
        whole = prefix + suffix
        if suffix.endswith("”") and whole.count("”") > whole.count("“"):
            suffix = suffix[:-1]  # the sentence's own closing quote, not a term's
        prefix = f"{voice}写道：“{prefix.lstrip('“').translate(inner)}"
        suffix = suffix.translate(inner) + "”"
    elif (
        fact.kind == "term"
        and fact.attrs.get("shape") == "hotline"
        and document.event
        and _INSTRUCTION.match(_LIST_NUMBER.sub("", aligned(prefix)))
        # (…到青禾县人民检察院控告申诉检察部门当面求助 names a place, and still no year)
        and not (
            place_anchored(document, prefix + suffix) and time_anchored(document, prefix + suffix)
        )
        and (named_publisher(document) or tips_author(document))
    ):
        # 6.遇到可疑情况，及时拨打____反诈专线: a tip of the article's own, said by its author in
        # the week (who and when), as an advice question says it.
        number = _LIST_NUMBER.match(prefix).group(0)
        # (a numbered tip is the publisher's own list, as an advice question reads it)
        from .advice_questions import heading_giver, lead_line_giver  # (they build on the stems)

        # (the heading above the list may name whose list it is: 四、消委會提出六條建議; or its
        # lead line: 协会同时发布防骗提示：)
        author = heading_giver(document, fact) if number.strip() else ""
        author = author or (lead_line_giver(document, fact) if number.strip() else "")
        author = author or (named_publisher(document) if number.strip() else "")
        author = author or tips_author(document)
        prefix = f"{author}在{document.event}期间提醒：{prefix[len(number) :]}"
    # Dropped words between the quotation's opening mark and the frame: it starts mid-speech.
    started_inside = inside_quote and bool(head_text[head_text.rfind("“") + 1 :].strip())
    return Frame(
        prefix=prefix,
        suffix=suffix,
        cut_head=cut_head and not voice,
        inside_quote=started_inside and not voice,
    )


def document_voice(document: Document, fact: Fact) -> str:
    """``四川省委网信办在<event>上发布的《共建网络安全倡议书》`` for a sentence of a document the
    article prints in full (its section heading is the title of a document released before);
    '' otherwise."""
    sentence = fact.sentence
    if sentence.section < 0:
        return ""
    name = document.sentences[sentence.section].analysis.strip()
    title = f"《{name}》"
    before = document.analysis[: document.sentences[sentence.section].start]
    at = before.rfind(title)
    if not name or at < 0:
        return ""
    shown = display(document.article.text[at : at + len(title)])
    release = document.sentence_of(at)
    head = document.analysis[release.start : at]
    found = re.search(
        r"(?:^|[，,])(?:[^，,]{0,8}上[，,])?([^，,]{2,12}?)(?:发布|印发|公布|发出)了?$", head
    )
    if not found or not document.event:
        return shown
    publisher = display(
        document.article.text[release.start + found.start(1) : release.start + found.end(1)]
    )
    publisher = resolve_organisations(document, publisher, release.start)
    return f"{publisher}在{document.event}上发布的{shown}"
