"""Show where a question came from: its sentence, highlighted inside its paragraph.

Pure (no Flask, no database): the admin question page and the student results page both
render ``before`` + ``<mark>sentence</mark>`` + ``after`` with autoescaping on, so article
text can never inject markup.
"""

from __future__ import annotations

import unicodedata

# Paragraphs in news articles are short, but a text pasted without line breaks is one
# "paragraph": cap the context shown on each side of the sentence.
MAX_CONTEXT = 240
ELLIPSIS = "…"

# Where a sentence ends (the segmenter's terminators, both widths), and what may close it.
SENTENCE_ENDS = "。！？!?"
CLOSERS = "”’」』）)\"'"
# ASCII punctuation as it is written in Chinese text: one character for one, so every offset
# into the normalised text is the same offset into the stored one.
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
CJK_QUOTES = "“”‘’"


def _is_wide(char: str) -> bool:
    """A Chinese character or full-width mark (what makes a neighbouring comma Chinese)."""
    return bool(char) and (unicodedata.east_asian_width(char) in ("W", "F") or char in CJK_QUOTES)


def normalise_punctuation(text: str) -> str:
    """``text`` with ASCII , ; : ? ! ( ) next to Chinese written full-width (，；：？！（）).

    Pure and length-preserving (``len(result) == len(text)``), so the stored sentence offsets
    still point at the same characters. Punctuation between two digits (1,000; 10:30) and in
    Latin text (``a, b``) is left alone.
    """
    if not text:
        return text or ""
    out = list(text)
    for i, char in enumerate(text):
        if char not in FULL_WIDTH:
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if prev.isdigit() and nxt.isdigit():
            continue
        if _is_wide(prev) or _is_wide(nxt):
            out[i] = FULL_WIDTH[char]
    return "".join(out)


def sentence_boundaries(text: str) -> list[int]:
    """Offsets in ``text`` where a sentence ends (after its terminator and closing quotes)."""
    ends = []
    i = 0
    while i < len(text):
        if text[i] in SENTENCE_ENDS:
            j = i + 1
            while j < len(text) and (text[j] in SENTENCE_ENDS or text[j] in CLOSERS):
                j += 1
            ends.append(j)
            i = j
        else:
            i += 1
    return ends


def _trim_before(before: str) -> str:
    """The last whole sentences of ``before`` that fit ``MAX_CONTEXT`` (an ellipsis if cut)."""
    if len(before) <= MAX_CONTEXT:
        return before
    for cut in sentence_boundaries(before):
        if len(before) - cut <= MAX_CONTEXT:
            return ELLIPSIS + before[cut:].lstrip()
    return ELLIPSIS


def _trim_after(after: str) -> str:
    """The first whole sentences of ``after`` that fit ``MAX_CONTEXT`` (an ellipsis if cut)."""
    if len(after) <= MAX_CONTEXT:
        return after
    fitting = [cut for cut in sentence_boundaries(after) if cut <= MAX_CONTEXT]
    return (after[: fitting[-1]] if fitting else "") + ELLIPSIS


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

    Paragraphs are separated by line breaks. Each side keeps whole sentences only, as many
    as fit in ``MAX_CONTEXT`` characters (an ellipsis marks the cut), so no sentence is broken
    in the middle. Out-of-range offsets give ``("", "", "")``.
    """
    if not text or start is None or end is None or not 0 <= start <= end <= len(text):
        return "", "", ""
    paragraph_start = max(text.rfind("\n", 0, start) + 1, 0)
    paragraph_end = text.find("\n", end)
    if paragraph_end < 0:
        paragraph_end = len(text)
    before = text[paragraph_start:start].lstrip()
    after = text[end:paragraph_end].rstrip()
    return _trim_before(before), text[start:end], _trim_after(after)


def highlight_for(text: str, sentence: str, start: int | None, end: int | None):
    """(before, sentence, after) for a stored question, or None when the text lacks it."""
    where = locate(text, sentence, start, end)
    return paragraph_with_highlight(text, *where) if where else None


def display_excerpt(text: str, sentence: str, start: int | None, end: int | None):
    """Like ``highlight_for``, with the punctuation normalised for reading.

    The sentence is located in the stored text with the stored offsets, then cut out of the
    normalised text at the same offsets (the normaliser keeps lengths), so the highlight
    covers exactly the stored sentence.
    """
    where = locate(text, sentence, start, end)
    return paragraph_with_highlight(normalise_punctuation(text), *where) if where else None


# The highlighted sentence shown before the paragraph is opened: whole sentences, at most this
# many characters (a multi-sentence quote shows its first sentences and an ellipsis).
SHOWN_SENTENCE = 60


def leading_sentences(sentence: str, limit: int = SHOWN_SENTENCE) -> str:
    """The first whole sentences of ``sentence`` that fit ``limit`` (at least one), then "…"."""
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    ends = sentence_boundaries(sentence)
    fitting = [cut for cut in ends if cut <= limit] or ends[:1]
    if not fitting or fitting[-1] >= len(sentence):
        return sentence
    return sentence[: fitting[-1]].rstrip() + ELLIPSIS
