"""The build: articles (+ prior bank) -> gated, de-duplicated, balanced, merged bank."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .constants import GENERATOR_VERSION, SCHEMA_VERSION, THEMED_DAYS
from .curation import merge
from .document import Document
from .explain import difficulty, explanation
from .extract import extract_facts
from .gates import check_question
from .lexicon import places, themed_day_names
from .plan import questions_for
from .questions import rng_for
from .stems import display
from .textutil import analysis_text, compare_key
from .themes import DEFAULT_THEMES_PATH, ThemeMap, load_theme_map


@dataclass
class BuildResult:
    """``bank``: the bank dict; ``dropped``: (candidate, reason code, message); ``stats``."""

    bank: dict
    dropped: list[tuple[str, str, str]] = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def _question_id(
    article: Article, fact, qtype: str, spans: list[list[int]], sentence_start: int
) -> str:
    span_key = ";".join(
        f"{a - sentence_start}-{b - sentence_start}:{article.text[a:b]}" for a, b in spans
    )
    key = f"{article.id}|{fact}|{qtype}|{span_key}"
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _finish(candidate: dict, document: Document, themes: ThemeMap) -> dict:
    article = document.article
    sentence = candidate.pop("sentence")
    spans = candidate.pop("answer_spans")
    rule = candidate.pop("rule")
    quote = candidate.pop("quote", None)
    fact_kind = rule.split(".")[0]
    qid = _question_id(article, candidate["fact"], candidate["type"], spans, sentence.start)
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
    correct = _correct_texts(question)
    tag_text = question["stem"] + " " + " ".join(correct)
    question["themed_days"] = themes.tag(_tag_text(tag_text, document))
    quantity = None
    if fact_kind == "quantity":
        from .amounts import quantity_from_text

        quantity = quantity_from_text(article.text[spans[0][0] : spans[0][1]])
    question["difficulty"] = difficulty(fact_kind, question["type"], len(sentence.text), quantity)
    question["explanation"] = explanation(question, article, quote or display(sentence.text))
    return question


def _tag_text(text: str, document: Document) -> str:
    """Text matched against the theme map: simplified, and without themed-day *names* (a list
    of the days is about the week, not about 法治日 or 青少年日)."""
    if document.traditional:
        text = analysis_text(text)
    for name in themed_day_names():
        text = text.replace(name, "")
    return text


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


def _bigrams(text: str) -> set[str]:
    key = compare_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)}


def _near_duplicate(question: dict, kept) -> dict | None:
    """A kept question of the same type and answer whose stem is >= 75 % the same (bigram Jaccard)."""
    answer = compare_key("|".join(_correct_texts(question)))
    grams = _bigrams(question["stem"])
    for other in kept:
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


def _build_article(article: Article, themes: ThemeMap, dropped: list) -> list[dict]:
    document = Document(article)
    facts = extract_facts(document)
    texts = {article.id: article.text}
    kept: dict[tuple, dict] = {}
    order: list[tuple] = []
    for fact in facts:
        for candidate, drop in questions_for(document, fact, facts):
            label = f"{article.id}:{fact.id}:{fact.text[:24]}"
            if drop:
                dropped.append((label, *drop))
                continue
            question = _finish(candidate, document, themes)
            problems = check_question(question, texts)
            if problems:
                for problem in problems:
                    dropped.append((f"{label}:{question['type']}", problem.code, problem.message))
                continue
            stem_key = ("stem", question["type"], compare_key(question["stem"]))
            key = _dedupe_key(question, article.text)
            rival = kept.get(key) or kept.get(stem_key) or _near_duplicate(question, kept.values())
            if rival is not None:
                if _context_score(question) > _context_score(rival):
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
    return [by_identity[identity] for identity in order]


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
    for article in articles:
        fresh.extend(_build_article(article, themes, dropped))
    _balance(fresh)
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
    return BuildResult(bank=bank, dropped=dropped, stats=_stats(merged, dropped))


def _stats(questions: list[dict], dropped: list) -> dict:
    live = [q for q in questions if q["status"] != "retired"]
    per_day = Counter(day for q in live for day in q["themed_days"])
    return {
        "questions": len(live),
        "by_type": dict(sorted(Counter(q["type"] for q in live).items())),
        "by_day": {day: per_day.get(day, 0) for day in [*THEMED_DAYS, "general"]},
        "by_status": dict(sorted(Counter(q["status"] for q in questions).items())),
        "dropped": dict(sorted(Counter(code for _, code, _ in dropped).items())),
    }
