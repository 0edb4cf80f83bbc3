"""Generator 2.12.1: the tag classes found by round 13's blind review (generator 2.12.0,
tests/bank/data/round13_blind_review.csv), pinned with examples from the round-13 articles, which
became tuning material after that review (tests/bank/articles/h13-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = ("h13-bank-finance-day", "h13-city-opening-expo", "h13-telecom-day-trad")


def test_fake_base_stations_and_sim_swaps_are_the_telecom_days(built):
    """偽基站 dens and equipment, 補換卡 applications stopped (the recommended figures): telecom,
    not law alone or general."""
    _d, telecom = built["h13-telecom-day-trad"]
    towers = recommended_with(telecom, "偽基站")
    swaps = recommended_with(telecom, "補換卡")
    assert towers and swaps
    assert all("telecom" in q["themed_days"] for q in towers + swaps)


def test_a_banks_suspicious_transactions_are_the_finance_days(built):
    """…分行累计识别并拦截可疑交易____: finance."""
    _d, bank = built["h13-bank-finance-day"]
    stopped = questions_with(bank, "可疑交易")
    assert stopped and all("finance" in q["themed_days"] for q in stopped)


def test_a_word_for_communications_alone_is_no_telecom_question(built):
    """…约定在发现高危漏洞或遭遇网络攻击时，…2小时内相互通报信息 (通信、能源、交通 operators):
    critical-infrastructure practice, not the telecom day's."""
    _d, opening = built["h13-city-opening-expo"]
    notify = questions_with(opening, "高危漏洞")
    assert notify and all("telecom" not in q["themed_days"] for q in notify)
