"""Turning facts into candidate questions of the four types.

A candidate is a dict in the bank's question shape (without id, explanation, difficulty,
themed days and status, which :mod:`generate` adds) plus ``answer_spans`` in its source. A
builder returns ``(candidate, None)`` or ``(None, (reason_code, message))`` so that every drop
is recorded.

Per fact: a cloze ``fill_blank``; a cloze ``single_choice`` when three certainly-wrong
distractors exist; one ``true_false`` (the source statement, or - chosen by a hash of the
fact id so the bank is about half and half - a version with one fact swapped for a
certainly-wrong value); and for closed enumerations a ``multiple_choice``.
"""

from __future__ import annotations

import hashlib
import random
import re

from . import distractors as pick
from .amounts import equivalent_forms
from .constants import BLANK, TRUE_FALSE_OPTIONS
from .document import Document
from .facts import Fact
from .stems import display, frame
from .textutil import nfkc

Result = tuple[dict | None, tuple[str, str] | None]
TRUE_FALSE_TAIL = "这一说法是否正确？"


def rng_for(*parts: str) -> random.Random:
    """A private, reproducible random generator seeded from a hash of ``parts``."""
    digest = hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()
    return random.Random(int(digest[:16], 16))


def _base(fact: Fact, qtype: str, rule: str, spans: list[tuple[int, int]]) -> dict:
    return {
        "type": qtype,
        "fact": fact.id,
        "rule": f"{fact.kind}.{rule}",
        "answer_spans": [list(span) for span in spans],
        "sentence": fact.sentence,
    }


def accepted_answers(fact: Fact, text: str) -> list[str]:
    """The display answer and its equivalent spellings (72万元 / 72万 / 720000元, 广元市 / 广元)."""
    shown = display(text)
    forms = [shown] + [display(form) for form in equivalent_forms(nfkc(text))]
    if fact.kind == "place" and fact.attrs.get("official") and nfkc(text) != fact.attrs["official"]:
        forms.append(fact.attrs["official"])
    elif fact.kind == "place":
        forms.append(re.sub(r"(市|省)$", "", shown))
    if fact.kind == "date":
        forms.extend(shown.replace("至", sep) for sep in ("到", "-") if "至" in shown)
    if fact.kind == "title":
        forms.append(shown.strip("《》"))
    unique = []
    for form in forms:
        if form and form not in unique:
            unique.append(form)
    return unique


def fill_blank(
    document: Document, fact: Fact, span: tuple[int, int] | None = None, rule: str = "cloze"
) -> Result:
    start, end = span or (fact.start, fact.end)
    answer_text = document.article.text[start:end]
    if len(nfkc(answer_text).strip()) < 2 and fact.kind != "date":
        return None, ("answer_too_short", f"答案“{answer_text}”过短，不适合填空")
    stem = frame(document, fact, (start, end), walk_back=fact.kind != "person").cloze(BLANK)
    question = _base(fact, "fill_blank", rule, [(start, end)])
    question.update(stem=stem, answer=accepted_answers(fact, answer_text))
    return question, None


def single_choice(
    document: Document, fact: Fact, options_pool: list[str], span=None, rule: str = "choice"
) -> Result:
    start, end = span or (fact.start, fact.end)
    answer_text = display(document.article.text[start:end])
    if len(options_pool) < 3:
        return None, (
            "too_few_distractors",
            f"“{answer_text}”只有 {len(options_pool)} 个可靠干扰项",
        )
    stem = frame(document, fact, (start, end), walk_back=fact.kind != "person").cloze(BLANK)
    pool = [display(option) for option in options_pool]
    # Keep the source's order (it mixes article values and both sides of a number) but skip
    # options much longer or shorter than the answer, so length does not give it away.
    similar = [
        option
        for option in pool
        if abs(len(option) - len(answer_text)) <= max(2, len(answer_text) // 3)
    ]
    chosen = (similar + [option for option in pool if option not in similar])[:3]
    question = _base(fact, "single_choice", rule, [(start, end)])
    question.update(stem=stem, options=[answer_text] + chosen, answer=[0])
    return question, None


def true_false(
    document: Document, fact: Fact, false_value: str | None, span=None, rule: str = "judge"
) -> Result:
    start, end = span or (fact.start, fact.end)
    want_false = int(hashlib.sha1(fact.id.encode(), usedforsecurity=False).hexdigest(), 16) % 2 == 1
    the_frame = frame(document, fact, (start, end), walk_back=fact.kind != "person")
    use_false = want_false and false_value is not None
    shown = display(false_value) if use_false else display(document.article.text[start:end])
    statement = the_frame.statement(shown).rstrip("。")
    question = _base(
        fact, "true_false", f"{rule}.{'false' if use_false else 'true'}", [(start, end)]
    )
    question.update(
        stem=f"{statement}。{TRUE_FALSE_TAIL}",
        options=list(TRUE_FALSE_OPTIONS),
        answer=[1 if use_false else 0],
        claim=shown,
    )
    return question, None


def multiple_choice(document: Document, fact: Fact) -> Result:
    items = [display(document.article.text[a:b]) for a, b in fact.items]
    if not fact.closed:
        return None, ("open_list", "列举以“等”结尾，无法证明其他选项一定不在其中")
    rng = rng_for(fact.id, "multiple_choice")
    outsiders = pick.for_item(document, fact, items[0], rng)
    if not outsiders:
        return None, ("too_few_distractors", "封闭列举缺少同类且确定不在列举中的干扰项")
    correct_count = min(
        len(items), 4 if len(items) > 4 else len(items) - 1 if len(items) > 2 else 2
    )
    chosen_indices = sorted(rng.sample(range(len(items)), correct_count))
    wrong = outsiders[: max(1, min(2, 6 - correct_count))]
    first, last = fact.items[0][0], fact.items[-1][1]
    the_frame = frame(document, fact, (first, last))
    suffix = re.split(r"[，。；]", the_frame.suffix, maxsplit=1)[0]
    suffix = re.sub(r"^等", "", suffix)
    noun = {"organization": "单位", "place": "地方"}.get(fact.attrs.get("category"), "")
    prefix = the_frame.prefix
    stem = f"{prefix}哪些{noun}{suffix}？" if prefix else f"下列哪些属于{suffix}？"
    options = [items[i] for i in chosen_indices] + wrong
    order = list(range(len(options)))
    rng.shuffle(order)
    shuffled = [options[i] for i in order]
    answer = sorted(order.index(i) for i in range(correct_count))
    spans = [fact.items[i] for i in chosen_indices]
    question = _base(fact, "multiple_choice", "members", spans)
    question.update(stem=stem, options=shuffled, answer=answer)
    return question, None
