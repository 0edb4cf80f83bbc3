"""Which questions each kind of fact yields (see docs/question-bank.md, "Question types")."""

from __future__ import annotations

import re

from . import distractors as pick
from . import questions as build
from .advice_questions import advice_questions
from .amounts import quantity_from_text
from .document import Document
from .facts import Fact
from .questions import Result, rng_for
from .script import in_script
from .stem_anchor import local_event
from .stem_text import aligned, display
from .textutil import nfkc

# Quoted terms too generic to ask about on their own (they still appear inside other stems).
_TRIVIAL_TERM = re.compile(r"^[A-Za-z0-9]+$")


def _choice_and_judge(document: Document, fact: Fact, facts: list[Fact], span=None) -> list[Result]:
    finder = pick.BY_KIND.get(fact.kind)
    pool = finder(document, fact, facts, rng_for(fact.id, "distractors")) if finder else []
    if fact.kind == "quantity":
        pool = _keeping_order(fact, facts, pool)
    results = [build.fill_blank(document, fact, span)]
    if fact.kind == "quantity" and fact.attrs["quantity"].open_bound:
        results.append(
            (None, ("open_bound", f"“{fact.text}”是开放区间（以上/超过），其他数值无法确定为错"))
        )
    elif fact.kind == "date" and fact.attrs.get("shape") == "period":
        results.append(
            (None, ("period_not_exclusive", f"统计区间“{fact.text}”的其他区间不一定错误"))
        )
    else:
        results.append(build.single_choice(document, fact, pool, span))
    false_value = pool[0] if pool else None
    if fact.kind == "quantity" and fact.attrs["quantity"].unit == "%":
        false_value = _far_share(fact.attrs["quantity"], pool)
    if fact.kind == "title":
        # A title with one word swapped (倡议书 -> 承诺书) is false in wording only: the
        # statement of what was released is asked as it stands.
        false_value = None
    if fact.kind == "place" and not _place_of_event(document, fact):
        # 深圳是数字经济大市 -> 广州是…: a claim about another place may be true as well.
        false_value = None
    results.append(build.true_false(document, fact, false_value, span))
    return results


# 9.8% -> 8.5% is still about one in ten: a share's false version is false in a decimal, not in
# substance (round 36's reader). It must be at least this far off, relatively.
_FAR_SHARE = 0.25


def _far_share(answer, pool: list[str]) -> str | None:
    """The first distractor of a share at least :data:`_FAR_SHARE` off it, relatively."""
    for option in pool:
        parsed = quantity_from_text(option)
        if (
            parsed
            and answer.value
            and abs(parsed.value - answer.value) / answer.value >= _FAR_SHARE
        ):
            return option
    return None


def _keeping_order(fact: Fact, facts: list[Fact], pool: list[str]) -> list[str]:
    """Distractors on the answer's side of every other count of its kind in the sentence:
    受理727人、起诉____ must not offer 926人 (more prosecuted than received is guessed false)."""
    answer = fact.attrs["quantity"]
    others = [
        other.attrs["quantity"]
        for other in facts
        if other.kind == "quantity"
        and other is not fact
        and other.sentence.index == fact.sentence.index
        and other.attrs["quantity"].family == answer.family
        and other.attrs["quantity"].value != answer.value
        and not _semicolon_between(fact, other)
    ]
    if not others:
        return pool

    def keeps(candidate: str) -> bool:
        parsed = quantity_from_text(aligned(candidate))
        if parsed is None or parsed.family != answer.family:
            return True
        return all((parsed.value < other.value) == (answer.value < other.value) for other in others)

    return [candidate for candidate in pool if keeps(candidate)]


def _semicolon_between(fact: Fact, other: Fact) -> bool:
    """Two figures in clauses a semicolon parts are findings side by side, not steps of one
    count: 68.2%的受访居民…丢弃；54.7%的受访者从未查看… puts no bound on either (round 23's
    survey got no share question: every candidate fell outside the gap between its neighbours)."""
    text = fact.sentence.analysis
    base = fact.sentence.start
    low, high = sorted((fact.start - base, other.start - base))
    return any(mark in text[low:high] for mark in "；;")


_EVENT_PLACE_BEFORE = re.compile(r"(?:在|于|到|赴|来自|位于|落户)$")
_EVENT_PLACE_AFTER = re.compile(r"^(?:市|省|区|县)?(?:举行|举办|开幕|启动|召开|集中展示|展开|开展)")


def _place_of_event(document: Document, fact: Fact) -> bool:
    """A place where something happened (在广元市启动, 于福州举行): swapping it gives a false
    statement; a place that is the subject of a claim (深圳是数字经济大市) does not."""
    before = document.analysis[max(0, fact.start - 2) : fact.start]
    after = document.analysis[fact.end : fact.end + 6]
    return bool(_EVENT_PLACE_BEFORE.search(before) or _EVENT_PLACE_AFTER.match(after))


