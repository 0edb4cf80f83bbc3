"""The build: articles (+ prior bank) -> gated, de-duplicated, balanced, merged bank."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .article import Article, UnusableArticleError
from .constants import (
    BLANK,
    GENERATOR_VERSION,
    MAX_PER_SENTENCE,
    MIN_USABLE_QUESTIONS,
    RECOMMEND_THRESHOLD,
    SCHEMA_VERSION,
    THEMED_DAYS,
)
from .curation import merge
from .document import Document
from .explain import difficulty, explanation
from .extract import extract_facts
from .extract.advice import tips_lead_above
from .extract.people import is_name
from .gates import check_question
from .layout import DATELINE_RE
from .lexicon import places
from .plan import questions_for
from .quality import REASONS, assess, construction_problem, needs_anchor
from .questions import rng_for
from .relative_places import home_institution, resolve_relative
from .script import in_script, script_forms
from .speakers import introduce_speakers
from .stem_anchor import named_publisher, report_lead, resolve_organisations, time_anchored
from .stem_text import (
    aligned,
    dated_deixis,
    drop_additive,
    drop_garbled_item,
    drop_scene,
    mainland_view,
    mentions,
    sub_aligned,
    week_before_period,
    without_report_lead,
)
from .stems import display
from .tagging import tag_question
from .textutil import compare_key
from .themes import DEFAULT_THEMES_PATH, ThemeMap, load_theme_map


@dataclass
class BuildResult:
    """``bank``: the bank dict; ``dropped``: (candidate, reason code, message); ``stats``;
    ``capped``: gate-passing questions left out by the per-sentence cap (best ones kept)."""

    bank: dict
    dropped: list[tuple[str, str, str]] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    capped: list[dict] = field(default_factory=list)


def _question_id(
    article: Article, fact, qtype: str, spans: list[list[int]], sentence_start: int, rule: str
) -> str:
    span_key = ";".join(
        f"{a - sentence_start}-{b - sentence_start}:{article.text[a:b]}" for a, b in spans
    )
    key = f"{article.id}|{fact}|{qtype}|{span_key}"
    if rule.startswith(("advice.", "scenario.")):
        # Advice and scenario facts give several questions of one type on one span.
        key += f"|{rule}"
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _finish(candidate: dict, fact, document: Document, themes: ThemeMap) -> dict:
    article = document.article
    sentence = candidate.pop("sentence")
    spans = candidate.pop("answer_spans")
    rule = candidate.pop("rule")
    quote = candidate.pop("quote", None)
    fact_kind = rule.split(".")[0]
    qid = _question_id(article, candidate["fact"], candidate["type"], spans, sentence.start, rule)
    question = {
        "id": qid,
        **candidate,
        "source": {
            "id": article.id,
            "sentence": sentence.text,
            "start": sentence.start,
            "end": sentence.end,
            "answer_spans": spans,
        },
        "generator": {"rule": rule, "version": GENERATOR_VERSION},
        "status": "draft",
    }
    question["themed_days"] = tag_question(themes, question, fact, document)
    quantity = None
    if fact_kind == "quantity":
        from .amounts import quantity_from_text

        quantity = quantity_from_text(article.text[spans[0][0] : spans[0][1]])
    question["difficulty"] = difficulty(fact_kind, question["type"], len(sentence.text), quantity)
    question["explanation"] = explanation(question, article, quote or display(sentence.text))
    return question


def _correct_texts(question: dict) -> list[str]:
    if question["type"] == "fill_blank":
        return question["answer"][:1]
    if question["type"] == "true_false":
        return [question.get("claim", "")]
    return [question["options"][i] for i in question["answer"]]


def _context_score(question: dict) -> int:
    stem = question["stem"]
    return sum(1 for name in places() if len(name) > 1 and name in stem)


def _dedupe_key(question: dict, text: str = "") -> tuple[str, str, str]:
    """Type, answer and a window around it. A true/false question is keyed on the *source*
    value (72万元 whether the claim shown is 72万元 or 144万元), so a fact restated in two
    sentences is judged once."""
    stem = question["stem"]
    marker = "____" if "____" in stem else question.get("claim", "")
    at = stem.find(marker) if marker else -1
    window = (
        stem[max(0, at - 6) : at] + "|" + stem[at + len(marker) : at + len(marker) + 6]
        if at >= 0
        else stem
    )
    answer = "|".join(_correct_texts(question))
    if question["type"] == "true_false" and text:
        (start, end), *_ = question["source"]["answer_spans"]
        answer = text[start:end]
        window = text[max(0, start - 6) : start] + "|" + text[end : end + 6]
    return question["type"], compare_key(answer), compare_key(window)


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    key = compare_key(text)
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))


def _near_duplicate(question: dict, kept) -> dict | None:
    """A kept question of the same type and answer whose stem is >= 75 % the same (bigram
    Jaccard); for true/false also one from another sentence whose stem is >= 80 % the same
    whatever its claim (a rule restated in two sentences)."""
    answer = compare_key("|".join(_correct_texts(question)))
    grams = _bigrams(question["stem"])
    for other in kept:
        if (
            question["type"] == other["type"] == "true_false"
            and other["source"]["start"] != question["source"]["start"]
        ):
            other_grams = _bigrams(other["stem"])
            if grams and len(grams & other_grams) / len(grams | other_grams) >= 0.8:
                return other
        if (
            other["type"] != question["type"]
            or compare_key("|".join(_correct_texts(other))) != answer
        ):
            continue
        other_grams = _bigrams(other["stem"])
        if grams and len(grams & other_grams) / len(grams | other_grams) >= 0.75:
            return other
    return None


def _balance(questions: list[dict]) -> None:
    """Rotate single-choice options so the correct one cycles through A–D across the bank."""
    singles = sorted((q for q in questions if q["type"] == "single_choice"), key=lambda q: q["id"])
    for index, question in enumerate(singles):
        correct, *wrong = question["options"]
        rng_for(question["id"], "order").shuffle(wrong)
        position = index % 4
        question["options"] = wrong[:position] + [correct] + wrong[position:]
        question["answer"] = [position]
        question["explanation"] = re.sub(
            r"^答案：[^。]*。", f"答案：{correct}。", question["explanation"]
        )


_LIST_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]\s*)(?=\D)")
_SPEAKER_LABEL = re.compile(r"^(?P<name>[\u4e00-\u9fa5]{2,3})[：:](?![“「])")
_LIST_DASH = re.compile(r"(?:(?<=^)|(?<=[，。；：,;:]))\s*(?:——|—|－－)\s*")


def _with_report_lead(question: dict, fact, document: Document) -> None:
    """A stem about an event or figure that names no year gets ``据<publisher><month>报道，``
    (the publication date, said as such); the scorer notes it."""
    advice_like = question["generator"]["rule"].startswith(("advice.", "scenario."))
    if fact.kind in ("term", "enumeration") and re.search(
        r"提醒|建议|提示", fact.sentence.analysis
    ):
        # 孙晓东建议市民…接到____的来电要及时接听: advice given in a report, said whose and when.
        advice_like = True
    item = _LIST_ITEM.match(fact.sentence.analysis)
    if (
        item
        and fact.kind == "term"
        and fact.attrs.get("shape") == "hotline"
        and tips_lead_above(document, fact.sentence)
        # the whole item from its start (先告诉家长和老师；… or 或扣押身份证… is its middle)
        and aligned(question["stem"].removeprefix("根据报道，")).startswith(
            fact.sentence.analysis[item.end() :][:6]
        )
    ):
        # 学校向学生发放了应对提示卡： + 五是需要倾诉或法律帮助时，可拨打12355…热线: the list's
        # hotline is the school's advice, said as such (round 42: "nobody's advice").
        who = home_institution(document) or named_publisher(document)
        when = report_lead(document, with_publisher=False)
        if who and when:
            stem = question["stem"].removeprefix("根据报道，")
            question["stem"] = (
                when.removeprefix("据").removesuffix("的报道，") + f"，{who}提醒：{stem}"
            )
            return
    if not needs_anchor(fact) and not advice_like:
        return
    if advice_like:
        question["stem"] = question["stem"].removeprefix("根据报道，")
        giver = _giver_head(document, fact, question["stem"])
        if giver:
            # 分公司提醒广大用户：不要轻信… - advice said by whom the sentence says, never
            # 据…报道，不要轻信… (an instruction is nobody's report; round 15).
            stem = f"{giver}：{question['stem']}"
            when = report_lead(document, with_publisher=False)
            if when and not time_anchored(document, stem):
                stem = when.removeprefix("据").removesuffix("的报道，") + "，" + stem  # 2023年9月，
            question["stem"] = stem
            return
        # Advice and cases say whose report they come from and when, like any other stem.
        if not time_anchored(document, question["stem"]):
            publisher = document.article.publisher or ""
            # 临川分局提醒… in 临川分局's own release: "据临川分局…报道，临川分局提醒" names the
            # source twice; the month alone says when.
            own = bool(publisher) and mentions(question["stem"][:40], publisher)
            # 璋台理工大学提醒… in 璋台理工大学新闻网's news: the school is the source (round 30).
            school = home_institution(document)
            own = own or (bool(school) and mentions(question["stem"][:40], school))
            # 据叶春林介绍，…: the stem has its source; "据…报道，据…介绍" would name two.
            own = own or aligned(question["stem"]).startswith("据")
            # 金管局提醒：… names its giver: the month alone says when, unless the article names
            # the outlet or body whose news it is (据华西都市报2021年10月报道，…方万云提醒：).
            # (根据…支行的提醒，凡是…: the same, for a rule's giver; round 35)
            own = (
                own
                or (
                    bool(_NAMED_GIVER.match(aligned(question["stem"])))
                    or aligned(question["stem"]).startswith("根据")
                )
                and report_lead(document).endswith("的报道，")
            )
            lead = report_lead(document, with_publisher=not own)
            if own and lead:
                lead = lead.removeprefix("据").removesuffix("的报道，") + "，"  # 2024年9月，
            if lead:
                question["stem"] = lead + question["stem"]
        return
    stem = question["stem"]
    if time_anchored(document, stem):
        return
    body = stem.removeprefix("根据报道，")
    dated = _YEARLESS_LEAD.match(body)
    if dated and document.year and _same_year(document, int(dated.group(2))):
        # 1月至9月，… / 自10月12日起，… in an October 2021 report: 2021年1月至9月，…
        at = dated.start(2)
        question["stem"] = (
            stem[: len(stem) - len(body)] + body[:at] + f"{document.year}年" + body[at:]
        )
        return
    # A place question's lead names no publisher: 西安晚报 would give 西安 away; a stem that
    # has its own source (据叶春林介绍，…) gets the month only, never two 据.
    sourced = aligned(stem).startswith("据")  # (據…介紹 in a traditional stem too, round 36)
    lead = report_lead(document, with_publisher=fact.kind != "place" and not sourced)
    if not lead:
        return
    if sourced:
        lead = lead.removeprefix("据").removesuffix("的报道，") + "，"
    if stem.startswith("根据报道，"):
        stem = stem[len("根据报道，") :]
    question["stem"] = lead + stem
    question["_report_lead"] = True


# An inline or numbered list item's counter: 五是… / 3. …
_LIST_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]是|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)"
)
_NAMED_GIVER = re.compile(r"^[^，：:]{2,40}?(?:提醒|提示|建议|呼吁)[^，：:]{0,8}[：:]")
# An instruction opening a stem (不要轻信…, 凡是要求…的一律是诈骗): it needs its giver.
_IMPERATIVE = re.compile(r"^(?:不要|要|切勿|务必|请|千万|一定|凡是|勿|谨防|警惕|注意|牢记|拒绝)")
# 分公司提醒广大用户： / 民警特别提示： heading the sentence: who gives what follows.
_GIVER_HEAD = re.compile(
    r"^(?P<head>[^，：:“”。]{2,30}?(?:提醒|提示|建议|呼吁|告诫)[^，：:“”。]{0,10})[：:]"
)


def _giver_head(document: Document, fact, stem: str) -> str:
    """``中国电信榆岭县分公司提醒广大用户`` for an imperative stem whose sentence opens on its
    giver's colon (分公司提醒广大用户：不要…), '' otherwise."""
    if not _IMPERATIVE.match(aligned(stem)):
        return ""
    sentence = fact.sentence
    body = DATELINE_RE.sub("", sentence.analysis, count=1)
    found = _GIVER_HEAD.match(body)
    if not found or re.search(r"[这此该他她]", found.group("head")[:2]):
        return ""
    at = sentence.start + len(sentence.analysis) - len(body)
    shown = display(document.article.text[at : at + found.end("head")])
    return resolve_organisations(document, shown, sentence.start)


