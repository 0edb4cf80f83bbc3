"""Drawing a paper (pure): pick questions by the contest's rules and shuffle per attempt.

A paper is reproducible from its seed: the same candidates, rules and seed give the same
questions in the same order with the same option order. It never holds two questions that give
each other away: built from the same fact or the same source sentence, or one printing the
other's answer in its stem or options. A question whose answer is the context most stems carry
(the host city, the year) is not drawn at all (:func:`quiz.bank.leaks.context_answered`).
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from quiz.bank.constants import QuestionType
from quiz.bank.leaks import conflict, context_answered


@dataclass(frozen=True)
class Candidate:
    """A bank question as the draw sees it (already filtered: approved, right day)."""

    id: int
    uid: str
    type: str
    fact: str
    difficulty: int
    stem: str
    options: tuple[str, ...]
    answer: tuple
    explanation: str = ""
    source: dict | None = None
    # General facts about the week only fill a themed day's paper after the day's own questions.
    filler: bool = False
    # Where the answer stands in the source sentence (a true/false stem may print a false value).
    answer_spans: tuple = field(default=(), compare=False)

    @property
    def fact_key(self) -> str:
        return self.fact or self.uid

    def as_bank_question(self) -> dict:
        """The question in the bank file's shape, as :mod:`quiz.bank.leaks` reads it."""
        source = dict(self.source or {})
        if not source.get("id") or source.get("start") is None:
            # No known sentence: never "the same sentence" as another question's.
            source = {**source, "id": f"no-source:{self.uid}", "start": 0}
        source["answer_spans"] = [list(span) for span in self.answer_spans]
        return {
            "id": self.uid,
            "type": self.type,
            "stem": self.stem,
            "options": list(self.options),
            "answer": list(self.answer),
            "source": source,
        }


@dataclass(frozen=True)
class Pool:
    """The candidates a draw may use, and which of them cannot share a paper."""

    usable: list[Candidate]
    excluded: list[Candidate]  # their answer is the shared context (广元, 2021年)
    conflicts: dict[str, frozenset[str]]  # uid -> uids it gives away or is given away by


_LEAKS: OrderedDict[str, tuple[frozenset[str], dict[str, frozenset[str]]]] = OrderedDict()
_LEAKS_CACHE_SIZE = 64
_LEAKS_LOCK = threading.Lock()  # workers run threads: the LRU's get/insert/evict stay whole


def prepare_pool(candidates: list[Candidate]) -> Pool:
    """Split off the context-answered candidates and find the pairs that conflict.

    Comparing every pair costs O(n²) text checks, so the result is computed once per content
    (cached by a digest of what the checks read) and reused by every attempt drawing from it.
    """
    questions = {c.uid: c.as_bank_question() for c in candidates}
    digest = hashlib.sha256(repr(sorted(repr(q) for q in questions.values())).encode()).hexdigest()
    with _LEAKS_LOCK:
        found = _LEAKS.get(digest)
        if found is not None:
            _LEAKS.move_to_end(digest)
    if found is None:
        found = _find_leaks(questions)
        with _LEAKS_LOCK:
            _LEAKS[digest] = found
            while len(_LEAKS) > _LEAKS_CACHE_SIZE:
                _LEAKS.popitem(last=False)
    excluded, conflicts = found
    return Pool(
        usable=[c for c in candidates if c.uid not in excluded],
        excluded=[c for c in candidates if c.uid in excluded],
        conflicts=conflicts,
    )


def _find_leaks(questions: dict[str, dict]):
    """(uids whose answer is the shared context, uid -> uids it cannot share a paper with)."""
    excluded = frozenset(q["id"] for q in context_answered(questions.values()))
    usable = [uid for uid in questions if uid not in excluded]
    pairs: dict[str, set[str]] = {uid: set() for uid in usable}
    for i, first in enumerate(usable):
        for second in usable[i + 1 :]:
            if conflict(questions[first], questions[second]):
                pairs[first].add(second)
                pairs[second].add(first)
    return excluded, {uid: frozenset(found) for uid, found in pairs.items()}


class DrawError(ValueError):
    """The bank cannot satisfy the rules; ``missing`` says how many are short per bucket."""

    def __init__(self, missing: dict[str, int]):
        self.missing = missing
        parts = "，".join(f"{_bucket_label(k)}缺{v}题" for k, v in missing.items())
        super().__init__(f"题库中已通过的题目不足：{parts}。")


def _bucket_label(bucket: str) -> str:
    """单选题 … for a type, 总题数 for the total (service messages are Chinese)."""
    return "总题数" if bucket == "total" else QuestionType.label_of(bucket, bucket)


def shortage(
    candidates: list[Candidate], type_counts: dict[str, int], total: int
) -> dict[str, int]:
    """How many questions are missing per type (and in total), counting one per fact."""
    distinct_facts: dict[str, set[str]] = {}
    for candidate in candidates:
        distinct_facts.setdefault(candidate.type, set()).add(candidate.fact or candidate.uid)
    missing = {}
    for qtype, wanted in type_counts.items():
        have = len(distinct_facts.get(qtype, set()))
        if wanted > have:
            missing[qtype] = wanted - have
    all_facts = {c.fact or c.uid for c in candidates}
    if total > len(all_facts):
        missing["total"] = total - len(all_facts)
    return missing


#: Orderings a draw tries before it gives up: a greedy pick can paint itself into a corner when
#: questions conflict (same sentence, one giving another away), where another order fits.
DRAW_ATTEMPTS = 40


