"""The analysed article: sentences, clauses, the event it reports, and context look-ups.

Context look-ups give every fact its scope (全省 / 广元市 / 全市) and time frame (近年来 /
1月至9月): the nearest mention before the answer in the sentence, else in earlier sentences
of the same paragraph, else in the section heading. Stems state both so that each question
has exactly one right answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .article import Article
from .lexicon import places
from .segment import Clause, Sentence, split_clauses, split_sentences
from .textutil import analysis_text, compare_key, is_traditional

TIME_FRAME_RE = re.compile(
    r"近年来|近几年|近年|今年以来|去年以来|\d{4}年以来|今年\d{1,2}月(?:至\d{1,2}月)?|"
    r"\d{4}年(?:上半年|下半年|前三季度|\d{1,2}月至\d{1,2}月)|"
    r"\d{1,2}月(?:份)?(?:至|到|-)\d{1,2}月(?:份)?|截至\d{1,2}月(?:\d{1,2}日|底)?|今年|去年"
)
FULL_DATE_RE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
SCOPE_WORD_RE = re.compile(r"全国|全省|全市|全区|全县|全州|我省|我市|我区|我县|我国|本省|本市")
EVENT_RE = re.compile(r"(?:\d{4}年)?(?:国家)?网络安全宣传周")
_PLACE_SUBJECT_FOLLOWERS = re.compile(
    r"^(?:市|省)?(?:公安|警方|法院|检察|政府|网信|将|已|共|累计|成立|举行|举办|各地)"
)


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
        for sentence in self.sentences[:8]:
            match = EVENT_RE.search(sentence.analysis)
            if not match or not re.match(r"\d{4}年", match.group(0)):
                continue
            begin = match.start()
            for name in sorted(places(), key=len, reverse=True):
                if sentence.analysis[:begin].endswith(name):
                    begin -= len(name)
                    break
            return sentence.text[begin : match.end()]
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
        heading = [self.sentences[sentence.section]] if sentence.section >= 0 else []
        return list(reversed(earlier)) + heading

    def time_frame(self, sentence: Sentence, offset: int) -> str:
        """Nearest time frame (近年来, 1月至9月, ...) governing ``offset``; '' if none."""
        local = [m for m in TIME_FRAME_RE.finditer(self.analysis, sentence.start, offset)]
        if local:
            return self.article.text[local[-1].start() : local[-1].end()]
        for other in self._context_sentences(sentence):
            found = list(TIME_FRAME_RE.finditer(other.analysis))
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
            head = re.sub(
                r"^[^,。]{0,16}?(?:报|社|网|台|讯|电)\s*\([^)]{0,30}\)\s*", "", clauses[0].analysis
            )
            match = FULL_DATE_RE.match(head)
            if match:
                at = clauses[0].start + len(clauses[0].analysis) - len(head)
                found = self.article.text[at : at + len(match.group(0))]
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
            (m.start(), m.group(0)) for m in SCOPE_WORD_RE.finditer(self.analysis, start, end)
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
        table = places()
        best = (-1, "")
        for name, place in table.items():
            if place.level != level:
                continue
            position = self.analysis.rfind(name, 0, offset)
            if position > best[0]:
                best = (position, place.name)
        return best[1]