_YEARLESS_LEAD = re.compile(
    r"^(自)?(\d{1,2})(?:月(?:\d{1,2}日)?(?:(?:至|到|-)\d{1,2}月(?:\d{1,2}日)?)?|(?:至|到|-)\d{1,2}月)"
    r"[^，]{0,4}，"
)


_DAY_NAME = re.compile(r"(?P<day>校园|电信|法治|金融|青少年|个人信息保护)日")
_QUOTED_DAY = re.compile(r"[“「](?:校园|电信|法治|金融|青少年|个人信息保护)日[”」]")


def _name_the_week(question: dict, fact, document: Document) -> None:
    """A themed day's date said without its week (据…报道，____为金融日，由…牵头) names the week:
    ``2025年国家网络安全宣传周期间，____为金融日，…`` (round 7)."""
    event = document.event
    stem = question["stem"]
    bare = re.search(r"(?<!\d年)国家网络安全宣传周", aligned(stem))
    day_asked = fact.kind in ("schedule", "date") or (
        fact.kind == "term" and aligned(fact.text).strip('“”「」"') in THEMED_DAYS.values()
    )
    if bare and document.year and day_asked and (_DAY_NAME.search(stem) or BLANK in stem):
        # 据2025年9月的报道，____是国家网络安全宣传周“法治日”: the week of which year (round 38)?
        # The report's year is the week's, said as the stem's lead (the blank keeps the source's
        # words around it, so the year does not go inside the week's name).
        body = without_report_lead(stem)
        this = re.search(r"本届(?=国家网络安全宣传周)", aligned(body))
        near = this and BLANK in body[max(0, this.start() - 6) : this.end() + 6]
        if this and not near:
            # 9月20日是本届国家网络安全宣传周的青少年日: this year's week, by its year (round 42).
            question["stem"] = sub_aligned(
                r"本届(?=国家网络安全宣传周)", f"{document.year}年", body, count=1
            )
            question.pop("_report_lead", None)
        elif not re.match(r"\d{4}年", aligned(body)):
            question["stem"] = f"{document.year}年，{body}"
            question.pop("_report_lead", None)
        return
    days_listed = len(set(_DAY_NAME.findall(aligned(stem)))) >= 3 or "六大主题日" in aligned(stem)
    # 据网信浛琞2025年9月消息，9月17日“电信日”，三家基础电信企业…: a figure of a themed day
    # is the week's; a report lead names neither the city nor the week (round 40).
    day_of_week = without_report_lead(stem) != stem and bool(_QUOTED_DAY.search(aligned(stem)))
    if (
        (fact.kind not in ("schedule", "date") and not days_listed and not day_of_week)
        or not event
        or not re.search(r"\d{4}年", aligned(event))
        or "宣传周" in aligned(stem)
        or not (_DAY_NAME.search(aligned(stem)) or days_listed)
    ):
        return
    # (自2021年10月12日起，四川将陆续开展…“六大主题日”活动 in a choice or a false twin: the days
    # of which week, round 27's seed reader)
    lead = re.match(r"^根据报道，", aligned(stem))
    body = without_report_lead(stem[lead.end() :] if lead else stem)
    # 2025年9月15日为金融日 -> 9月15日为金融日: the week's name carries the year.
    body = sub_aligned(r"^(自)?\d{4}年(?=\d{1,2}月)", lambda g: g[1] or "", body, count=1)
    question["stem"] = f"{stem[: lead.end()] if lead else ''}{display(event)}期间，{body}"
    question.pop("_report_lead", None)


