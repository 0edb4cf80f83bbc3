"""Turning facts into candidate questions of the four types.

A candidate is a dict in the bank's question shape (without id, explanation, difficulty,
themed days and status, which :mod:`generate` adds) plus ``answer_spans`` in its source. A
builder returns ``(candidate, None)`` or ``(None, (reason_code, message))`` so that every drop
is recorded.

Per fact: a cloze ``fill_blank``; a cloze ``single_choice`` when three certainly-wrong
distractors exist; one ``true_false`` (the source statement, or - chosen by a hash of the
fact id so the bank is about half and half - a version with one fact swapped for a
certainly-wrong value); and for enumerations a ``multiple_choice`` (closed lists: members; open lists: what the article
lists).
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
from .stems import Frame, display, frame
from .textutil import analysis_text, compare_key, nfkc

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
    # Quantities are parsed on the simplified copy (約60家 -> 约60家 -> 60家).
    forms = [shown] + [display(form) for form in equivalent_forms(analysis_text(text))]
    if fact.kind == "place" and fact.attrs.get("official") and nfkc(text) != fact.attrs["official"]:
        forms.append(fact.attrs["official"])
    elif fact.kind == "place":
        forms.append(re.sub(r"(市|省)$", "", shown))
    if fact.kind == "date":
        # 10月11日至17日: also 10月11日至10月17日, as a student may write the second month
        month = re.fullmatch(r"(\d{1,2}月)(\d{1,2}日)至(\d{1,2}日)", shown)
        if month:
            forms.append(f"{month[1]}{month[2]}至{month[1]}{month[3]}")
        forms.extend(
            form.replace("至", sep) for form in list(forms) for sep in ("到", "-") if "至" in form
        )
        # 9月16日: a student may write 9月16号 (round 35's reader)
        forms.extend(
            form[:-1] + "号" for form in list(forms) if re.fullmatch(r"\d{1,2}月\d{1,2}日", form)
        )
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
    the_frame = frame(document, fact, (start, end), walk_back=fact.kind != "person")
    stem = the_frame.cloze(BLANK)
    answers = accepted_answers(fact, answer_text)
    dated = re.match(r"^(\d{4}年)(\d{1,2}月\d{1,2}日)$", nfkc(answer_text).strip())
    if fact.kind == "date" and dated:
        # 据…2022年9月消息，____是…“个人信息保护日”: 9月11日 is as right as 2022年9月11日 (the
        # stem's lead, added later, gives the year; round 25)
        answers.append(display(dated.group(2)))
    question = _base(fact, "fill_blank", rule, [(start, end)])
    question.update(
        stem=stem,
        answer=answers,
        _cut_head=the_frame.cut_head,
        _inside_quote=the_frame.inside_quote,
    )
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
    the_frame = frame(document, fact, (start, end), walk_back=fact.kind != "person")
    stem = the_frame.cloze(BLANK)
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
    question.update(
        stem=stem,
        options=[answer_text] + chosen,
        answer=[0],
        _cut_head=the_frame.cut_head,
        _inside_quote=the_frame.inside_quote,
    )
    return question, None


def true_false(
    document: Document, fact: Fact, false_value: str | None, span=None, rule: str = "judge"
) -> Result:
    start, end = span or (fact.start, fact.end)
    want_false = int(hashlib.sha1(fact.id.encode(), usedforsecurity=False).hexdigest(), 16) % 2 == 1
    the_frame = frame(document, fact, (start, end), walk_back=fact.kind != "person")
    use_false = want_false and false_value is not None
    shown = display(false_value) if use_false else display(document.article.text[start:end])
    statement = the_frame.statement(shown)
    if not statement.endswith(("。”", "？”", "！”")):
        statement = statement.rstrip("。")
    question = _base(
        fact, "true_false", f"{rule}.{'false' if use_false else 'true'}", [(start, end)]
    )
    question.update(
        stem=f"{statement}{'' if statement.endswith(('。”', '？”', '！”')) else '。'}{TRUE_FALSE_TAIL}",
        options=list(TRUE_FALSE_OPTIONS),
        answer=[1 if use_false else 0],
        claim=shown,
        _cut_head=the_frame.cut_head,
        _inside_quote=the_frame.inside_quote,
    )
    return question, None


MULTIPLE_TAIL = "（多选）"
_LEADING_TIME = re.compile(r"^(?:当前|目前|现在)")


def _option_spans(document: Document, fact: Fact) -> list[tuple[int, int]]:
    """List items as options: a leading 当前/目前 belongs to the sentence, not the item."""
    spans = []
    for start, end in fact.items:
        lead = _LEADING_TIME.match(document.analysis[start:end])
        if lead and end - start - lead.end() >= 2:
            start += lead.end()
        spans.append((start, end))
    return spans


def governing_title(document: Document, fact: Fact) -> str:
    """The document a passage belongs to: 《X》 when its section heading is X or a 《…》 opens
    the section before it (倡议书 printed in full); '' otherwise."""
    sentence = fact.sentence
    if sentence.section < 0:
        return ""
    heading = document.sentences[sentence.section]
    name = heading.analysis.strip()
    before = document.analysis[: sentence.start]
    at = before.rfind(f"《{name}》") if name else -1
    if at < 0:
        at = before.rfind("《", heading.start)
    end = document.analysis.find("》", at) if at >= 0 else -1
    return display(document.article.text[at : end + 1]) if 0 <= at < end else ""


def _title_before(document: Document, fact: Fact, word: str) -> str:
    """The last 《…word…》 in the fact's paragraph before it ('' if none)."""
    sentence = fact.sentence
    start = min(s.start for s in document.sentences if s.paragraph == sentence.paragraph)
    found = re.findall(rf"《[^》]*{word}[^》]*》", document.analysis[start : fact.start])
    if not found:
        return ""
    at = document.analysis.rfind(found[-1], start, fact.start)
    return display(document.article.text[at : at + len(found[-1])])


