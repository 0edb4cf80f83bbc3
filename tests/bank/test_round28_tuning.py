"""Generator 2.29: classes found by round 28's blind review (generator 2.28.0,
tests/bank/data/round28_blind_review.csv), pinned with examples from the round-28 articles, which
became tuning material after that review (tests/bank/articles/h28-*.txt)."""

from __future__ import annotations

from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h28-city-police-press-conference",
    "h28-county-youth-day",
    "h28-provincial-closing-summary",
)


def test_a_pupils_survey_is_the_youth_days(built):
    """…面向全县37所中小学四年级至九年级学生开展的问卷调查显示，…: 青少年日, not 校园日 for 学生."""
    _d, bank = built["h28-county-youth-day"]
    shares = questions_with(bank, "年级学生开展的问卷调查显示")
    assert shares
    assert all("youth" in q["themed_days"] and "campus" not in q["themed_days"] for q in shares)


def test_a_minor_defrauded_is_the_youth_days(built):
    """以未成年人为对象的网络游戏类诈骗警情13起，…一名初一学生用家长手机先后转出6,000元."""
    _d, bank = built["h28-county-youth-day"]
    cases = questions_with(bank, "一名初一学生用家长手机")
    assert cases
    assert all("youth" in q["themed_days"] and "campus" not in q["themed_days"] for q in cases)


def test_a_time_or_a_case_named_and_cut_off_is_no_statement(built):
    """…的学生占14.6%，到了周末。/ …，其中损失最多的一起。: no stem ends there."""
    _d, bank = built["h28-county-youth-day"]
    assert not questions_with(bank, "到了周末。") and not questions_with(bank, "最多的一起。")
    assert statement_incomplete("…上网超过2小时的学生占14.6%，到了周末。这一说法是否正确？")
    assert statement_incomplete("…诈骗警情13起，其中损失最多的一起。这一说法是否正确？")


def test_a_kind_or_outlets_pointed_back_to_are_not_recommended(built):
    """此类警情 (the AI face-swap scam of the sentence before) and 各网点柜面人员 (the finance day's
    banks, brokers and insurers) say nothing on their own."""
    _d, police = built["h28-city-police-press-conference"]
    assert questions_with(police, "此类警情")
    assert not recommended_with(police, "此类警情")
    _d, province = built["h28-provincial-closing-summary"]
    assert not recommended_with(province, "各网点")
