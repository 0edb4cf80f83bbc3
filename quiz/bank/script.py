"""Writing generated text in the article's script.

Stems, options and answers of a traditional-script article must be traditional throughout:
the generator's own words (这一说法是否正确, 说：, 根据报道) and values it brings in (a curated
distractor such as 约… next to the article's 約…) would otherwise give the answer away.
:func:`in_script` converts simplified characters with OpenCC (s2tw, phrase-aware) but leaves
every character the article itself uses untouched, so quoted article text never changes
(臺/台, 著/着 stay as the article writes them).

:func:`script_forms` gives a fill-blank answer in both scripts: a student may type either.
"""

from __future__ import annotations

from functools import lru_cache

from .document import Document


@lru_cache(maxsize=1)
def _s2t():
    import opencc  # imported lazily: only traditional articles need it

    return opencc.OpenCC("s2tw")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _article_chars(document: Document) -> frozenset[str]:
    cache = document.__dict__.get("_article_chars")
    if cache is None:
        cache = frozenset(document.article.text)
        document.__dict__["_article_chars"] = cache
    return cache


def in_script(document: Document, text: str) -> str:
    """``text`` in the article's script (unchanged for a simplified-script article)."""
    if not document.traditional or not text:
        return text
    converted = _s2t().convert(text)
    if len(converted) != len(text):
        converted = "".join(_s2t().convert(char) for char in text)
    keep = _article_chars(document)
    return "".join(
        original if original in keep or len(new) != 1 else new
        for original, new in zip(text, converted, strict=True)
    )


@lru_cache(maxsize=4096)
def _script_forms(text: str) -> tuple[str, ...]:
    forms = [text, _t2s().convert(text), _s2t().convert(text).replace("週", "周")]
    unique: list[str] = []
    for form in forms:
        if form and form not in unique:
            unique.append(form)
    return tuple(unique)


def script_forms(text: str) -> list[str]:
    """``text`` and its other-script spellings (simplified and traditional), no repeats."""
    return list(_script_forms(text))