def _members_stem(document: Document, fact: Fact, first: int, last: int) -> str:
    """The stem of a list question ('' when the list's clause cannot stand as a statement)."""
    title = governing_title(document, fact)
    if fact.attrs.get("parallel"):
        where = f"{title or '文中的倡议'}“我们倡议”各段"
        if fact.attrs.get("parallel_kind") == "role":
            return f"根据报道，{where}倡议争做的是下列哪些？{MULTIPLE_TAIL}"
        return f"根据报道，{where}开头提出的倡议是下列哪些？{MULTIPLE_TAIL}"
    the_frame = frame(document, fact, (first, last))
    category = fact.attrs.get("category")
    if fact.closed and the_frame.prefix and category in ("themed_day", "organization", "place"):
        suffix = re.split(r"[，。；]", the_frame.suffix, maxsplit=1)[0]
        # 等十部门共同主办 -> 共同主办: the count is the list's, not the question's.
        suffix = re.sub(
            r"^等?(?:\d+|[一二两三四五六七八九十]+)?(?:个|家)?(?:部门|单位)?", "", suffix
        )
        noun = {"organization": "单位", "place": "地方"}.get(category, "")
        return f"根据报道，{the_frame.prefix}哪些{noun}{suffix}？{MULTIPLE_TAIL}"
    # Keep the blank's own clause (and the next one when the blank ends its clause).
    head, *rest = the_frame.suffix.split("，")
    suffix = head if len(re.sub(r"^等", "", head)) >= 4 or not rest else f"{head}，{rest[0]}"
    prefix = the_frame.prefix
    own = re.split(r"[，。]", prefix)[-1]
    if re.search(r"(?:通过|以|经过|借助|利用|采取)$", own):
        # 各地将通过____等多种形式，采取…方式，宣传…: a means needs what it is for.
        suffix = "，".join([head, *rest[:2]])
        if not re.search(r"宣传|开展|提升|普及|举办|推动|增强|提高|打击|保护", suffix):
            return ""
    document_word = re.match(r"^(?:该)?(报告|白皮书|倡议书|汇编|方案)", prefix)
    if document_word:
        # 报告从…等维度 -> 《四川省移动互联网应用安全报告(2021年上半年)》从…等维度
        named = _title_before(document, fact, document_word.group(1))
        if named:
            prefix = named + prefix[document_word.end() :]
    body = Frame(prefix, suffix).cloze(BLANK).rstrip("。")
    if not the_frame.prefix.strip():
        body = f"{title or '文中'}写道：“{body}”"
    lead = "" if body.startswith("据") else "根据报道，"
    return f"{lead}{body}。下列哪些是文中在空白处列举的？{MULTIPLE_TAIL}"


