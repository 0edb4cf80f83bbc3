"""The one ranking rule of every board (pure: no Flask, no database).

Rule (shown on every board as :data:`RULE_TEXT`):

1. higher score first;
2. then less time used;
3. then earlier submission (``finished_at``, or the deadline for an attempt that ran out).

Entries equal on all three share a rank and the next rank skips ("competition ranking":
1, 2, 2, 4). The user id only orders tied rows for display; it never changes a rank.

Everything else a board needs that is a pure rule lives here too: which attempt counts
(best/first/last), a themed day's best result, the week's sum, organization averages and name
masking, so the SQL and Redis backends share one definition.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from quiz.enums import Counting


def N_(message: str) -> str:
    """Mark a message for translation without translating it here (pure module; the
    templates translate it when shown)."""
    return message


RULE_TEXT = N_(
    "排名规则：得分高者在前；得分相同时用时少者在前；再相同时提交早者在前；"
    "三项都相同则名次并列（如 1、2、2、4）。"
)
WEEK_RULE_TEXT = N_(
    "周总分 = 六个主题日各日最好成绩之和（未参加的主题日计 0 分）；用时为各日用时之和，"
    "提交时间取最后一次计入成绩的提交。"
    "排名规则：得分高者在前；得分相同时用时少者在前；再相同时提交早者在前；"
    "三项都相同则名次并列（如 1、2、2、4）。"
)
ORG_RULE_TEXT = N_(
    "单位排名按参与者计入成绩的平均分；平均分相同时平均用时少者在前，再相同时最后提交早者在前。"
    "参与率 = 参与人数 / 本单位在册学生数（不含测试账号）。参与人数不足最低人数的单位不参与排名，"
    "列在榜单末尾。"
)
SCORE_DIGITS = 4  # Attempt.score is stored rounded to 4 decimals; sums are rounded the same way


@dataclass(frozen=True)
class Entry:
    """One row of a board before presentation: a student (or a unit) and its result."""

    user_id: int
    score: float
    time_used_ms: int
    submitted_at: datetime
    attempt_id: int | None = None
    attempt_number: int = 1
    name: str = ""
    org_id: int | None = None  # the user's own organization (a class, usually)
    region_id: int | None = None
    school_id: int | None = None
    class_id: int | None = None
    days: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


def rank_tuple(entry: Entry) -> tuple:
    """What the rule compares: entries with equal tuples share a rank."""
    return (-round(entry.score, SCORE_DIGITS), entry.time_used_ms, entry.submitted_at)


def sort_key(entry: Entry) -> tuple:
    """Board order: the rule, then the user id so tied rows have a stable order."""
    return (*rank_tuple(entry), entry.user_id)


def ranked(entries: Iterable[Entry]) -> list[tuple[int, Entry]]:
    """Sort and give competition ranks: ``[(1, a), (2, b), (2, c), (4, d)]``."""
    ordered = sorted(entries, key=sort_key)
    return list(zip(competition_ranks(ordered), ordered, strict=True))


def competition_ranks(
    ordered: Sequence[Entry], first_rank: int = 1, offset: int | None = None
) -> list[int]:
    """Ranks of already-sorted entries that start at board position ``offset`` (0-based).

    A row's rank is its position + 1 unless it ties with the row above, whose rank it shares.
    ``first_rank`` is the rank of ``ordered[0]`` (the number strictly better, plus one): a page
    that starts inside a tie group continues that group's rank.
    """
    start = first_rank - 1 if offset is None else offset
    ranks: list[int] = []
    for index, entry in enumerate(ordered):
        if index == 0:
            ranks.append(first_rank)
        elif rank_tuple(entry) == rank_tuple(ordered[index - 1]):
            ranks.append(ranks[-1])
        else:
            ranks.append(start + index + 1)
    return ranks


def rank_in(entry: Entry, others: Iterable[Entry]) -> int:
    """Rank of ``entry`` among ``others``: the number strictly better, plus one."""
    key = rank_tuple(entry)
    return 1 + sum(1 for other in others if rank_tuple(other) < key)


def counted(candidates: Iterable[Entry], counting: str) -> Entry | None:
    """The attempt that counts for one student and contest: ``best``, ``first`` or ``last``.

    ``candidates`` are the student's finished, non-voided attempts. First and last go by the
    attempt number; best by the ranking rule itself (so a tie on score goes to the faster try).
    """
    items = list(candidates)
    if not items:
        return None
    if counting == Counting.FIRST:
        return min(items, key=lambda e: e.attempt_number)
    if counting == Counting.LAST:
        return max(items, key=lambda e: e.attempt_number)
    return min(items, key=sort_key)


def day_best(results: Iterable[Entry]) -> Entry | None:
    """A student's result for a themed day: the best of their counted results that day."""
    items = list(results)
    return min(items, key=sort_key) if items else None