def _same_year(document: Document, month: int) -> bool:
    """A month named without a year is the article's year unless it lies well after the
    article's date (a December date in a January report is last year's)."""
    date = re.match(r"\d{4}-(\d{2})", document.article.date or "")
    return not date or month <= int(date.group(1)) + 2


# 1，286萬次: a full-width comma grouping digits reads as a list; the stem says 1,286萬次.
_GROUPING_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


def _in_article_script(question: dict, document: Document) -> None:
    """Every generated string in the article's script; fill-blank answers in both."""
    question["stem"] = _GROUPING_COMMA.sub(",", question["stem"])
    if question["type"] == "fill_blank":
        question["answer"] = _unique(_GROUPING_COMMA.sub(",", a) for a in question["answer"])
    elif question.get("options"):
        question["options"] = [_GROUPING_COMMA.sub(",", o) for o in question["options"]]
    if "claim" in question:
        question["claim"] = _GROUPING_COMMA.sub(",", question["claim"])
    if not document.traditional:
        if question["type"] == "fill_blank":
            question["answer"] = _unique(f for a in question["answer"] for f in script_forms(a))
        return
    question["stem"] = in_script(document, question["stem"])
    question["explanation"] = in_script(document, question["explanation"])
    if question["type"] == "fill_blank":
        shown = [in_script(document, a) for a in question["answer"]]
        question["answer"] = _unique(f for a in shown for f in script_forms(a))
    else:
        # 正確/錯誤 too: a simplified 正确 beside a traditional stem stands out.
        question["options"] = [in_script(document, o) for o in question["options"]]
    if "claim" in question:
        question["claim"] = in_script(document, question["claim"])


