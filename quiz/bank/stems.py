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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .document import DATELINE_RE, Document
from .facts import Fact
from .segment import Clause
from .textutil import analysis_text, compare_key

MAX_BODY = 60
LEAD_RE = re.compile(
    r"^(?:近年来|近几年|目前|当前|今年以来|当天|当日|同日|会上|开幕式上|启动仪式上|启动仪式现场|"
    r"返还仪式现场|活动现场|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|今年\d{1,2}月|"
    r"\d{1,2}月(?:至|到)\d{1,2}月|自\d{1,2}月\d{1,2}日起|[\u4e00-\u9fa5]{0,8}期间)$"
)
FILLER_RE = re.compile(
    r"^(?:据了解|据悉|据介绍|另外|此外|同时|其中|与此同时|在这里|全文如下|在今天的行动中)$"
)
CONNECTIVE_RE = re.compile(r"(^|，)(?:同时还|同时|并且|另外|此外)(?=[\u4e00-\u9fa5])")
_PREPOSITIONAL_RE = re.compile(r"^(?:[\u4e00-\u9fa5]{0,6}?(?:将|要)?(?:通过|从|以|为了|随着|经由))")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@dataclass(frozen=True)
class Frame:
    """Display text around an answer: ``prefix + answer + suffix`` restates the fact."""

    prefix: str
    suffix: str

    def cloze(self, blank: str) -> str:
        return finish(self.prefix + blank + self.suffix)

    def statement(self, answer: str) -> str:
        return finish(self.prefix + answer + self.suffix)


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


def _clause_index(clauses: list[Clause], offset: int) -> int:
    for index, clause in enumerate(clauses):
        if clause.start <= offset < clause.end:
            return index
    for index, clause in enumerate(clauses):
        if offset < clause.end:
            return index
    return len(clauses) - 1


def _segments(
    document: Document, fact: Fact, start: int, end: int, walk_back: bool
) -> list[tuple[int, int]]:
    clauses = document.clauses(fact.sentence)
    first = _clause_index(clauses, start)
    last = _clause_index(clauses, max(start, end - 1))
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
    while walk_back and first > 0 and length + len(clauses[first - 1].analysis) <= MAX_BODY:
        if FILLER_RE.match(clauses[first - 1].analysis):
            break
        first -= 1
        length += len(clauses[first].analysis)
    if (
        walk_back
        and first > 0
        and re.match(r"^(?:较|同比|环比|比|占|其中|主要|并且?|且|达到?)", clauses[first].analysis)
        and length + len(clauses[first - 1].analysis) <= 100
    ):
        # 较去年同期增加12.4% continues the clause before it (投诉1350件): keep that one too.
        first -= 1
        length += len(clauses[first].analysis)
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
    leads = [c for c in clauses[:first] if LEAD_RE.match(c.analysis)]
    spans = [(c.start, c.end) for c in leads] + [(clauses[first].start, clauses[last].end)]
    return spans


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
    prefix = _sub(DATELINE_RE.pattern, "", display(prefix), count=1)
    prefix = _sub(CONNECTIVE_RE.pattern, lambda g: g[1], prefix)
    suffix = display(suffix)
    subject_at, subject = document.subject(fact.sentence)
    if subject and (
        fact.kind in ("person", "statement")
        or subject_at >= start
        or any(a <= subject_at < b for a, b in spans)
    ):
        subject = ""  # the frame keeps the sentence's own subject (or it is the answer)
    prefix, suffix = _add_context(document, fact, prefix, suffix, start, subject)
    prefix, suffix = _resolve_deixis(document, fact, prefix, suffix)
    prefix, suffix = _attribute_quote(document, fact, prefix, suffix, spans)
    return Frame(prefix=prefix, suffix=suffix)


def _attribute_quote(
    document: Document, fact: Fact, prefix: str, suffix: str, spans: list[tuple[int, int]]
) -> tuple[str, str]:
    """A sentence that is only a quotation in the first person (“今年5月，骗子盗用我朋友的
    微信号……”) is attributed to the person speaking before it: 穆先生说：“今年____，……”."""
    sentence = fact.sentence
    if not sentence.analysis.startswith("“") or spans[0][0] > sentence.start + 1:
        return prefix, suffix
    if not re.search(r"我|咱", _aligned(prefix + suffix)) or re.search(
        r"(?:表示|说|指出|介绍|强调)[:：]", sentence.analysis
    ):
        return prefix, suffix
    person = _last_person(document, fact)
    if not person:
        return prefix, suffix
    prefix = prefix.lstrip("“")
    suffix = suffix.rstrip("。”")
    return f"{person}说：“{prefix}", suffix + "。”"


