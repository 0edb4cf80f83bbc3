"""Cut a question's source sentence out of its article together with its paragraph (pure).

The template escapes the three pieces and wraps only ``sentence`` in ``<mark>``, so an article
containing markup is shown as text, never interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Very long paragraphs are trimmed around the sentence, so phones are not flooded.
CONTEXT_CHARS = 240
ELLIPSIS = "…"


@dataclass(frozen=True)
class Excerpt:
    before: str
    sentence: str
    after: str


def _locate(text: str, start: int | None, end: int | None, sentence: str) -> tuple[int, int] | None:
    """Trust the offsets when they point at the sentence; else search for the sentence."""
    offsets_valid = (
        isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    )
    if offsets_valid and (not sentence or text[start:end] == sentence):
        return start, end
    if sentence:
        found = text.find(sentence)
        if found >= 0:
            return found, found + len(sentence)
    return None


def excerpt(
    text: str | None,
    start: int | None,
    end: int | None,
    sentence: str = "",
    *,
    context: int = CONTEXT_CHARS,
) -> Excerpt | None:
    """The paragraph (newline-separated) holding ``text[start:end]``, split around it."""
    text = text or ""
    span = _locate(text, start, end, sentence or "")
    if span is None:
        return Excerpt("", sentence, "") if sentence else None
    start, end = span
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end < 0:
        para_end = len(text)
    before = text[para_start:start].lstrip()
    after = text[end:para_end].rstrip()
    if len(before) > context:
        before = ELLIPSIS + before[-context:]
    if len(after) > context:
        after = after[:context] + ELLIPSIS
    return Excerpt(before, text[start:end], after)