def _unique(values) -> list[str]:
    result: list[str] = []
    for value in values:
        if value and value not in result:
            result.append(value)
    return result


def _cap_per_sentence(questions: list[dict], dropped: list, capped: list) -> list[dict]:
    """At most MAX_PER_SENTENCE questions per source sentence: the best scored, preferring a
    mix of types (a second question of a type only after every type present got one)."""
    by_sentence: dict[tuple, list[dict]] = {}
    for question in questions:
        key = (question["source"]["id"], question["source"]["start"])
        by_sentence.setdefault(key, []).append(question)
    kept_ids: set[int] = set()
    for group in by_sentence.values():
        ranked = sorted(group, key=lambda q: (-q["quality"]["score"], q["id"]))
        seen_types: dict[str, int] = {}
        order = []
        for question in ranked:
            order.append(
                (
                    seen_types.get(question["type"], 0),
                    -question["quality"]["score"],
                    question["id"],
                    question,
                )
            )
            seen_types[question["type"]] = seen_types.get(question["type"], 0) + 1
        order.sort(key=lambda item: item[:3])
        for _rank, _score, _qid, question in order[:MAX_PER_SENTENCE]:
            kept_ids.add(id(question))
        for _rank, _score, _qid, question in order[MAX_PER_SENTENCE:]:
            capped.append(question)
            dropped.append(
                (
                    question["id"],
                    "sentence_cap",
                    f"同一句子最多保留 {MAX_PER_SENTENCE} 题 / cap per sentence",
                )
            )
    return [q for q in questions if id(q) in kept_ids]


