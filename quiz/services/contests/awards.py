"""Award rules: which certificate a student gets, from their final rank or score. Pure: values in,
an award out (no Flask, no database), so the rules are tested on their own.

A contest has one rule (``Contest.award_rule``) and up to three cut-offs (``award_cut_1..3``):

* ``none``: everyone on the final board gets a 参与证明 (participation certificate).
* ``rank_count``: 一/二/三等奖 for the top ``cut_1`` / ``cut_2`` / ``cut_3`` places, cumulative
  (3, 10, 20: places 1–3 一等奖, 4–10 二等奖, 11–20 三等奖). A place shared by a tie counts
  once: everyone placed 3rd is inside "the top 3".
* ``rank_percent``: the same with the top ``cut_n`` percent of the ranked students; place ``r``
  of ``n`` is inside the top ``p`` % when ``r ≤ n × p / 100`` (5 students, top 10 %: nobody,
  since half a student cannot win; top 20 %: the first).
* ``score_percent``: 优秀 from ``cut_1`` % of the maximum score, 合格 from ``cut_2`` %.

Anyone outside every cut-off gets a 参与证明. A later level may be left empty (0 or None): a
rule with only a 一等奖 is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "PARTICIPATION",
    "Award",
    "AwardRule",
    "KIND_LABELS",
    "RuleKind",
    "award_for",
    "rule_problem",
]


def N_(message: str) -> str:
    """Mark ``message`` for the catalog; the web layer translates it when it is shown."""
    return message


class RuleKind(StrEnum):
    """How a contest hands out awards (the values stored in ``Contest.award_rule``)."""

    NONE = "none"
    RANK_COUNT = "rank_count"
    RANK_PERCENT = "rank_percent"
    SCORE_PERCENT = "score_percent"


#: What the organizer's form shows for each kind.
KIND_LABELS = {
    RuleKind.NONE: N_("不评奖（所有人获参与证明）"),
    RuleKind.RANK_COUNT: N_("按名次评一、二、三等奖（前N名）"),
    RuleKind.RANK_PERCENT: N_("按名次比例评一、二、三等奖（前N%）"),
    RuleKind.SCORE_PERCENT: N_("按得分评优秀、合格（满分的N%）"),
}


@dataclass(frozen=True)
class Award:
    """One student's award: a code for the API and the title printed on the certificate."""

    code: str
    title: str

    @property
    def is_prize(self) -> bool:
        return self.code != PARTICIPATION.code


PARTICIPATION = Award("participation", N_("参与证明"))
RANK_AWARDS = (
    Award("first", N_("一等奖")),
    Award("second", N_("二等奖")),
    Award("third", N_("三等奖")),
)
SCORE_AWARDS = (Award("excellent", N_("优秀")), Award("pass", N_("合格")))


@dataclass(frozen=True)
class AwardRule:
    """A contest's rule: its kind and cut-offs (None or 0 = that level is not awarded)."""

    kind: str = RuleKind.NONE
    cuts: tuple[int | None, ...] = ()

    @classmethod
    def of(cls, kind: str | None, *cuts: int | None) -> AwardRule:
        return cls(kind or RuleKind.NONE, tuple(cuts))

    def levels(self) -> list[int]:
        """The cut-offs in force, in order (empty levels at the end dropped)."""
        used = [int(c) for c in self.cuts if c]
        return used[: 2 if self.kind == RuleKind.SCORE_PERCENT else 3]


def rule_problem(kind: str | None, cuts: tuple[int | None, ...]) -> str | None:
    """Why ``kind`` with ``cuts`` is not a usable rule (a Chinese sentence), or None if it is."""
    if kind not in set(RuleKind):
        return N_("评奖方式无效。")
    if kind == RuleKind.NONE:
        return None
    wanted = 2 if kind == RuleKind.SCORE_PERCENT else 3
    values = list(cuts[:wanted]) + [None] * (wanted - len(cuts[:wanted]))
    if any(c is not None and (not isinstance(c, int) or isinstance(c, bool)) for c in values):
        return N_("评奖线须为整数。")
    if any(c is not None and c < 0 for c in values):
        return N_("评奖线不能为负数。")
    filled = [c or None for c in values]
    if not filled[0]:
        if kind == RuleKind.SCORE_PERCENT:
            return N_("请填写优秀的评奖线。")
        return N_("请填写一等奖的评奖线。")
    if any(later and not earlier for earlier, later in zip(filled, filled[1:], strict=False)):
        return N_("请按顺序填写评奖线：前一级留空时，后一级也须留空。")
    if kind in (RuleKind.RANK_PERCENT, RuleKind.SCORE_PERCENT) and any(
        c and c > 100 for c in filled
    ):
        return N_("百分比须在1到100之间。")
    used = [c for c in filled if c]
    if kind == RuleKind.SCORE_PERCENT:
        if len(used) == 2 and used[1] >= used[0]:
            return N_("合格线须低于优秀线。")
    elif any(later <= earlier for earlier, later in zip(used, used[1:], strict=False)):
        return N_("二等奖、三等奖的名次线须依次大于前一等奖（名额按累计计算）。")
    return None


def award_for(
    rule: AwardRule, *, rank: int | None, total: int, score: float, max_score: float
) -> Award:
    """The award of a student placed ``rank`` of ``total`` with ``score`` of ``max_score``.

    ``rank`` None (not on the final board) and an unusable rule give a 参与证明; a stored rule
    is checked when saved, so that only guards against rows edited by hand.
    """
    if rule.kind == RuleKind.NONE or rule_problem(rule.kind, rule.cuts):
        return PARTICIPATION
    levels = rule.levels()
    if rule.kind == RuleKind.SCORE_PERCENT:
        if max_score <= 0:
            return PARTICIPATION
        for award, cut in zip(SCORE_AWARDS, levels, strict=False):
            # Integer comparison of score / max ≥ cut / 100, without float rounding at the line.
            if round(score * 10000) * 100 >= cut * round(max_score * 10000):
                return award
        return PARTICIPATION
    if rank is None or rank < 1 or total < 1:
        return PARTICIPATION
    for award, cut in zip(RANK_AWARDS, levels, strict=False):
        inside = rank <= cut if rule.kind == RuleKind.RANK_COUNT else rank * 100 <= cut * total
        if inside:
            return award
    return PARTICIPATION