def draw_questions(
    candidates: list[Candidate],
    *,
    total: int,
    type_counts: dict[str, int],
    seed: int,
    difficulty_counts: dict[int, int] | None = None,
) -> list[Candidate]:
    """Choose ``total`` questions: the per-type counts first, the rest from any type.

    Difficulty counts are targets: among equally eligible questions, those of a difficulty
    still below its target are taken first. Type counts are hard requirements. The result
    depends only on the candidates, the rules and ``seed``.
    """
    prepared = prepare_pool(candidates)
    if missing := shortage(prepared.usable, type_counts, total):
        raise DrawError(missing)
    short = total
    for attempt in range(DRAW_ATTEMPTS):
        rng = random.Random(seed if attempt == 0 else f"{seed}:{attempt}")
        chosen = _greedy_draw(prepared, total, type_counts, difficulty_counts, rng)
        if len(chosen) == total:
            rng.shuffle(chosen)
            return chosen
        short = min(short, total - len(chosen))
    raise DrawError({"total": short})  # shared facts and conflicts ran the pool dry


def _greedy_draw(prepared: Pool, total, type_counts, difficulty_counts, rng) -> list[Candidate]:
    """One ordering's pick: as many as fit, type counts first (may fall short)."""
    pool = sorted(prepared.usable, key=lambda c: c.uid)  # independent of database order
    rng.shuffle(pool)
    pool.sort(key=lambda c: c.filler)  # stable: the shuffle survives within each group
    chosen: list[Candidate] = []
    used_facts: set[str] = set()
    blocked: set[str] = set()  # uids that conflict with a chosen question
    wanted_difficulty = Counter({int(k): v for k, v in (difficulty_counts or {}).items()})

    taken = Counter()  # chosen questions per difficulty

    def preference(candidate: Candidate) -> tuple[bool, bool]:
        full = taken[candidate.difficulty] >= wanted_difficulty.get(candidate.difficulty, 0)
        return (candidate.filler, full)

    def take(predicate, how_many: int) -> bool:
        # Preference changes with every pick (difficulty targets fill up), so re-rank each time.
        while how_many > 0:
            eligible = [
                c
                for c in pool
                # A chosen question's fact is used, so this also keeps it from being taken twice.
                if c.fact_key not in used_facts and c.uid not in blocked and predicate(c)
            ]
            if not eligible:
                return False
            candidate = min(eligible, key=preference)  # min is stable: the shuffle breaks ties
            chosen.append(candidate)
            taken[candidate.difficulty] += 1
            used_facts.add(candidate.fact_key)
            blocked.update(prepared.conflicts.get(candidate.uid, ()))
            how_many -= 1
        return True

    for qtype in QuestionType.values():
        if not take(lambda c, t=qtype: c.type == t, type_counts.get(qtype, 0)):
            return chosen  # a type count cannot be met in this order
    take(lambda c: True, total - len(chosen))
    return chosen


def paper_item(candidate: Candidate, seed: int, points: int) -> dict:
    """Snapshot of one question as shown to this student, with the key in shown order."""
    options = list(candidate.options)
    order = list(range(len(options)))
    if candidate.type in ("single_choice", "multiple_choice"):
        random.Random(f"{seed}:{candidate.uid}").shuffle(order)
    if candidate.type == QuestionType.FILL_BLANK:
        key = list(candidate.answer)
    else:
        key = sorted(order.index(original) for original in candidate.answer)
    return {
        "question_id": candidate.id,
        "uid": candidate.uid,
        "type": candidate.type,
        "stem": candidate.stem,
        "options": [options[i] for i in order],
        "order": order,
        "key": key,
        "points": points,
        "explanation": candidate.explanation,
        "source": candidate.source or {},
        "fact": candidate.fact,
    }


def draw_paper(
    candidates: list[Candidate],
    *,
    total: int,
    type_counts: dict[str, int],
    seed: int,
    points: int,
    difficulty_counts: dict[int, int] | None = None,
) -> list[dict]:
    """The full paper snapshot for one attempt."""
    chosen = draw_questions(
        candidates,
        total=total,
        type_counts=type_counts,
        seed=seed,
        difficulty_counts=difficulty_counts,
    )
    return [paper_item(candidate, seed, points) for candidate in chosen]


def fixed_paper(candidates: list[Candidate], *, seed: int, points: int, shuffle: bool = True):
    """A hand-picked set: same questions for everyone, order and options shuffled per seed."""
    ordered = list(candidates)
    if shuffle:
        random.Random(seed).shuffle(ordered)
    if clash := conflicting_pair(ordered):
        first, second = clash
        raise ValueError(
            f"固定题目中第 {first.id} 题与第 {second.id} 题互相泄露答案或出自同一知识点。"
        )
    return [paper_item(candidate, seed, points) for candidate in ordered]


def conflicting_pair(candidates: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    """Two of ``candidates`` that cannot share a paper (same fact or sentence, or one gives the
    other's answer away), or None."""
    dicts = [c.as_bank_question() for c in candidates]
    for i, first in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            second = candidates[j]
            if first.fact_key == second.fact_key or conflict(dicts[i], dicts[j]):
                return first, second
    return None


def public_item(item: dict) -> dict:
    """What the client may see before the attempt ends: no key, no explanation, no source."""
    return {
        "id": item["question_id"],
        "type": item["type"],
        "stem": item["stem"],
        "options": item["options"] if item["type"] != QuestionType.FILL_BLANK else [],
        "points": item["points"],
    }
