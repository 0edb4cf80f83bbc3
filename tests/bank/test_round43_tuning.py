"""Generator 2.47: classes found by round 43's blind review (generator 2.46.0,
tests/bank/data/round43_blind_review.csv), pinned with examples from the round-43 articles,
which became tuning material after that review (tests/bank/articles/h43-*.txt)."""

from __future__ import annotations

from quiz.bank.stem_text import week_before_period
from tests.helpers.bank_questions import questions_with

BUILT = ("h43-provincial-closing-summary",)


def test_a_period_of_months_is_not_said_to_be_in_the_week(built):
    """宣传周期间，省委网信办同步公布了今年以来的…数据：1月至8月，全省累计清理…: the week
    announced the figures; they were not the week's."""
    assert week_before_period("澂岺省2025年国家网络安全宣传周期间，1月至8月，全省累计清理") == (
        "澂岺省2025年1月至8月，全省累计清理"
    )
    _d, bank = built["h43-provincial-closing-summary"]
    figures = questions_with(bank, "1月至8月")
    assert figures
    assert not any("宣传周期间，1月至8月" in q["stem"] for q in figures)


def test_a_provincial_body_after_the_scope_is_named_once(built):
    """省网络违法和不良信息举报中心共受理群众举报12.7万件: 澂岺省网络…, never 澂岺全省省网络…; its
    figures are the law day's."""
    _d, bank = built["h43-provincial-closing-summary"]
    reports = questions_with(bank, "举报中心共受理群众举报")
    assert reports
    assert not any("全省省" in q["stem"] for q in reports)
    assert all("澂岺省网络违法和不良信息举报中心" in q["stem"] for q in reports)
    assert all(q["themed_days"] == ["law"] for q in reports)