def _build_article(
    article: Article, themes: ThemeMap, dropped: list, stats: Counter, capped: list
) -> list[dict]:
    document = Document(article)
    facts = extract_facts(document)
    texts = {article.id: article.text}
    kept: dict[tuple, dict] = {}
    order: list[int] = []
    for fact in facts:
        for candidate, drop in questions_for(document, fact, facts):
            label = f"{article.id}:{fact.id}:{fact.text[:24]}"
            if drop:
                dropped.append((label, *drop))
                continue
            cut_head = candidate.pop("_cut_head", False)
            inside_quote = candidate.pop("_inside_quote", False)
            question = _finish(candidate, fact, document, themes)
            # 六、发现个人信息被泄露…: a list item's number is not part of the question.
            question["stem"] = _LIST_NUMBER.sub("", question["stem"], count=1)
            _with_report_lead(question, fact, document)
            # 魏嘉宁：今年1月至8月，…: a transcript's speaker label is who said it (round 33).
            speaker = _SPEAKER_LABEL.match(question["stem"])
            if speaker and is_name(speaker.group("name")):
                question["stem"] = (
                    speaker.group("name") + "介绍，" + question["stem"][speaker.end() :]
                )
            question["stem"] = drop_scene(
                drop_additive(
                    resolve_relative(
                        document,
                        introduce_speakers(document, question["stem"], question["source"]["start"]),
                    )
                )
            )
            # ——9月16日“校园日”，…: a schedule's list dash is not part of the stem (round 30).
            question["stem"] = week_before_period(
                dated_deixis(mainland_view(drop_garbled_item(_LIST_DASH.sub("", question["stem"]))))
            )
            _name_the_week(question, fact, document)
            _in_article_script(question, document)
            problems = check_question(question, texts)
            if problems:
                for problem in problems:
                    dropped.append((f"{label}:{question['type']}", problem.code, problem.message))
                continue
            bad = "mid_clause" if inside_quote else None
            bad = bad or construction_problem(question, fact, document, cut_head=cut_head)
            if bad:
                dropped.append((f"{label}:{question['type']}", bad, REASONS[bad]))
                continue
            assessment = assess(question, fact, document)
            question.pop("_report_lead", None)
            question["quality"] = {"score": assessment.score, "reasons": assessment.reasons}
            stem_key = ("stem", question["type"], compare_key(question["stem"]))
            key = _dedupe_key(question, article.text)
            rival = kept.get(key) or kept.get(stem_key) or _near_duplicate(question, kept.values())
            if rival is not None:
                if _rank(question) > _rank(rival):
                    for name, value in list(kept.items()):
                        if value is rival:
                            kept[name] = question
                    kept[key] = kept[stem_key] = question
                    order[order.index(id(rival))] = id(question)
                dropped.append(
                    (
                        f"{label}:{question['type']}",
                        "duplicate",
                        "与已有题目重复 / duplicate question",
                    )
                )
                continue
            kept[key] = kept[stem_key] = question
            order.append(id(question))
    by_identity = {id(q): q for q in kept.values()}
    questions = [by_identity[identity] for identity in order]
    stats["gate_passing"] += len(questions)
    if len(questions) < MIN_USABLE_QUESTIONS:
        raise UnusableArticleError(
            f"文章“{article.title or article.id}”只能生成 {len(questions)} 道合格题目"
            f"（至少需要 {MIN_USABLE_QUESTIONS} 道）：请提供一篇包含具体事实（时间、地点、数据、"
            "做法）的中文新闻报道。"
        )
    return _cap_per_sentence(questions, dropped, capped)


