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

from .document import Document
from .facts import Fact
from .segment import Clause
from .textutil import analysis_text, compare_key

MAX_BODY = 60
LEAD_RE = re.compile(
    r"^(?:近年来|近几年|目前|当前|今年以来|当天|当日|同日|会上|开幕式上|启动仪式上|启动仪式现场|"
    r"返还仪式现场|活动现场|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|今年\d{1,2}月|"
    r"\d{1,2}月(?:至|到)\d{1,2}月|自\d{1,2}月\d{1,2}日起)$"
)
FILLER_RE = re.compile(
    r"^(?:据了解|据悉|据介绍|另外|此外|同时|其中|与此同时|在这里|全文如下|在今天的行动中)$"
)
DATELINE_RE = re.compile(r"^[^,，。]{0,16}?(?:报|社|网|台|讯|电|新闻)\s*[(（][^)）]{0,30}[)）]\s*")
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


def display(text: str) -> str:
    """Reader-facing form: no line breaks, full-width punctuation between Chinese text."""
    text = re.sub(r"\s+", "", text) if re.search(r"[\u4e00-\u9fa5]", text) else text.strip()
    return "".join(_HALF_TO_FULL.get(char, char) for char in text)


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
    drop.update(open_positions)
    return "".join(char for index, char in enumerate(chars) if index not in drop)


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
    if last + 1 < len(clauses):
        following = clauses[last + 1].analysis
        near_end = end >= clauses[last].end - 3 and len(following) <= 16
        continues_list = (
            re.match(r"^(?:及|以及|和|并|同时)", following) and length + len(following) <= 80
        )
        speaker = fact.kind == "person" and len(following) <= 40 and not LEAD_RE.match(following)
        # A clause opened by a preposition (通过…, 从…等维度) needs the next one to make sense.
        dangling = _PREPOSITIONAL_RE.match(clauses[last].analysis) and len(following) <= 40
        too_short = length < 14
        if fact.kind != "statement" and (
            near_end or continues_list or speaker or dangling or too_short
        ):
            last += 1
    leads = [c for c in clauses[:first] if LEAD_RE.match(c.analysis)]
    spans = [(c.start, c.end) for c in leads] + [(clauses[first].start, clauses[last].end)]
    return spans


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
    text = document.article.text
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
    prefix, suffix = _add_context(document, fact, prefix, suffix, start)
    prefix, suffix = _resolve_deixis(document, fact, prefix, suffix)
    return Frame(prefix=prefix, suffix=suffix)


def _mentions(stem: str, phrase: str) -> bool:
    return bool(phrase) and compare_key(phrase) in compare_key(stem)


def _add_context(
    document: Document, fact: Fact, prefix: str, suffix: str, offset: int
) -> tuple[str, str]:
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
    needs_scope = fact.kind == "quantity" or (
        fact.kind == "date" and fact.attrs.get("shape") == "period"
    )
    scope = document.scope(sentence, offset) if needs_scope else ""
    if scope and not _mentions(whole, scope) and not re.search(r"全省|全市|全国|我省|我市", prefix):
        # Directly before the answer the scope gets its own clause, so the blank keeps its
        # original left context.
        glue = "，" if leads_end == len(prefix) else ""
        prefix = prefix[:leads_end] + scope + glue + prefix[leads_end:]
    if fact.kind == "quantity":
        frame_time = document.time_frame(sentence, offset)
        if frame_time and not _mentions(prefix + suffix, frame_time):
            prefix = f"{frame_time}，{prefix}"
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
            r"(^|，)(开幕式上|启动仪式上|启动仪式现场)",
            lambda g: g[1] + event + g[2],
            prefix,
            count=1,
        )
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


def _last_person(document: Document, fact: Fact) -> str:
    from .extract import people

    for sentence in reversed(document.sentences[: fact.sentence.index]):
        if sentence.section != fact.sentence.section:
            break
        found = people.extract(document, sentence)
        if found:
            return found[-1].text
    return ""