def _mentions(stem: str, phrase: str) -> bool:
    return bool(phrase) and compare_key(phrase) in compare_key(stem)


_NARRATIVE_RE = re.compile(r"[\u4e00-\u9fa5](?:先生|女士|同学|大爷|阿姨)|^案例")


def _inherited_lead(document: Document, sentence) -> str:
    """For a sentence opening with 其中, the lead clause (宣传周期间) of the sentence before."""
    if not sentence.analysis.startswith("其中") or sentence.index == 0:
        return ""
    previous = document.sentences[sentence.index - 1]
    if previous.heading or previous.paragraph != sentence.paragraph:
        return ""
    clauses = document.clauses(previous)
    if clauses and LEAD_RE.match(clauses[0].analysis):
        return display(document.article.text[clauses[0].start : clauses[0].end])
    return ""


def _add_context(
    document: Document, fact: Fact, prefix: str, suffix: str, offset: int, subject: str = ""
) -> tuple[str, str]:
    """Add the sentence's dropped subject, the fact's scope and (counts) its time frame.

    A case narrative (家住洪山区的王女士…) is about its person: no scope or time frame from
    the paragraph or heading is added to it.
    """
    whole = prefix + fact.text + suffix
    sentence = fact.sentence
    leads_end = 0
    lead_match = re.match(r"^(?:[^，]{1,12}，)*", prefix)
    if lead_match:
        for piece in lead_match.group(0).split("，")[:-1]:
            if LEAD_RE.match(piece):
                leads_end += len(piece) + 1
            else:
                break
    narrative = bool(_NARRATIVE_RE.search(_aligned(sentence.text)))
    inherited = _inherited_lead(document, sentence)
    if inherited and not _mentions(whole, inherited):
        # 其中，9月12日为校园日 <- 宣传周期间，将陆续举办……
        prefix = f"{inherited}，{prefix}"
        leads_end += len(inherited) + 1
        whole = prefix + fact.text + suffix
    if subject and not _mentions(whole, subject):
        # The sentence's agent (广元市, 网络安全博览会) when the frame starts after it.
        glue = "，" if leads_end == len(prefix) else ""
        prefix = prefix[:leads_end] + subject + glue + prefix[leads_end:]
        whole = prefix + fact.text + suffix
    needs_scope = fact.kind == "quantity" or (
        fact.kind == "date" and fact.attrs.get("shape") == "period"
    )
    scope = document.scope(sentence, offset) if needs_scope else ""
    if narrative and scope and not _mentions(_aligned(sentence.text), scope):
        scope = ""
    if scope and not _mentions(whole, scope) and not re.search(r"全省|全市|全国|我省|我市", prefix):
        # Directly before the answer the scope gets its own clause, so the blank keeps its
        # original left context.
        glue = "，" if leads_end == len(prefix) else ""
        prefix = prefix[:leads_end] + scope + glue + prefix[leads_end:]
    if fact.kind == "quantity" and not narrative:
        frame_time = document.time_frame(sentence, offset)
        if frame_time and not _mentions(prefix + suffix, frame_time):
            # After leads such as 活动现场/开幕式上, before the rest.
            non_time = 0
            for piece in prefix[:leads_end].split("，")[:-1]:
                if re.search(r"\d|今年|去年|近年|以来|当天|当日|同日", piece):
                    break
                non_time += len(piece) + 1
            prefix = f"{prefix[:non_time]}{frame_time}，{prefix[non_time:]}"
    return prefix, suffix


@lru_cache(maxsize=4096)
def _aligned(text: str) -> str:
    """Simplified copy of display text; NFKC's "," is turned back into "，" (same length)."""
    return analysis_text(text).translate(str.maketrans(",;:", "，；："))


def _sub(pattern: str, replace, text: str, count: int = 0) -> str:
    """re.sub matched on the simplified analysis copy of ``text`` (same length), so traditional
    articles are resolved too; replacement text is spliced into the original characters."""
    analysis = _aligned(text)
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


