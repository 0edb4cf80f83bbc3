"""Property test of the draw rules (issue 8 item 7) on real banks, 1,000 seeds per themed day.

Banks: the committed seed bank (its approved questions; a day with too few for a paper of four
uses its recommended and approved ones) and a bank generated from each test article in
``tests/bank/articles`` (every live question: the most conflict-prone pool). Never the held-out
articles. Every drawn paper must hold no two questions of one source sentence, no question whose
stem or options print another's answer (checked with :func:`quiz.bank.leaks.conflict` and with
an independent substring check), and no question answered by the pool's shared context.
Pure: candidates are built from the bank dicts, no database.
"""

from __future__ import annotations

import json
import re
import unicodedata
from itertools import combinations

import pytest

from quiz.bank import generate, load_article
from quiz.bank.constants import BLANK, THEMED_DAYS
from quiz.bank.leaks import conflict, context_answered
from quiz.resources import source_root
from quiz.services.contests.draw import Candidate, DrawError, draw_questions
from quiz.services.contests.papers import student_draw_seeds
from quiz.services.contests.week import week_type_counts
from tests.bank.conftest import ARTICLES

# About 1-2 minutes on the shared 2-core box (120 pools x 1,000 draws): run once, not per database.
pytestmark = pytest.mark.slow

SEEDS = 1000
SIZES = (10, 8, 6, 5, 4)
SEED_BANK = source_root() / "question_bank" / "sichuan-2021-cybersecurity-week.json"


def candidate(n: int, question: dict, day: str) -> Candidate:
    source = question.get("source") or {}
    return Candidate(
        id=n,
        uid=question["id"],
        type=question["type"],
        fact=question.get("fact", ""),
        difficulty=int(question.get("difficulty", 1)),
        stem=question["stem"],
        options=tuple(question.get("options") or ()),
        answer=tuple(question.get("answer") or ()),
        source={k: v for k, v in source.items() if k != "answer_spans"},
        filler=day not in (question.get("themed_days") or ()),
        answer_spans=tuple(tuple(span) for span in source.get("answer_spans") or ()),
    )


def day_questions(questions: list[dict], day: str) -> list[dict]:
    return [q for q in questions if {day, "general"} & set(q.get("themed_days") or ())]


@pytest.fixture(scope="module")
def banks() -> dict[str, list[dict]]:
    """name -> live questions (generated once for the module)."""
    seed = json.loads(SEED_BANK.read_text(encoding="utf-8"))["questions"]
    found = {"seed": [q for q in seed if q.get("status") != "retired"]}
    for path in sorted(ARTICLES.glob("*.txt")):
        bank = generate([load_article(path)]).bank
        found[path.stem] = [q for q in bank["questions"] if q.get("status") != "retired"]
    return found


def seed_pool(questions: list[dict], day: str) -> list[dict]:
    approved = day_questions([q for q in questions if q.get("status") == "approved"], day)
    if fitting_size(approved, day):
        return approved
    return day_questions(
        [q for q in questions if q.get("status") == "approved" or q.get("recommended")], day
    )


def fitting_size(pool: list[dict], day: str) -> tuple[int, dict] | None:
    """The largest paper (with the week's type mix if it fits, else any types) that 20 seeds
    can draw from ``pool``."""
    candidates = [candidate(n, q, day) for n, q in enumerate(pool)]
    for size in SIZES:
        for counts in (week_type_counts(size), {}):
            try:
                for seed in range(20):
                    draw_questions(candidates, total=size, type_counts=counts, seed=seed)
            except DrawError:
                continue
            return size, counts
    return None


def plain(text: str) -> str:
    """An independent normal form: NFKC, lower case, no punctuation or spaces except the
    decimal point and the percent sign (3.1% is not 31)."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    return "".join(ch for ch in text if ch in ".%" or unicodedata.category(ch)[0] not in "PZS")


def answers_of(question: dict) -> list[str]:
    """What a student must write or pick; for true/false, the value the source sentence
    states where the answer stands (the stem may print a false one)."""
    if question["type"] == "fill_blank":
        return list(question["answer"])
    if question["type"] == "true_false":
        source = question.get("source") or {}
        spans = source.get("answer_spans") or []
        if not spans:
            return []
        first, last = spans[0]
        return [source["sentence"][first - source["start"] : last - source["start"]]]
    return [question["options"][i] for i in question["answer"]]


def pieces(text: str) -> list[str]:
    """``text`` cut at its punctuation and spaces (but the decimal point and the percent sign),
    each piece in the normal form."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    cut = "".join(
        ch if ch in ".%" or unicodedata.category(ch)[0] not in "PZS" else "\n" for ch in text
    )
    return [piece for piece in cut.split("\n") if piece]


