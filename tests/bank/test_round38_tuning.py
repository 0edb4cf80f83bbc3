"""Generator 2.41: classes found by round 38's blind review (generator 2.40.0,
tests/bank/data/round38_blind_review.csv), pinned with examples from the round-38 articles, which
became tuning material after that review (tests/bank/articles/h38-*.txt)."""

from __future__ import annotations

from quiz.bank.amounts import equivalent_forms
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h38-procuratorate-law-day",
    "h38-county-police-telecom-day",
    "h38-securities-finance-day",
)


def test_a_cases_cards_told_before_are_not_recommended(built):
    """经查，这3张银行卡在不到一个月内…: whose cards (the case was told before), and 璟沣市经查
    reads as if the city had investigated."""
    _d, bank = built["h38-procuratorate-law-day"]
    cards = questions_with(bank, "这3张银行卡") + questions_with(bank, "这____银行卡")
    assert cards
    assert not any(q["recommended"] for q in cards)
    assert all("narrative_pointer" in q["quality"]["reasons"] for q in cards)


def test_a_themed_days_date_names_the_weeks_year(built):
    """据2025年9月的报道，____是国家网络安全宣传周“法治日”: the week of which year?"""
    _d, bank = built["h38-procuratorate-law-day"]
    dated = [q for q in questions_with(bank, "是国家网络安全宣传周“法治日”") if q["recommended"]]
    assert dated
    assert all(q["stem"].startswith("2025年，") for q in dated)


def test_a_named_places_same_period_is_resolved(built):
    """2025年1月至8月，樾岑县同期，县反诈中心…: 同期 left after the county's name."""
    _d, bank = built["h38-county-police-telecom-day"]
    warnings = questions_with(bank, "预警信息")
    assert warnings
    assert not any("同期" in q["stem"] for q in warnings)


def test_a_count_of_visits_accepts_the_bare_number():
    """民警上门见面劝阻2860人次: 2860 is what a student who knows it writes."""
    assert "2860" in equivalent_forms("2860人次")


def test_after_being_cheated_the_options_are_a_victims(built):
    """一旦发现被骗，应当怎么做？: never a rumour's options (转发到朋友圈, 私下联系发布者)."""
    _d, bank = built["h38-securities-finance-day"]
    [act] = recommended_with(bank, "一旦发现被骗，应当怎么做")
    assert marked_answers(act) == ["第一时间向公安机关报案"]
    assert not {"转发到微信群、朋友圈提醒亲友", "私下联系发布者问个清楚"} & set(act["options"])


def test_a_regulators_closing_of_stock_tip_groups_is_finances(built):
    """关闭涉嫌非法荐股的微信群、QQ群…520余个: securities enforcement, not the telecom day's."""
    _d, bank = built["h38-securities-finance-day"]
    groups = recommended_with(bank, "非法荐股")
    assert groups
    assert all(q["themed_days"] == ["finance"] for q in groups)
