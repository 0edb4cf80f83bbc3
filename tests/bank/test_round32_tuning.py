"""Generator 2.33: classes found by round 32's blind review (generator 2.32.0,
tests/bank/data/round32_blind_review.csv), pinned with examples from the round-32 articles, which
became tuning material after that review (tests/bank/articles/h32-*.txt)."""

from __future__ import annotations

from quiz.bank.quality import subject_missing
from quiz.bank.stem_text import drop_additive
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h32-city-closing-summary",
    "h32-insurance-finance-day",
    "h32-traditional-police-alert",
)


def test_a_banks_stopped_pension_scam_is_the_finance_days(built):
    """当天，棂山县一家农商银行网点还成功劝阻一名68岁老人向所谓“养老项目”汇款5万元: no call,
    message or app in it (finance only), and 还 does not point back."""
    _d, bank = built["h32-city-closing-summary"]
    stopped = [q for q in questions_with(bank, "农商银行网点") if q["fact"].startswith("quantity")]
    assert stopped
    assert all(q["themed_days"] == ["finance"] for q in stopped)
    assert not any("还成功劝阻" in q["stem"] for q in stopped)
    assert drop_additive("网点还成功劝阻一名老人") == "网点成功劝阻一名老人"


def test_advice_without_its_giver_opens_no_stem(built):
    """四是建议下载“国家反诈中心”App: a list item whose giver it does not say."""
    _d, bank = built["h32-city-closing-summary"]
    assert not questions_with(bank, "建议下载")
    assert subject_missing("据昀州日报2025年9月报道，建议下载“国家反诈中心”App。", None)


def test_a_company_line_among_public_lines_is_the_odd_key(built):
    """泰衡人寿全国统一客服热线____ with 95576 among 12321/12389/12381."""
    _d, bank = built["h32-insurance-finance-day"]
    lines = [q for q in questions_with(bank, "客服热线（") if q["type"] == "single_choice"]
    assert lines
    assert all("odd_key" in q["quality"]["reasons"] for q in lines)


def test_a_claimed_identity_decides_the_scams_method(built):
    """接到自称“泰衡人寿理赔专员”的电话…开启屏幕共享: not 冒充电商客服, so no method question."""
    _d, bank = built["h32-insurance-finance-day"]
    assert not questions_with(bank, "骗子是怎样骗他的")


def test_data_of_nobodys_is_not_recommended(built):
    """數據顯示，前8個月全市共發生電信網絡詐騙案件1573起: whose data?"""
    _d, bank = built["h32-traditional-police-alert"]
    assert questions_with(bank, "數據顯示")
    assert not recommended_with(bank, "數據顯示")