def prints_answer(shown: dict, answered: dict) -> bool:
    # The blank separates the stem's parts: an answer does not stand across it. Nor does an
    # answer without punctuation stand across the stem's (「薦股」，群友 does not print 薦股群);
    # one with punctuation (不听、不信) is looked for in the whole part.
    texts = [*shown["stem"].split(BLANK), *(shown.get("options") or [])]
    whole = [plain(text) for text in texts]
    cut = [piece for text in texts for piece in pieces(text)]
    # A number is found whole: +00 (a caller's prefix) is not printed by 200元.
    return any(
        len(key) >= 2
        and (re.search(rf"(?<!\d){re.escape(key)}(?!\d)", part) if key.isdigit() else key in part)
        for answer in answers_of(answered)
        for key in [plain(answer)]
        for part in (whole if len(pieces(answer)) > 1 else cut)
    )


def check_day(questions: list[dict], day: str) -> tuple[int, int]:
    """Try SEEDS draws for ``day`` from ``questions`` and check every paper; return (papers
    drawn, paper size). A draw may be refused (DrawError) where conflicts leave a thin pool."""
    fit = fitting_size(questions, day)
    if fit is None:
        return 0, 0
    size, counts = fit
    by_uid = {q["id"]: q for q in questions}
    excluded = {q["id"] for q in context_answered(questions)}
    candidates = [candidate(n, q, day) for n, q in enumerate(questions)]
    verdicts: dict[tuple[str, str], bool] = {}  # a pair recurs across seeds: judge it once

    def clash(first: dict, second: dict) -> bool:
        pair = (
            (first["id"], second["id"])
            if first["id"] < second["id"]
            else (second["id"], first["id"])
        )
        if pair not in verdicts:
            verdicts[pair] = (
                conflict(first, second)
                or prints_answer(first, second)
                or prints_answer(second, first)
            )
        return verdicts[pair]

    refused = 0
    for seed in range(SEEDS):
        # As a student's start draws: the attempt's seed, then its retry seeds.
        drawn = None
        for each_seed in student_draw_seeds(seed):
            try:
                drawn = draw_questions(candidates, total=size, type_counts=counts, seed=each_seed)
                break
            except DrawError:
                continue
        if drawn is None:  # a refusal breaks no rule; counted and bounded below
            refused += 1
            continue
        paper = [by_uid[c.uid] for c in drawn]
        uids = [q["id"] for q in paper]
        assert len(set(uids)) == size, (day, seed)
        assert not excluded & set(uids), (day, seed, excluded & set(uids))
        sentences = [(q["source"]["id"], q["source"]["start"]) for q in paper]
        assert len(set(sentences)) == size, (day, seed, sentences)
        for first, second in combinations(paper, 2):
            assert not clash(first, second), (day, seed, first["id"], second["id"])
    return SEEDS - refused, size


@pytest.mark.parametrize("day", list(THEMED_DAYS))
def test_seed_bank_papers_keep_the_draw_rules(banks, day):
    drawn, size = check_day(seed_pool(banks["seed"], day), day)
    assert drawn == SEEDS and size >= 4


def article_pool(questions: list[dict], day: str) -> list[dict]:
    """The day's questions, or the whole bank where an article barely covers the day (the
    point is the draw's rules, on as many real pools as the articles give)."""
    own = day_questions(questions, day)
    return own if fitting_size(own, day) else questions


@pytest.mark.parametrize("day", list(THEMED_DAYS))
def test_article_bank_papers_keep_the_draw_rules(banks, day):
    drawn = {
        name: check_day(article_pool(questions, day), day)
        for name, questions in banks.items()
        if name != "seed"
    }
    assert len(drawn) >= 8 and all(size >= 4 for _papers, size in drawn.values()), drawn
    # A refusal (conflicts leave a thin pool short) is rare; every paper drawn kept the rules.
    assert all(papers >= 0.99 * SEEDS for papers, _size in drawn.values()), drawn