# Which shape of one fact to recommend when several pass: a choice tests it best.
# Which shapes of one blank to recommend when more pass: the choice, then the true/false (a
# fill-blank on the same blank is the choice without its options).
_SHAPE_ORDER = {"single_choice": 0, "true_false": 1, "multiple_choice": 2, "fill_blank": 3}
# At most this many recommended questions ask one blank of one fact. 2.3 held it at 2 (the
# round-3 reviewer found a fact asked three ways repetitive); round 4's blind reader accepted 7
# of the 8 seed third shapes it held back, a paper never draws two questions of one sentence
# (item 7), and the organiser approves from the bank: 2.4 lets the third shape through.
MAX_RECOMMENDED_PER_BLANK = 3


def _one_shape_per_fact(questions: list[dict]) -> None:
    """Never recommend one fact asked three ways (round-3 review): of the choice, true/false
    and fill-blank on one blank, at most :data:`MAX_RECOMMENDED_PER_BLANK` stay recommended
    (the fill-blank goes first); the others stay in the bank below the threshold with the
    reason ``same_fact``. Advice and scenario rules each ask something else (what he did,
    what to do) and are left alone."""
    groups: dict[tuple, list[dict]] = {}
    for question in questions:
        if question["quality"]["score"] < RECOMMEND_THRESHOLD or question["generator"][
            "rule"
        ].startswith(("advice.", "scenario.")):
            continue
        spans = tuple(map(tuple, question["source"].get("answer_spans", ())))
        # schedule-8f19… and date-8f19… are one fact (9月13日是…电信日) seen by two extractors.
        fact = question["fact"].rsplit("-", 1)[-1]
        key = (question["source"]["id"], fact, spans)
        day = _DAY_NAME.search(aligned(question["stem"]))
        if day and question["fact"].startswith(("schedule-", "date-")):
            # 9月16日为校园日 asked from the programme list and again from its own line: one
            # fact, the date of that day (round 7 found them repeated).
            key = (question["source"]["id"], "day", day.group("day"))
        groups.setdefault(key, []).append(question)
    for group in groups.values():
        group.sort(key=lambda q: (-q["quality"]["score"], _SHAPE_ORDER.get(q["type"], 9), q["id"]))
        for question in group[MAX_RECOMMENDED_PER_BLANK:]:
            question["quality"]["score"] = RECOMMEND_THRESHOLD - 1
            question["quality"]["reasons"].append("same_fact")


