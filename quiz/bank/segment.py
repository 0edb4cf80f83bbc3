"""Sentence and clause segmentation that keeps offsets into the original article text.

Rules (all applied to the offset-preserving analysis copy, see :mod:`textutil`):

* every non-empty line is a paragraph; a sentence ends at 。！？!? outside “…”「…」《…》(…);
* a closing quote right after a terminator ends the sentence unless the text that follows
  names a speaker (``……。”房方表示，……``), which keeps quote and attribution together;
* a line without end punctuation continues into the next paragraph when it ends with a
  dangling word (``先后部署开展了`` + ``“净网”……``) or is a long line with clause punctuation
  inside (a hard-wrapped paragraph: ``他表示,……要让网络安全知识走进`` + ``千家万户。``);
  otherwise it is a heading (see :mod:`layout`);
* bylines, editor lines, timestamps and photo captions are furniture (``noise``): no facts,
  no context, never a section heading;
* clauses split at , ; : outside brackets and quotes (a comma between digits is kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import SPEAKER_LABEL, furniture_lines, may_wrap

TERMINATORS = "。!?"
OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", "【": "】"}
CLOSERS = {closer: opener for opener, closer in OPENERS.items()}
TRAILING_CLOSERS = "”’」』)】"
# A paragraph ending with one of these cannot be a complete heading: it continues below.
DANGLING_ENDINGS = "了的和与及、,:在对向把被将从由以为是等并或且"
CLAUSE_BREAKS = ",;:"
_SPEAKER_RE = re.compile(
    r"^[^,。:!?“”]{1,40}?(表示|说|指出|介绍|强调|称|坦言|透露|提醒|呼吁|认为|告诉记者)"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading) with absolute offsets; ``text`` is the original slice."""

    index: int
    start: int
    end: int
    text: str
    analysis: str
    paragraph: int
    heading: bool
    section: int  # index of the heading sentence this one falls under, -1 before any
    noise: bool = False  # byline, editor line, caption: never a fact, context or section


@dataclass(frozen=True)
class Clause:
    """A comma-delimited part of a sentence, offsets absolute."""

    start: int
    end: int
    analysis: str


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped_left = len(body) - len(body.lstrip())
        content = body.strip()
        if content:
            start = position + stripped_left
            spans.append((start, start + len(content)))
        position += len(line)
    return spans


def _sentence_ends(analysis: str, start: int, end: int) -> tuple[list[int], bool]:
    """Sentence end offsets inside one line and whether the line ends mid-sentence."""
    ends: list[int] = []
    stack: list[str] = []
    index = start
    while index < end:
        char = analysis[index]
        if char in OPENERS and not (char == "(" and stack and stack[-1] == "“"):
            stack.append(char)
        elif char in CLOSERS and stack and stack[-1] == CLOSERS[char]:
            stack.pop()
            if not stack and index > start and analysis[index - 1] in TERMINATORS:
                following = analysis[index + 1 : end]
                if not _SPEAKER_RE.match(following):
                    ends.append(index + 1)
        elif char in TERMINATORS and not stack:
            stop = index + 1
            while stop < end and (
                analysis[stop] in TERMINATORS or analysis[stop] in TRAILING_CLOSERS
            ):
                stop += 1
            ends.append(stop)
            index = stop
            continue
        index += 1
    last = ends[-1] if ends else start
    return ends, last < end


# The start of a list item line: ——不要…, 一是…, 1. …, 要…/不要… (a 要/不要 list).
_LIST_ITEM = re.compile(
    r"^\s*(?:——|—|[-·•]|[一二三四五六七八九十]是|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|不要|要(?!求))|"
    # 网络安全小贴士： + 不轻信。凡是…: a tips list whose items open on a short label
    r"^\s*[\u4e00-\u9fa5]{2,5}[。.](?=\S)"
)


