"""Quoted terms and slogans in “”: themes, action names, case codes, roles, catchwords.

Only short quotes are terms (<= 20 characters, no sentence end inside); longer quotes are
speech. ``attrs['shape']``:

* ``case`` - a case code such as “8·16” (a name, never a date);
* ``slogan`` - a theme with an inner comma (“网络安全为人民,网络安全靠人民”);
* ``term`` - anything else (“守护者”, “两卡”, “铜墙铁壁”).

Runs of adjacent quoted terms (“净网”“护网”“四断”) are left to the enumeration extractor.
The answer span is the text *inside* the quotes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from ..facts import Fact
from ..lexicon import DATA_DIR
from ..segment import Sentence
from .common import bracket_spans, make_fact
from .enumerations import CODE_NAME_AFTER

# A quotation with a comma is a theme only where the text says so (以“…”为主题, 主题为“…”).
_THEME_CONTEXT = re.compile(r"主题|口号|标语|宣传语|理念")
CASE_CODE_RE = re.compile(r"^\d{1,2}[·.・]\d{1,2}$")
# Hotlines and short service numbers: 110, 96110, 12377, 400-123-4567, 028-12345678.
HOTLINE_RE = re.compile(
    r"(?<![\d.%-])(?:1\d{2}|9\d{4}|1\d{4}|400-?\d{3}-?\d{4}|0\d{2,3}-\d{7,8})(?![\d.%])"
)
_HOTLINE_CONTEXT_BEFORE = re.compile(r"(?:拨打|热线|专线|电话|号码|致电|接到|举报|咨询)[:：]?$")
_HOTLINE_CONTEXT_AFTER = re.compile(r"^(?:来电|热线|专线|电话|咨询|报警|举报|反诈|预警)")


@lru_cache(maxsize=1)
def _metaphor_words() -> frozenset[str]:
    """Catchwords of the metaphor groups (铜墙铁壁, 钱袋子 …) in ``data/term_groups.txt``."""
    words: set[str] = set()
    for line in (DATA_DIR / "term_groups.txt").read_text(encoding="utf-8").splitlines():
        group = line.split()
        if group and group[0] in ("铜墙铁壁", "钱袋子"):
            words.update(group)
    return frozenset(words)


def _is_metaphor(inner: str) -> bool:
    return inner in _metaphor_words()


def hotlines(document: Document, sentence: Sentence) -> list[Fact]:
    """Phone numbers and hotlines (拨打96110, 96110来电, 12377举报): names, never quantities.

    ``shape`` is ``hotline``; distractors are other well-known hotlines of the same length
    (``data/hotlines.txt``) that the article does not mention.
    """
    analysis = document.analysis
    facts = []
    for match in HOTLINE_RE.finditer(analysis, sentence.start, sentence.end):
        start, end = match.span()
        before = analysis[max(sentence.start, start - 6) : start]
        after = analysis[end : end + 4]
        if analysis[end : end + 1] in "年月日号万亿元%个名人件起次" or not (
            _HOTLINE_CONTEXT_BEFORE.search(before) or _HOTLINE_CONTEXT_AFTER.match(after)
        ):
            continue
        facts.append(make_fact(document, sentence, "term", "quotes", start, end, shape="hotline"))
    return facts


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Quoted-term facts of one sentence."""
    analysis = document.analysis
    facts = []
    spans = bracket_spans(analysis, sentence.start, sentence.end, "“", "”")
    for index, (start, end) in enumerate(spans):
        inner = analysis[start + 1 : end - 1]
        if not inner or len(inner) > 20 or re.search(r"[。!?]", inner):
            continue
        if re.match(r"(?:我|你们|咱们)", inner) or re.search(r"希望|觉得|认为|感到", inner):
            continue  # “我们希望每个孩子都能……” is speech, not a term
        glued_before = index > 0 and spans[index - 1][1] == start
        glued_after = index + 1 < len(spans) and spans[index + 1][0] == end
        if glued_before or glued_after:
            continue
        if HOTLINE_RE.fullmatch(inner):
            continue  # a quoted number is asked as a hotline (see hotlines())
        if CASE_CODE_RE.match(inner):
            shape = "case"
        elif (
            "," in inner
            and len(inner) >= 8
            and _THEME_CONTEXT.search(
                analysis[max(sentence.start, start - 12) : min(sentence.end, end + 6)]
            )
        ):
            shape = "slogan"
        else:
            shape = "term"
        code_name = bool(CODE_NAME_AFTER.match(analysis[end : end + 8]))
        facts.append(
            make_fact(
                document,
                sentence,
                "term",
                "quotes",
                start + 1,
                end - 1,
                shape=shape,
                code_name=code_name,
                metaphor=_is_metaphor(inner),
            )
        )
    return facts + hotlines(document, sentence)
