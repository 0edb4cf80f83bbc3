"""Titles in 《》: reports, proposals, laws (《共建网络安全倡议书》).

The answer span includes the brackets so options read naturally. ``attrs['verb']`` is the
verb right before the title (发布, 印发, ...), used to judge whether the title is the
object of an announcement (worth asking) or a passing mention.
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import bracket_spans, make_fact

_VERB_RE = re.compile(r"(发布|印发|出台|公布|发出|推出|颁布|实施|通过|修订|制定|宣读|签署)了?$")


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Title facts of one sentence."""
    analysis = document.analysis
    facts = []
    for start, end in bracket_spans(analysis, sentence.start, sentence.end, "《", "》"):
        if end - start < 4:
            continue
        verb = _VERB_RE.search(analysis[max(sentence.start, start - 6) : start])
        facts.append(
            make_fact(
                document,
                sentence,
                "title",
                "titles",
                start,
                end,
                verb=verb.group(1) if verb else "",
            )
        )
    return facts
