"""Show where a question came from: its sentence, highlighted inside its paragraph.

Pure (no Flask, no database): the admin question page and the student results page both
render ``before`` + ``<mark>sentence</mark>`` + ``after`` with autoescaping on, so article
text can never inject markup.
"""

from __future__ import annotations

# Paragraphs in news articles are short, but a text pasted without line breaks is one
# "paragraph": cap the context shown on each side of the sentence.
MAX_CONTEXT = 240
ELLIPSIS = "…"


def locate(text: str, sentence: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The sentence's offsets in ``text``: the stored ones when they still point at it,
    otherwise where the sentence is found; None when the text does not contain it."""
    if not text:
        return None
    in_range = start is not None and end is not None and 0 <= start < end <= len(text)
    if in_range and (not sentence or text[start:end] == sentence):
        return start, end
    if sentence:
        found = text.find(sentence)
        if found >= 0:
            return found, found + len(sentence)
    return None


def paragraph_with_highlight(text: str, start: int, end: int) -> tuple[str, str, str]:
    """Cut the paragraph holding ``text[start:end]`` into (before, sentence, after).

    Paragraphs are separated by line breaks. Each side is capped at ``MAX_CONTEXT``
    characters (marked with an ellipsis). Out-of-range offsets give ``("", "", "")``.
    """
    if not text or start is None or end is None or not 0 <= start <= end <= len(text):
        return "", "", ""
    paragraph_start = max(text.rfind("\n", 0, start) + 1, 0)
    paragraph_end = text.find("\n", end)
    if paragraph_end < 0:
        paragraph_end = len(text)
    before = text[paragraph_start:start].lstrip()
    after = text[end:paragraph_end].rstrip()
    if len(before) > MAX_CONTEXT:
        before = ELLIPSIS + before[-MAX_CONTEXT:]
    if len(after) > MAX_CONTEXT:
        after = after[:MAX_CONTEXT] + ELLIPSIS
    return before, text[start:end], after


def highlight_for(text: str, sentence: str, start: int | None, end: int | None):
    """(before, sentence, after) for a stored question, or None when the text lacks it."""
    where = locate(text, sentence, start, end)
    return paragraph_with_highlight(text, *where) if where else None
