"""Generator 2.45: classes found by round 42's blind review (generator 2.44.0,
tests/bank/data/round42_blind_review.csv), pinned with examples from the round-42 articles,
which became tuning material after that review (tests/bank/articles/h42-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

BUILT = ("h42-county-police-weekly-alert", "h42-bank-finance-day-tips")


def test_a_weeks_count_its_change_gives_is_not_asked(built):
    """共接报电信网络诈骗警情37起，比前一周的45起减少8起: 45 − 8 = 37, in every shape (a
    true/false's figures add up, and its false twin's do not)."""
    _d, bank = built["h42-county-police-weekly-alert"]
    weekly = questions_with(bank, "比前一周的")
    assert weekly
    assert not any(q["recommended"] for q in weekly)


def test_a_banks_own_fraud_tips_are_the_finance_days_too(built):
    """华汇银行琮湑分行: 不要把验证码、密码告诉任何人 / 不要相信“不看征信”的贷款广告."""
    _d, bank = built["h42-bank-finance-day-tips"]
    tips = recommended_with(bank, "下列做法")
    assert len(tips) >= 4
    assert all("finance" in q["themed_days"] for q in tips)
