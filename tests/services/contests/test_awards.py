"""Award rules (quiz.services.contests.awards): who gets which certificate. Pure: no app, no db."""

from __future__ import annotations

import pytest

from quiz.services.contests.awards import AwardRule, RuleKind, award_for, rule_problem


def titles(rule: AwardRule, total: int, ranks=None, scores=None, max_score=100.0) -> list[str]:
    ranks = ranks or list(range(1, total + 1))
    scores = scores or [0.0] * len(ranks)
    return [
        award_for(rule, rank=r, total=total, score=s, max_score=max_score).title
        for r, s in zip(ranks, scores, strict=True)
    ]


def test_no_rule_gives_everyone_a_participation_certificate():
    rule = AwardRule.of(RuleKind.NONE)
    assert set(titles(rule, 5, scores=[100, 90, 50, 20, 0])) == {"参与证明"}
    assert award_for(rule, rank=None, total=0, score=0, max_score=0).code == "participation"


def test_rank_counts_are_cumulative():
    rule = AwardRule.of(RuleKind.RANK_COUNT, 1, 3, 6)
    assert titles(rule, 8) == [
        "一等奖",
        "二等奖",
        "二等奖",
        "三等奖",
        "三等奖",
        "三等奖",
        "参与证明",
        "参与证明",
    ]


def test_ties_share_the_award_of_their_place():
    rule = AwardRule.of(RuleKind.RANK_COUNT, 2, 4)
    # competition ranks 1, 2, 2, 4, 5: both 2nd places are inside the top 2
    assert titles(rule, 5, ranks=[1, 2, 2, 4, 5]) == [
        "一等奖",
        "一等奖",
        "一等奖",
        "二等奖",
        "参与证明",
    ]


def test_rank_percentages_never_round_a_student_up():
    rule = AwardRule.of(RuleKind.RANK_PERCENT, 10, 30, 60)
    assert titles(rule, 10) == [
        "一等奖",
        "二等奖",
        "二等奖",
        "三等奖",
        "三等奖",
        "三等奖",
        *["参与证明"] * 4,
    ]
    # 5 students: the top 10 % is half a student, so nobody; the top 30 % is 1.5, so the first
    assert titles(rule, 5) == ["二等奖", "三等奖", "三等奖", "参与证明", "参与证明"]


def test_a_rule_with_only_a_first_prize():
    rule = AwardRule.of(RuleKind.RANK_COUNT, 1, None, 0)
    assert titles(rule, 3) == ["一等奖", "参与证明", "参与证明"]


def test_score_cut_offs_are_percentages_of_the_maximum():
    rule = AwardRule.of(RuleKind.SCORE_PERCENT, 90, 60)
    scores = [80, 72, 71.9, 48, 47.5, 20, 0]
    got = titles(rule, 7, scores=scores, max_score=80)
    assert got == ["优秀", "优秀", "合格", "合格", "参与证明", "参与证明", "参与证明"]
    # exactly on the line counts (no float rounding): 60 % of 30 is 18
    assert award_for(rule, rank=9, total=9, score=18.0, max_score=30).title == "合格"
    assert award_for(rule, rank=1, total=1, score=10, max_score=0).title == "参与证明"


def test_off_the_board_is_a_participation_certificate():
    rule = AwardRule.of(RuleKind.RANK_COUNT, 3)
    assert award_for(rule, rank=None, total=10, score=40, max_score=40).title == "参与证明"


@pytest.mark.parametrize(
    ("kind", "cuts", "problem"),
    [
        ("none", (), None),
        ("rank_count", (3, 10, 20), None),
        ("rank_count", (3, None, None), None),
        ("rank_percent", (5, 15, 30), None),
        ("score_percent", (90, 60), None),
        ("score_percent", (90,), None),
        ("lottery", (), "评奖方式无效。"),
        ("rank_count", (None, 3, 5), "请填写一等奖的评奖线。"),
        ("score_percent", (None, 60), "请填写优秀的评奖线。"),
        ("rank_count", (3, None, 20), "请按顺序填写评奖线：前一级留空时，后一级也须留空。"),
        ("rank_count", (10, 5, 20), "二等奖、三等奖的名次线须依次大于前一等奖（名额按累计计算）。"),
        ("rank_count", (3, 3), "二等奖、三等奖的名次线须依次大于前一等奖（名额按累计计算）。"),
        ("rank_percent", (10, 120), "百分比须在1到100之间。"),
        ("score_percent", (101, 60), "百分比须在1到100之间。"),
        ("score_percent", (60, 90), "合格线须低于优秀线。"),
        ("rank_count", (-1,), "评奖线不能为负数。"),
        ("rank_count", (1.5,), "评奖线须为整数。"),
    ],
)
def test_rule_problems(kind, cuts, problem):
    assert rule_problem(kind, cuts) == problem


def test_a_broken_stored_rule_gives_participation():
    rule = AwardRule.of(RuleKind.SCORE_PERCENT, 60, 90)
    assert award_for(rule, rank=1, total=1, score=100, max_score=100).title == "参与证明"