def _rank(question: dict) -> tuple[int, int]:
    """Which of two duplicates to keep: the better scored, then the one naming more places."""
    return question["quality"]["score"], _context_score(question)


def generate(
    articles: list[Article],
    prior: dict | None = None,
    *,
    themes_path: str | Path = DEFAULT_THEMES_PATH,
) -> BuildResult:
    """Build a bank from ``articles``, merged onto ``prior`` (see :mod:`curation`)."""
    themes = load_theme_map(themes_path)
    dropped: list[tuple[str, str, str]] = []
    fresh: list[dict] = []
    counters: Counter = Counter()
    capped: list[dict] = []
    for article in articles:
        fresh.extend(_build_article(article, themes, dropped, counters, capped))
    _balance(fresh)
    _one_shape_per_fact(fresh)
    for question in fresh:
        question["recommended"] = question["quality"]["score"] >= RECOMMEND_THRESHOLD
    merged = merge(fresh, prior)
    source_order = {article.id: index for index, article in enumerate(articles)}
    sources = [
        {
            "id": a.id,
            "title": a.title,
            "publisher": a.publisher,
            "date": a.date,
            "path": a.path,
            "sha256": a.sha256,
        }
        for a in articles
    ]
    used = {q["source"]["id"] for q in merged}
    for old in (prior or {}).get("sources", []):
        if old.get("id") not in source_order and old.get("id") in used:
            source_order[old["id"]] = len(source_order)
            sources.append(old)
    merged.sort(
        key=lambda q: (source_order.get(q["source"]["id"], 999), q["source"]["start"], q["id"])
    )
    bank = {"schema_version": SCHEMA_VERSION, "sources": sources, "questions": merged}
    stats = _stats(merged, dropped)
    stats["gate_passing"] = counters["gate_passing"]
    return BuildResult(bank=bank, dropped=dropped, stats=stats, capped=capped)


def _stats(questions: list[dict], dropped: list) -> dict:
    live = [q for q in questions if q["status"] != "retired"]
    per_day = Counter(day for q in live for day in q["themed_days"])
    return {
        "questions": len(live),
        "recommended": sum(1 for q in live if q.get("recommended")),
        "by_type": dict(sorted(Counter(q["type"] for q in live).items())),
        "by_day": {day: per_day.get(day, 0) for day in [*THEMED_DAYS, "general"]},
        "by_status": dict(sorted(Counter(q["status"] for q in questions).items())),
        "dropped": dict(sorted(Counter(code for _, code, _ in dropped).items())),
    }