def _person(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    role = fact.attrs.get("role")
    if role == "reporter":
        return [(None, ("byline", f"记者署名“{fact.text}”不作为考点"))]
    if role == "citizen":
        if not re.search(
            r"来自|家住|住在|市民|居民|网民",
            fact.sentence.analysis[: fact.start - fact.sentence.start],
        ):
            return [(None, ("repeated_person", f"“{fact.text}”在此句只是复现，不再出题"))]
        return [build.fill_blank(document, fact)]
    results = _choice_and_judge(document, fact, facts)
    roles = fact.attrs.get("roles") or []
    if roles:
        results.append(build.fill_blank(document, fact, tuple(roles[-1]), rule="role"))
    return results


def _term(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    if _TRIVIAL_TERM.match(nfkc(fact.text)) and fact.attrs.get("shape") != "hotline":
        return [(None, ("trivial_term", f"引号内容“{fact.text}”不是中文术语"))]
    return _choice_and_judge(document, fact, facts)


def _enumeration(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    if fact.attrs.get("parallel"):
        # A list across paragraphs has no single sentence to cloze or judge.
        return [build.multiple_choice(document, fact, listed=True)]
    rng = rng_for(fact.id, "item")
    # Ask for inner items: the first item's left edge is the least certain boundary. Long
    # lists (5+ items) get a second cloze on a different item.
    candidates = list(range(1, len(fact.items))) or [0]
    rng.shuffle(candidates)
    asked = candidates[: 2 if len(fact.items) >= 5 else 1]
    item_span = fact.items[asked[0]]
    item_text = document.article.text[item_span[0] : item_span[1]]
    results = [build.fill_blank(document, fact, fact.items[i], rule="item") for i in asked]
    outsiders = pick.for_item(document, fact, item_text, rng)
    if fact.closed:
        results.append(
            build.single_choice(document, fact, outsiders, item_span, rule="item_choice")
        )
        results.append(build.multiple_choice(document, fact))
    else:
        results.append((None, ("open_list", f"列举“{fact.text[:20]}……”以“等”结尾，不出单选题")))
        # Multiple choice on what the article *lists* (outsiders absent from the whole article).
        results.append(build.multiple_choice(document, fact, listed=True))
    context = len(fact.sentence.analysis) - (fact.end - fact.start)
    if context < 12 or all(document.analysis[a:b].startswith("不") for a, b in fact.items):
        # A bare list or a string of prohibitions (不造谣、不信谣…) is advice, not a claim.
        results.append((None, ("not_a_claim", f"“{fact.text[:20]}”不是可判断真假的陈述")))
    else:
        results.append(
            build.true_false(
                document, fact, outsiders[0] if outsiders else None, item_span, rule="item_judge"
            )
        )
    return results


def _statement(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    results = []
    copula = fact.attrs["copula"]
    copula_at = fact.attrs["copula_at"]
    ordinal = fact.attrs.get("ordinal")
    if ordinal:
        span = tuple(ordinal)
        wrong = pick.for_ordinal(document.analysis[span[0] : span[1]])
        results.append(build.fill_blank(document, fact, span, rule="ordinal"))
        results.append(build.single_choice(document, fact, wrong, span, rule="ordinal_choice"))
        results.append(build.true_false(document, fact, wrong[0], span, rule="ordinal_judge"))
        return results
    span = (copula_at, copula_at + len(copula))
    flipped = {"不是": "是", "是": "不是"}.get(copula)
    results.append(build.true_false(document, fact, flipped, span, rule="copula_judge"))
    return results


def _advice(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    if fact.attrs.get("form") == "maxim":
        # 没有网络安全就没有____: a cloze on the maxim as written.
        return [build.fill_blank(document, fact), build.true_false(document, fact, None)]
    return advice_questions(document, fact, facts)


def _award(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    results = _choice_and_judge(document, fact, facts)
    winner = fact.attrs.get("winner")
    if winner:
        results.append(build.fill_blank(document, fact, tuple(winner), rule="winner"))
    return results


def _schedule(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    """Which day a themed day is: a choice among the programme's other days (certainly not
    that themed day's), and a true/false on the same (false: another day of the programme)."""
    event = document.event
    if not event:
        return [(None, ("no_event", "文章没有说明是哪一届宣传周"))]
    name = fact.attrs["day_name"]
    answer = display(document.article.text[fact.start : fact.end])
    shown_name = in_script(document, name)
    others = list(fact.attrs["others"])
    rng = rng_for(fact.id, "schedule")
    rng.shuffle(others)
    if len(others) < 3:
        deltas = [-3, -2, -1, 1, 2, 3]
        rng.shuffle(deltas)
        shifted = [pick.shift_day(answer, delta) for delta in deltas]
        others += [d for d in shifted if d and d not in others and d != answer]
    opening, closing = ("「", "」") if "「" in document.article.text else ("“", "”")
    # (苇塘县2023年网络安全宣传周: whose programme, when the article names the week bare)
    named = f"{display(local_event(document))}的{opening}{shown_name}{closing}"
    results: list[Result] = [
        build.question_of(fact, "single_choice", "choice", f"{named}是哪一天？", answer, others),
        build.statement_of(fact, "judge", f"{named}是", answer, others[0] if others else None),
    ]
    return results


def questions_for(document: Document, fact: Fact, facts: list[Fact]) -> list[Result]:
    """Candidate questions (or drop reasons) for one fact."""
    if fact.kind == "schedule":
        return _schedule(document, fact, facts)
    if fact.kind == "award":
        return _award(document, fact, facts)
    if fact.kind == "person":
        return _person(document, fact, facts)
    if fact.kind == "term":
        return _term(document, fact, facts)
    if fact.kind == "enumeration":
        return _enumeration(document, fact, facts)
    if fact.kind == "statement":
        return _statement(document, fact, facts)
    if fact.kind in ("advice", "scenario"):
        return _advice(document, fact, facts)
    return _choice_and_judge(document, fact, facts)
