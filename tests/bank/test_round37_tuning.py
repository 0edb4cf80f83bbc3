"""Generator 2.39: classes found by round 37's blind review (generator 2.38.0,
tests/bank/data/round37_blind_review.csv), pinned with examples from the round-37 articles, which
became tuning material after that review (tests/bank/articles/h37-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

BUILT = (
    "h37-youth-day-tips",
    "hefei-police-antifraud-tips-2024",
    "h37-payment-finance-day",
    "h37-traditional-telecom-day",
    "h37-university-campus-day",
    "h37-district-police-antifraud",
)


def test_a_tips_sections_heading_is_no_scam(built):
    """三、遇到网络欺凌，勇敢说不 / 二、游戏充值须谨慎，“免费领皮肤”是陷阱 / 四、用好“未成年人模式”:
    a section that gives advice is not asked as 遇到“…”类骗局时 (whose words gave the key away)."""
    _d, bank = built["h37-youth-day-tips"]
    assert not [q for q in bank.bank["questions"] if "类骗局时" in q["stem"]]


def test_a_heading_that_names_a_scam_still_frames_its_items(built):
    """二、冒充熟人、领导借钱 is the name of a scam: its items are asked under it."""
    _d, bank = built["hefei-police-antifraud-tips-2024"]
    assert [q for q in bank.bank["questions"] if "遇到“冒充熟人、领导借钱”类骗局时" in q["stem"]]


def test_a_branchs_own_deputy_is_the_publishers(built):
    """分行副行长蔡明远 in 兴汇银行崧原省分行's release: never 崧原省分行 (which the article also has
    as 人民银行崧原省分行); its account controls are the finance day's."""
    _d, bank = built["h37-payment-finance-day"]
    figures = recommended_with(bank, "副行长蔡明远")
    assert figures
    assert all(q["stem"].startswith("据兴汇银行崧原省分行副行长蔡明远介绍") for q in figures)
    accounts = [q for q in figures if "可疑账户" in q["stem"]]
    assert accounts and all(q["themed_days"] == ["finance"] for q in accounts)
    # 各网点柜面… after the bank is named: its outlets, and its counters' stops are finance's
    counters = recommended_with(bank, "各网点柜面成功劝阻")
    assert counters and all("finance" in q["themed_days"] for q in counters)


def test_a_period_two_sentences_back_is_found_in_traditional_numerals(built):
    """今年一月至八月，…。其中，中國移動…。同期，三大運營商…: 同期 is that period."""
    _d, bank = built["h37-traditional-telecom-day"]
    warnings = questions_with(bank, "閃信")
    assert warnings
    assert all("同期" not in q["stem"] for q in warnings)
    assert all("一月至八月" in q["stem"] for q in warnings)


def test_a_click_rate_without_its_drill_is_not_recommended(built):
    """…曦川理工大学全校总体点击率下降了5.3个百分点: the click rate of what?"""
    _d, bank = built["h37-university-campus-day"]
    rates = questions_with(bank, "总体点击率")
    assert rates
    assert not any(q["recommended"] for q in rates)
    assert all("dangling_reference" in q["quality"]["reasons"] for q in rates)


def test_a_time_word_is_no_victims_description(built):
    """社区民警方浩立即上门，此时王阿姨正准备…: 此时 is when, not who she is."""
    _d, bank = built["h37-district-police-antifraud"]
    assert not questions_with(bank, "此时王阿姨遭遇")
    assert not questions_with(bank, "潆阳市此时")
    assert questions_with(bank, "潆阳市的王阿姨遭遇了网络诈骗")