def split_sentences(text: str, analysis: str) -> list[Sentence]:
    """Split an article into sentences and headings (see module docstring for the rules)."""
    raw: list[tuple[int, int, int, bool, bool]] = []  # start, end, paragraph, heading, noise
    pending_start: int | None = None
    lines = _lines(analysis)
    furniture = furniture_lines([analysis[start:end] for start, end in lines])
    for paragraph, (line_start, line_end) in enumerate(lines):
        if paragraph in furniture:
            if pending_start is not None:
                raw.append((pending_start, lines[paragraph - 1][1], paragraph - 1, False, False))
                pending_start = None
            raw.append((line_start, line_end, paragraph, True, True))
            continue
        ends, open_tail = _sentence_ends(analysis, line_start, line_end)
        if re.match(r"\s*一是", analysis[line_start:line_end]):
            # 一是不要轻信…；二是…；三是…。: a paragraph that is a list holds one item per
            # sentence, as numbered lines do (round 22).
            items = [
                line_start + m.end()
                for m in re.finditer(
                    r"[；;](?=[二三四五六七八九十]是)", analysis[line_start:line_end]
                )
            ]
            ends = sorted(set(ends) | set(items))
        cursor = line_start
        for stop in ends:
            begin = pending_start if pending_start is not None else cursor
            raw.append((begin, stop, paragraph, False, False))
            pending_start = None
            cursor = stop
            while cursor < line_end and analysis[cursor].isspace():
                cursor += 1
        if not open_tail or cursor >= line_end:
            continue
        has_next = paragraph + 1 < len(lines) and paragraph + 1 not in furniture
        tail = analysis[cursor:line_end]
        if has_next and tail.rstrip().endswith((":", "：")):
            # 全文如下： + a title line: the title is a heading, not the end of this sentence;
            # 以下是十条实用提示： + 1. 要…: the list's lead is its heading, not its first item's.
            following = analysis[lines[paragraph + 1][0] : lines[paragraph + 1][1]]
            has_next = (
                any(mark in following for mark in TERMINATORS + "。")
                and not _LIST_ITEM.match(following)
                # 周牧野： + his answer: a transcript's turn label heads what follows
                and not SPEAKER_LABEL.match(analysis[cursor:line_end].strip())
            )
        if paragraph == 0:
            pass  # the headline: never wrapped into its subheadline (岚江警方通报…：…2300余万元)
        elif has_next and tail.rstrip().endswith((";", "；")):
            # 要下载安装…；+ 要接听96110来电…；, 9月16日为电信日，…活动；+ 9月17日为法治日，…:
            # a line that ends in a semicolon is one list item, never wrapped into the next.
            pass
        elif has_next and may_wrap(tail, DANGLING_ENDINGS):
            pending_start = pending_start if pending_start is not None else cursor
            continue
        begin = pending_start if pending_start is not None else cursor
        # 1. 要通过游戏官方渠道充值；: a list item ending in a semicolon is a sentence, not a heading.
        is_heading = not ends and pending_start is None and not tail.rstrip().endswith((";", "；"))
        raw.append((begin, line_end, paragraph, is_heading, False))
        pending_start = None
    sentences: list[Sentence] = []
    section = -1
    for index, (start, end, paragraph, heading, noise) in enumerate(raw):
        if heading and not noise:
            section = index
        sentences.append(
            Sentence(
                index=index,
                start=start,
                end=end,
                text=text[start:end],
                analysis=analysis[start:end],
                paragraph=paragraph,
                heading=heading,
                section=section,
                noise=noise,
            )
        )
    return sentences


def _protected_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of short quotes (terms, slogans); long quotes are speech and get split inside."""
    spans = []
    open_at = None
    for index, char in enumerate(text):
        if char == "“":
            open_at = index
        elif char == "”" and open_at is not None:
            if index - open_at <= 22:
                spans.append((open_at, index + 1))
            open_at = None
    return spans


def split_clauses(sentence: Sentence) -> list[Clause]:
    """Clauses of a sentence, split at , ; : (and 。 inside speech) outside short quotes and brackets."""
    clauses: list[Clause] = []
    text = sentence.analysis
    protected = _protected_quotes(text)
    depth = 0
    clause_start = 0
    for index, char in enumerate(text):
        if any(start < index < end for start, end in protected):
            continue
        if char in OPENERS and char != "“":
            depth += 1
        elif char in CLOSERS and char != "”" and depth:
            depth -= 1
        elif (char in CLAUSE_BREAKS or char in TERMINATORS) and depth == 0:
            between_digits = (
                0 < index < len(text) - 1
                and text[index - 1].isdigit()
                and text[index + 1].isdigit()
            )
            if between_digits:
                continue
            if index > clause_start:
                clauses.append(_clause(sentence, clause_start, index))
            clause_start = index + 1
    tail_end = len(text)
    while tail_end > clause_start and (
        text[tail_end - 1] in TERMINATORS + "”" or text[tail_end - 1].isspace()
    ):
        tail_end -= 1
    if tail_end > clause_start:
        clauses.append(_clause(sentence, clause_start, tail_end))
    return [clause for clause in clauses if clause.analysis.strip("“”’‘ ")]


def _clause(sentence: Sentence, start: int, end: int) -> Clause:
    text = sentence.analysis
    while start < end and (text[start].isspace() or text[start] in "”’"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "“‘"):
        end -= 1
    return Clause(sentence.start + start, sentence.start + end, sentence.analysis[start:end])
