"""Drawing a paper (pure): pick questions by the contest's rules and shuffle per attempt.

A paper is reproducible from its seed: the same candidates, rules and seed give the same
questions in the same order with the same option order. It never holds two questions built
from the same fact, since one would give the other away.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from quiz.bank.constants import QuestionType


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
    still below its target are taken first. Type counts are hard requirements.
    """
    if missing := shortage(candidates, type_counts, total):
        raise DrawError(missing)
    rng = random.Random(seed)
    pool = sorted(candidates, key=lambda c: c.uid)  # independent of database order
    rng.shuffle(pool)
    pool.sort(key=lambda c: c.filler)  # stable: the shuffle survives within each group
    chosen: list[Candidate] = []
    used_facts: set[str] = set()
    wanted_difficulty = Counter({int(k): v for k, v in (difficulty_counts or {}).items()})

    def preference(candidate: Candidate) -> tuple[bool, bool]:
        taken = sum(1 for c in chosen if c.difficulty == candidate.difficulty)
        return (candidate.filler, taken >= wanted_difficulty.get(candidate.difficulty, 0))

    def take(predicate, how_many: int) -> None:
        # Preference changes with every pick (difficulty targets fill up), so re-rank each time.
        while how_many > 0:
            eligible = [
                c
                for c in pool
                if (c.fact or c.uid) not in used_facts and c not in chosen and predicate(c)
            ]
            if not eligible:
                return
            candidate = min(eligible, key=preference)  # min is stable: the shuffle breaks ties
            chosen.append(candidate)
            used_facts.add(candidate.fact or candidate.uid)
            how_many -= 1

    for qtype in QuestionType.values():
        take(lambda c, t=qtype: c.type == t, type_counts.get(qtype, 0))
    take(lambda c: True, total - len(chosen))
    if len(chosen) < total:  # facts shared across types can still run the pool dry
        raise DrawError({"total": total - len(chosen)})
    rng.shuffle(chosen)
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
    facts = Counter(c.fact or c.uid for c in ordered)
    if any(count > 1 for count in facts.values()):
        raise ValueError("固定题目中有两题出自同一知识点。")
    return [paper_item(candidate, seed, points) for candidate in ordered]


def public_item(item: dict) -> dict:
    """What the client may see before the attempt ends: no key, no explanation, no source."""
    return {
        "id": item["question_id"],
        "type": item["type"],
        "stem": item["stem"],
        "options": item["options"] if item["type"] != QuestionType.FILL_BLANK else [],
        "points": item["points"],
    }
