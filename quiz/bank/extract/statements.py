"""Statements and advice.

* statements: a clause ``X是Y`` / ``X不是Y`` / ``X已成为Y`` whose subject starts the clause,
  e.g. 网络空间不是法外之地, 网络犯罪已成为……第一大犯罪类型. ``attrs['negated']`` and
  ``attrs['copula']`` let true/false questions flip them (是 <-> 不是); an ordinal such as
  第一大 is recorded in ``attrs['ordinal']`` so it can be swapped (第二大) or blanked.
* advice: a rhythmic rule of three, ``不听不信不转账`` (kind ``advice``). Lists such as
  不造谣、不信谣、不传谣 are enumerations (see :mod:`enumerations`).
"""

from __future__ import annotations

import re

from ..document import Document
from ..facts import Fact
from ..segment import Sentence
from .common import make_fact

STATEMENT_RE = re.compile(
    r"^(?P<subject>[\u4e00-\u9fa5]{2,8}?)(?P<copula>不是|已成为|已经成为|已成|成为|是)(?P<rest>[^,;:]{4,60})$"
)
ORDINAL_RE = re.compile(r"第[一二三四五六七八九十]大")
ADVICE_RE = re.compile(
    r"不[\u4e00-\u9fa5]{1,2}不[\u4e00-\u9fa5]{1,2}不[\u4e00-\u9fa5]{1,2}(?=[,。;!、\s’”]|$)"
)
NO_X_NO_Y_RE = re.compile(
    r"没有[\u4e00-\u9fa5]{2,8}?就没有(?P<y>[\u4e00-\u9fa5]{2,8}?)(?=[,。;!、\s’”]|$)"
)
# Subjects that are pronouns or discourse markers do not make self-contained statements.
_BAD_SUBJECTS = ("这", "那", "他", "她", "它", "我们", "大家", "此", "其", "要", "只有", "如果")


def extract(document: Document, sentence: Sentence) -> list[Fact]:
    """Statement and advice facts of one sentence."""
    facts = []
    for clause in document.clauses(sentence):
        text = clause.analysis.strip("“”")
        offset = clause.start + clause.analysis.find(text)
        match = STATEMENT_RE.match(text)
        if match and not match.group("subject").startswith(_BAD_SUBJECTS):
            ordinal = ORDINAL_RE.search(text)
            facts.append(
                make_fact(
                    document,
                    sentence,
                    "statement",
                    "statements",
                    offset,
                    offset + len(text),
                    copula=match.group("copula"),
                    copula_at=offset + match.start("copula"),
                    ordinal=(offset + ordinal.start(), offset + ordinal.end()) if ordinal else None,
                )
            )
    for match in NO_X_NO_Y_RE.finditer(document.analysis, sentence.start, sentence.end):
        # 没有网络安全就没有国家安全: a maxim; the blank is its second half.
        facts.append(
            make_fact(document, sentence, "advice", "statements", *match.span("y"), form="maxim")
        )
    for match in ADVICE_RE.finditer(document.analysis, sentence.start, sentence.end):
        facts.append(
            make_fact(document, sentence, "advice", "statements", *match.span(), form="slogan")
        )
    return facts