def _resolve_deixis(document: Document, fact: Fact, prefix: str, suffix: str) -> tuple[str, str]:
    event = document.event
    stem = prefix + suffix
    if event and not _mentions(stem, event):
        prefix = _sub(r"本届(?:国家)?网络安全宣传周|本届宣传周", event, prefix, count=1)
        prefix = _sub(r"^本次活动", f"{event}活动", prefix, count=1)
        prefix = _sub(
            r"(^|，)(开幕式上|启动仪式上|启动仪式现场|开幕式(?=还|期间|现场)|启动仪式(?=还|现场))",
            lambda g: g[1] + event + g[2],
            prefix,
            count=1,
        )
        if re.search(r"\d{4}年", event):
            prefix = _sub(r"(^|，)(宣传周期间)", lambda g: g[1] + event + "期间", prefix, count=1)
    # 报告显示 -> 《…报告》显示; 该局 -> 国家金融监督管理总局湖北监管局; 市教育局 -> 南京市教育局.
    report = re.match(r"^(?:该)?(报告|白皮书|蓝皮书)(?=显示|指出|称|认为|提出)", _aligned(prefix))
    if report:
        named = _title_before(document, fact.sentence.start, report.group(1))
        if named:
            prefix = named + prefix[report.end() :]
    pointer = re.search(r"(?:^|(?<=，))该(局|中心|行|院|办)", _aligned(prefix))
    if pointer:
        organisation = document.last_organisation(fact.sentence.start, pointer.group(1))
        if organisation:
            prefix = prefix[: pointer.start()] + organisation + prefix[pointer.end() :]
    city_here = document.last_place(fact.sentence.start + 1, "city")
    if city_here:
        prefix = _sub(
            r"(^|，)市(?=[\u4e00-\u9fa5]{1,5}(?:局|委|办|中心))",
            lambda g: g[1] + city_here,
            prefix,
            count=1,
        )
    this = re.match(r"^(?:本次|此次)(知识竞赛|大赛|比赛|竞赛|论坛|博览会)", _aligned(prefix))
    if this:
        # 本次知识竞赛 -> 全市中小学网络安全知识竞赛 (the last full name of it before).
        named = re.findall(
            rf"(?:^|[，。、：；”\s,])([\u4e00-\u9fa5]{{2,16}}{this.group(1)})",
            document.analysis[: fact.sentence.start],
        )
        if named and len(named[-1]) > len(this.group(0)):
            at = document.analysis.rfind(named[-1], 0, fact.sentence.start)
            prefix = display(document.article.text[at : at + len(named[-1])]) + prefix[this.end() :]
    date = document.last_date(fact.sentence.start)
    if date:
        prefix = _sub(r"(^|，)(当天|当日|同日)(?=，)", lambda g: g[1] + date, prefix, count=1)
    region = document.region
    stem = prefix + fact.text + suffix
    if region and region not in stem:
        prefix = _sub(r"我省", region, prefix, count=1)
        suffix = _sub(r"我省", region, suffix)
        prefix = _sub(r"(，|^)全省", lambda g: g[1] + region + "全省", prefix, count=1)
    city = document.last_place(fact.sentence.start + 1, "city")
    if city and "全市" in analysis_text(prefix) and city[:-1] not in analysis_text(prefix):
        prefix = _sub(r"全市", f"{city[:-1]}全市", prefix, count=1)
    pronoun = re.match(r"^(?:[^，]{0,8}，)?(他|她)", _aligned(prefix))
    if pronoun:
        person = _last_person(document, fact)
        if person:
            prefix = prefix[: pronoun.start(1)] + person + prefix[pronoun.end(1) :]
    return prefix, suffix


def _title_before(document: Document, offset: int, word: str) -> str:
    """The last 《…word…》 of the article before ``offset`` ('' if none)."""
    found = list(re.finditer(rf"《[^》]*{word}[^》]*》", document.analysis[:offset]))
    if not found:
        return ""
    return display(document.article.text[found[-1].start() : found[-1].end()])


def _last_person(document: Document, fact: Fact) -> str:
    from .extract import people

    for sentence in reversed(document.sentences[: fact.sentence.index]):
        if sentence.section != fact.sentence.section:
            break
        found = [f for f in people.extract(document, sentence) if f.attrs.get("role") != "reporter"]
        if found:
            return found[-1].text
    return ""
