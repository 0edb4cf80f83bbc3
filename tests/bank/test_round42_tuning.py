"""Generator 2.45: classes found by round 42's blind review (generator 2.44.0,
tests/bank/data/round42_blind_review.csv), pinned with examples from the round-42 articles,
which became tuning material after that review (tests/bank/articles/h42-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

BUILT = (
    "h42-county-police-weekly-alert",
    "h42-bank-finance-day-tips",
    "h42-middle-school-youth-day",
)


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


def test_a_tips_cards_hotline_is_the_schools_advice(built):
    """学校向学生发放了应对提示卡： + 五是需要倾诉或法律帮助时，可拨打12355青少年服务台热线: asked
    as the school's advice, with its month (2.44 held it back as nobody's)."""
    _d, bank = built["h42-middle-school-youth-day"]
    asked = recommended_with(bank, "可拨打____青少年服务台热线")
    assert asked
    assert all(q["stem"].startswith("2025年9月，濉崦市第二中学提醒：") for q in asked)


def test_this_years_week_is_named_by_its_year(built):
    """9月20日是本届国家网络安全宣传周的青少年日: 本届 -> 2025年 (a blank beside it keeps it)."""
    _d, bank = built["h42-middle-school-youth-day"]
    [statement] = [
        q for q in questions_with(bank, "国家网络安全宣传周的青少年日") if q["type"] == "true_false"
    ]
    assert "2025年国家网络安全宣传周" in statement["stem"]
    assert "本届" not in statement["stem"]