def week_total(day_results: dict[str, Entry]) -> Entry | None:
    """Sum of the day results (a missing day adds 0); time summed; latest submission kept."""
    if not day_results:
        return None
    days = {day: round(entry.score, SCORE_DIGITS) for day, entry in day_results.items()}
    any_entry = next(iter(day_results.values()))
    return replace(
        any_entry,
        score=round(sum(days.values()), SCORE_DIGITS),
        time_used_ms=sum(entry.time_used_ms for entry in day_results.values()),
        submitted_at=max(entry.submitted_at for entry in day_results.values()),
        attempt_id=None,
        days=days,
    )


@dataclass
class UnitResult:
    """An organization on a board: the average of its participants' counted scores."""

    org_id: int
    participants: int
    enrolled: int
    average: float
    average_time_ms: int
    last_submitted_at: datetime
    ranked: bool = True
    rank: int | None = None

    @property
    def participation_rate(self) -> float:
        return round(self.participants / self.enrolled, 4) if self.enrolled else 0.0

    def as_entry(self) -> Entry:
        return Entry(
            user_id=self.org_id,
            score=self.average,
            time_used_ms=self.average_time_ms,
            submitted_at=self.last_submitted_at,
        )


def unit_results(
    entries: Iterable[Entry], unit_of, enrolled: dict[int, int], min_participants: int
) -> list[UnitResult]:
    """Group student entries by ``unit_of(entry)`` and rank the units.

    Units with fewer than ``min_participants`` participants are kept but unranked and listed
    after the ranked ones (a class of two must not top the province on a lucky average).
    """
    groups: dict[int, list[Entry]] = {}
    for entry in entries:
        unit = unit_of(entry)
        if unit is not None:
            groups.setdefault(unit, []).append(entry)
    units = [
        UnitResult(
            org_id=unit,
            participants=len(members),
            enrolled=max(enrolled.get(unit, 0), len(members)),
            average=round(sum(m.score for m in members) / len(members), SCORE_DIGITS),
            average_time_ms=round(sum(m.time_used_ms for m in members) / len(members)),
            last_submitted_at=max(m.submitted_at for m in members),
        )
        for unit, members in groups.items()
    ]
    eligible = sorted(
        (u for u in units if u.participants >= min_participants),
        key=lambda u: sort_key(u.as_entry()),
    )
    for rank, unit in zip(
        competition_ranks([u.as_entry() for u in eligible]), eligible, strict=True
    ):
        unit.rank = rank
    rest = sorted(
        (u for u in units if u.participants < min_participants),
        key=lambda u: (-u.participants, sort_key(u.as_entry())),
    )
    for unit in rest:
        unit.ranked = False
    return eligible + rest


def mask_name(name: str) -> str:
    """张*明 for public boards: keep the first and last character, mask the middle.

    Two characters keep only the first (张*); one character becomes ``*``.
    """
    name = (name or "").strip()
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
