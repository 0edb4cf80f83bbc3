"""Item statistics of a contest, with Moodle's definitions.

* **Facility index** (F) = mean score on the item / the item's maximum (0–1; higher = easier).
* **Discrimination index** = Pearson correlation between the item's score and the score on the
  rest of the paper (total minus the item), over attempts that had the item.
* **Score distribution**: mean, median and (sample) standard deviation of attempt totals.
* **Reliability**: Cronbach's alpha over paper positions (Moodle's CIC; equal to KR-20 when
  every item is right/wrong) ``α = k/(k−1) · (1 − Σ var(item) / var(total))``, population
  variances. Positions are used because papers are drawn at random: position i is "the i-th
  question", whatever it was for that student.

Flagged: negative discrimination, or facility outside 0.2–0.95. The pure functions take plain
numbers; :func:`contest_statistics` loads a contest's finished attempts.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.extensions import db
from quiz.models import Attempt, Contest
from quiz.services.boards import counted_attempts

FACILITY_RANGE = (0.2, 0.95)


def correlation(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r, or None when either side does not vary (or fewer than two points)."""
    if len(xs) < 2:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def cronbach_alpha(matrix: list[list[float]]) -> float | None:
    """Alpha over rows = attempts, columns = positions (all rows of equal length)."""
    if len(matrix) < 2 or not matrix[0] or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    item_var = sum(statistics.pvariance([row[i] for row in matrix]) for i in range(k))
    total_var = statistics.pvariance([sum(row) for row in matrix])
    if total_var == 0:
        return None
    return k / (k - 1) * (1 - item_var / total_var)


@dataclass
class ItemStat:
    question_id: int
    stem: str
    attempts: int
    max_points: float
    facility: float | None
    discrimination: float | None
    source: dict = field(default_factory=dict)
    correct_rate: float | None = None

    @property
    def flags(self) -> list[str]:
        found = []
        if self.discrimination is not None and self.discrimination < 0:
            found.append("区分度为负")
        if self.facility is not None and not (
            FACILITY_RANGE[0] <= self.facility <= FACILITY_RANGE[1]
        ):
            found.append("过难" if self.facility < FACILITY_RANGE[0] else "过易")
        return found


@dataclass
class ContestStats:
    attempts: int
    mean: float | None
    median: float | None
    stdev: float | None
    alpha: float | None
    items: list[ItemStat]
    distribution: list[tuple[str, int]]


def item_stats(papers: list[list[dict]]) -> list[ItemStat]:
    """``papers``: per attempt, its items as ``{"id", "points", "max", "stem", "correct"}``."""
    per_item: dict[int, list[tuple[float, float, bool]]] = defaultdict(list)
    info: dict[int, dict] = {}
    for paper in papers:
        total = sum(item["points"] for item in paper)
        for item in paper:
            per_item[item["id"]].append((item["points"], total - item["points"], item["correct"]))
            info.setdefault(item["id"], item)
    result = []
    for qid, rows in per_item.items():
        scores, rest = [r[0] for r in rows], [r[1] for r in rows]
        maximum = info[qid]["max"]
        result.append(
            ItemStat(
                question_id=qid,
                stem=info[qid].get("stem", ""),
                attempts=len(rows),
                max_points=maximum,
                facility=round(sum(scores) / len(scores) / maximum, 4) if maximum else None,
                discrimination=_rounded(correlation(scores, rest)),
                source=info[qid].get("source") or {},
                correct_rate=round(sum(1 for r in rows if r[2]) / len(rows), 4),
            )
        )
    return sorted(result, key=lambda s: s.question_id)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def distribution(totals: list[float], maximum: float, bins: int = 10) -> list[tuple[str, int]]:
    """Counts of totals in ``bins`` equal ranges of 0..maximum (labels like ``0–10``)."""
    if maximum <= 0:
        return []
    width = maximum / bins
    counts = [0] * bins
    for total in totals:
        counts[min(int(total / width), bins - 1) if total > 0 else 0] += 1
    return [
        (f"{round(i * width, 1):g}–{round((i + 1) * width, 1):g}", c) for i, c in enumerate(counts)
    ]


def summarize(papers: list[list[dict]], maximum: float) -> ContestStats:
    """Everything on the statistics page, from per-attempt item scores."""
    totals = [sum(item["points"] for item in paper) for paper in papers]
    lengths = {len(paper) for paper in papers}
    matrix = [[item["points"] for item in paper] for paper in papers] if len(lengths) == 1 else []
    return ContestStats(
        attempts=len(papers),
        mean=_rounded(statistics.fmean(totals)) if totals else None,
        median=_rounded(statistics.median(totals)) if totals else None,
        stdev=_rounded(statistics.stdev(totals)) if len(totals) > 1 else None,
        alpha=_rounded(cronbach_alpha(matrix)),
        items=item_stats(papers),
        distribution=distribution(totals, maximum),
    )


def finished_attempts(contest: Contest, *, now: datetime, grace_seconds: float) -> list[Attempt]:
    """Finished (or run-out) non-preview attempts of non-test students, answers loaded."""
    query = (
        select(Attempt)
        .where(*counted_attempts(contest.id, now=now, grace_seconds=grace_seconds))
        .options(selectinload(Attempt.answers), selectinload(Attempt.user))
        .order_by(Attempt.id)
    )
    return db.session.execute(query).scalars().all()


def paper_scores(attempt: Attempt) -> list[dict]:
    """An attempt's items in paper order with the points earned (unanswered = 0)."""
    answers = {a.question_id: a for a in attempt.answers}
    items = []
    for item in attempt.paper:
        if item.get("voided"):
            continue
        answer = answers.get(item["question_id"])
        items.append(
            {
                "id": item["question_id"],
                "points": answer.points if answer else 0.0,
                "max": float(item["points"]),
                "stem": item.get("stem", ""),
                "source": item.get("source") or {},
                "correct": bool(answer and answer.is_correct),
            }
        )
    return items


def contest_statistics(contest: Contest, *, now: datetime, grace_seconds: float) -> ContestStats:
    attempts = finished_attempts(contest, now=now, grace_seconds=grace_seconds)
    maximum = max((a.max_score for a in attempts), default=float(contest.max_score))
    return summarize([paper_scores(a) for a in attempts], maximum)