def multiple_choice(document: Document, fact: Fact, *, listed: bool = False) -> Result:
    """Two or more list members among four to six options (see docs, "Multiple choice").

    Closed lists (rule ``members``) ask for members; open lists (…等, rule ``listed``) only when
    ``listed``: the stem keeps 等 and asks what the article lists at the blank, and every
    outsider is absent from the whole article, so it certainly was not listed.
    """
    if not fact.closed and not listed:
        return None, ("open_list", "列举以“等”结尾，无法证明其他选项一定不在其中")
    spans = _option_spans(document, fact)
    items = [display(document.article.text[a:b]) for a, b in spans]
    rng = rng_for(fact.id, "multiple_choice")
    outsiders = pick.for_members(document, fact, items, rng, listed=not fact.closed)
    if len(outsiders) < 2:
        return None, (
            "too_few_distractors",
            f"列举“{'、'.join(items)[:20]}”只有 {len(outsiders)} 个同类且确定不在列举中的干扰项",
        )
    stem = _members_stem(document, fact, spans[0][0], spans[-1][1])
    if not stem:
        return None, ("incomplete", "列举所在的句子成分不完整（只有方式，没有做什么）")
    # A member the stem itself names (电信 in 打击治理电信网络…) cannot be a shown answer.
    stem_key = compare_key(stem.replace(BLANK, "|"))
    eligible = [i for i, item in enumerate(items) if compare_key(item) not in stem_key]
    if len(eligible) < 2:
        return None, ("answer_in_stem", "列举的成员大多出现在题干中")
    count = len(eligible)
    correct_count = 4 if count > 4 else rng.randint(2, count)
    chosen_indices = sorted(rng.sample(eligible, correct_count))
    wrong = outsiders[: min(6 - correct_count, max(2, 5 - correct_count))]
    options = [items[i] for i in chosen_indices] + wrong
    order = list(range(len(options)))
    rng.shuffle(order)
    shuffled = [options[i] for i in order]
    answer = sorted(order.index(i) for i in range(correct_count))
    rule = ("parallel_" if fact.attrs.get("parallel") else "") + (
        "members" if fact.closed else "listed"
    )
    question = _base(fact, "multiple_choice", rule, [spans[i] for i in chosen_indices])
    question.update(stem=stem, options=shuffled, answer=answer)
    if fact.attrs.get("parallel"):
        text = document.article.text
        question["quote"] = "……".join(display(text[a:b]) for a, b in fact.attrs["parallel"])
    return question, None


def question_of(
    fact: Fact, qtype: str, rule: str, stem: str, answer: str, wrong: list[str]
) -> Result:
    """A single-choice question whose stem is written whole (not a frame of the sentence)."""
    if len(wrong) < 3:
        return None, ("too_few_distractors", f"“{answer}”只有 {len(wrong)} 个可靠干扰项")
    question = _base(fact, qtype, rule, [(fact.start, fact.end)])
    question.update(stem=stem, options=[answer, *wrong[:3]], answer=[0])
    return question, None


def statement_of(fact: Fact, rule: str, head: str, answer: str, false_value: str | None) -> Result:
    """A true/false question on ``head + value``: the answer, or (by a hash of the fact id,
    as :func:`true_false`) ``false_value``."""
    want_false = int(hashlib.sha1(fact.id.encode(), usedforsecurity=False).hexdigest(), 16) % 2 == 1
    use_false = want_false and false_value is not None
    shown = false_value if use_false else answer
    question = _base(
        fact, "true_false", f"{rule}.{'false' if use_false else 'true'}", [(fact.start, fact.end)]
    )
    question.update(
        stem=f"{head}{shown}。{TRUE_FALSE_TAIL}",
        options=list(TRUE_FALSE_OPTIONS),
        answer=[1 if use_false else 0],
        claim=shown,
    )
    return question, None
