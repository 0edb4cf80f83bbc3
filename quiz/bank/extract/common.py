"""Helpers shared by extractors: building facts from analysis-text matches."""

from __future__ import annotations

from ..document import Document
from ..facts import Fact
from ..segment import Sentence


def make_fact(
    document: Document,
    sentence: Sentence,
    kind: str,
    extractor: str,
    start: int,
    end: int,
    **attrs,
) -> Fact:
    """A fact whose answer is ``article.text[start:end]`` (absolute offsets)."""
    items = [_trim(document, a, b) for a, b in attrs.pop("items", ())]
    closed = attrs.pop("closed", False)
    start, end = _trim(document, start, end)
    return Fact(
        kind=kind,
        extractor=extractor,
        sentence=sentence,
        start=start,
        end=end,
        text=document.article.text[start:end],
        attrs=attrs,
        items=tuple(items),
        closed=closed,
    )


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if [start, end) overlaps any of ``spans``."""
    return any(start < span_end and end > span_start for span_start, span_end in spans)


def bracket_spans(
    analysis: str, start: int, end: int, opener: str, closer: str
) -> list[tuple[int, int]]:
    """Absolute spans (including the brackets) of opener…closer pairs in a range."""
    spans = []
    open_at = None
    for index in range(start, end):
        char = analysis[index]
        if char == opener and open_at is None:
            open_at = index
        elif char == closer and open_at is not None:
            spans.append((open_at, index + 1))
            open_at = None
    return spans


def _trim(document: Document, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding whitespace (a wrapped line's break before a list item)."""
    text = document.analysis
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
