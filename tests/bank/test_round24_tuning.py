"""Generator 2.23: classes found by round 24's blind review (generator 2.22.0,
tests/bank/data/round24_blind_review.csv), pinned with examples from the round-24 articles, which
became tuning material after that review (tests/bank/articles/h24-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h24-city-police-press-conference",
    "h24-provincial-privacy-day-qa",
    "h24-traditional-youth-day",
    "h24-university-law-day",
)


def test_a_rate_is_no_organisation(built):
    """…同比增长12.8%，办结率96.4%: no 洛溪省委网信办结率."""
    _d, bank = built["h24-provincial-privacy-day-qa"]
    assert questions_with(bank, "，办结率")
    assert not questions_with(bank, "网信办结率")


def test_this_sites_dateline_goes_without_its_space(built):
    """本网讯 9月7日，在…“法治日”到来之际: the stem never keeps 本网讯."""
    _d, bank = built["h24-university-law-day"]
    assert not questions_with(bank, "本网讯")


def test_a_speakers_we_is_not_recommended(built):
    """…全国我们拨出的预警电话中有约14%没有被接通: whose "we"?"""
    _d, bank = built["h24-city-police-press-conference"]
    assert questions_with(bank, "我们拨出的预警电话")
    assert not recommended_with(bank, "我们")


def test_a_quotation_without_its_speaker_is_not_recommended(built):
    """2023年，鹭原市“从损失金额看，…”: the speaker and the verb were dropped."""
    _d, bank = built["h24-city-police-press-conference"]
    assert questions_with(bank, "“从损失金额看")
    assert not recommended_with(bank, "“从损失金额看")


def test_an_untitled_survey_is_named_by_who_ran_it(built):
    """结果显示，23.4%的受访学生… <- 校保卫处面向全校学生开展了一次线上问卷调查 (2.24): the share
    says whose survey it is, and is recommended."""
    _d, bank = built["h24-university-law-day"]
    assert not questions_with(bank, "，结果显示，")
    assert recommended_with(bank, "校保卫处面向明湖大学全校学生开展的线上问卷调查显示，")


def test_a_rule_of_a_national_law_needs_no_place(built):
    """《个人信息保护法》规定，处理敏感个人信息应当…取得个人的单独同意 (2.24): a 法 is the
    nation's, so its rule is recommended without a province."""
    _d, bank = built["h24-provincial-privacy-day-qa"]
    assert recommended_with(bank, "《个人信息保护法》规定，处理敏感个人信息")


def test_the_leagues_district_committee_names_its_district(built):
    """團區委副書記溫若嵐 -> 共青團霽川區委副書記溫若嵐 (2.24)."""
    _d, bank = built["h24-traditional-youth-day"]
    assert questions_with(bank, "共青團霽川區委")


def test_what_to_do_needs_no_place(built):
    """鄒明瀾提醒：遇到網絡欺凌時，下列做法正確的是？ (2.24): advice holds everywhere."""
    _d, bank = built["h24-traditional-youth-day"]
    assert recommended_with(bank, "遇到網絡欺凌時，下列做法正確的是？")
