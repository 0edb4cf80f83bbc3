"""Text helpers: NFKC comparison keys and an offset-preserving analysis copy of an article.

The analysis copy has exactly the same length as the original text, so every offset found in
it is an offset into the original: each character is converted on its own (traditional ->
simplified with OpenCC t2s, then NFKC) and kept only when the conversion yields one character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT_RE = re.compile(r"[\s\u3000,，。.!！?？;；:：、“”\"'‘’《》()（）【】\[\]…—\-·]+")


def nfkc(text: str) -> str:
    """NFKC-normalised text; the form every comparison in the generator uses."""
    return unicodedata.normalize("NFKC", text)


# Words that brand a behaviour wrong on sight (所谓“老师”, 来路不明的链接): a "which is wrong"
# option that keeps them is answered without reading (round 15). Both scripts.
GIVEAWAY_RE = re.compile(r"所[谓謂]|[来來]路不明的?|[来來][历歷]不明的?|不明[来來]源的?")


@lru_cache(maxsize=65536)
def compare_key(text: str) -> str:
    """A loose key for duplicate detection: NFKC, lower-case, punctuation and spaces removed
    (cached: the generator compares the same options and stems many times)."""
    return _PUNCT_RE.sub("", nfkc(text)).lower()


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: only analysis needs it

    return opencc.OpenCC("t2s")


def _char_map(char: str, converter) -> str:
    simplified = converter.convert(char)
    if len(simplified) != 1:
        simplified = char
    normalised = unicodedata.normalize("NFKC", simplified)
    return normalised if len(normalised) == 1 else simplified


def analysis_text(original: str) -> str:
    """Simplified, NFKC-normalised copy of ``original`` with identical length and offsets.

    Straight double quotes ("…", common in hastily typed articles) become “…” (alternating
    open/close per line), so quote-based rules see them.
    """
    converter = _t2s()
    whole = converter.convert(original)
    if len(whole) == len(original):
        # Fast path: whole-text conversion keeps offsets; NFKC is then applied per character.
        out = []
        for char in whole:
            normalised = unicodedata.normalize("NFKC", char)
            out.append(normalised if len(normalised) == 1 else char)
        text = "".join(out)
    else:
        text = "".join(_char_map(char, converter) for char in original)
    text = _curly_quotes(text) if '"' in text else text
    # 「…」『…』 (traditional-script quotation marks) read as “…”‘…’: one set of quote rules;
    # 帳 converts to 帐, which simplified text writes 账 (转账, 账户: round 22's 轉帳 read no
    # transfer).
    return text.translate(_ANALYSIS_CHARS) if re.search("[「『帐]", text) else text


_ANALYSIS_CHARS = str.maketrans("「」『』帐", "“”‘’账")


def _curly_quotes(text: str) -> str:
    lines = text.split("\n")
    fixed = []
    for line in lines:
        if line.count('"') >= 2 and line.count('"') % 2 == 0:
            chars = list(line)
            opening = True
            for index, char in enumerate(chars):
                if char == '"':
                    chars[index] = "“" if opening else "”"
                    opening = not opening
            line = "".join(chars)
        fixed.append(line)
    return "\n".join(fixed)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _changed(text: str, converter) -> int:
    """How many characters of ``text`` the converter changes (per character, so length holds)."""
    return sum(1 for char in set(text) if converter.convert(char) != char)


def is_traditional(original: str) -> bool:
    """Is ``original`` written in traditional characters?

    Compares distinct characters: a traditional article has more characters that only exist in
    traditional script than characters that only exist in simplified. A single traditional
    character does not make an article traditional: a simplified report about 澦琨 (a place
    whose name t2s would simplify to 滪) stays simplified, and its generated words with it.
    """
    if _t2s().convert(original) == original:
        return False
    return _changed(original, _t2s()) > _changed(original, _s2t())


def outside_quotes(text: str) -> list[bool]:
    """Per character of ``text``: is it outside “…” and 「…」 (nested quotes counted)?"""
    flags = []
    depth = 0
    for char in text:
        if char in "“「":
            depth += 1
        flags.append(depth == 0)
        if char in "”」" and depth:
            depth -= 1
    return flags
