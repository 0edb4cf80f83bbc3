"""Generator 2.31: classes found by round 30's blind review (generator 2.30.0,
tests/bank/data/round30_blind_review.csv) and by reading why its university campus day had nothing
recommended, pinned with examples from the round-30 articles, which became tuning material after
that review (tests/bank/articles/h30-*.txt)."""

from __future__ import annotations

from quiz.bank.quality import subject_missing
from quiz.bank.stem_text import drop_additive
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h30-city-police-monthly",
    "h30-community-privacy-day",
    "h30-provincial-opening",
    "h30-rural-bank-finance-day",
    "h30-traditional-telecom-day",
    "h30-university-campus-day",
)


def test_a_monthly_briefings_tally_needs_its_month(built):
    """据柯沅市公安局2023年9月消息，…预警劝阻群众3251人次: August's, the stem does not say."""
    _d, bank = built["h30-city-police-monthly"]
    tallies = questions_with(bank, "预警劝阻群众")
    assert tallies
    assert not recommended_with(bank, "预警劝阻群众")
    assert all("no_period" in q["quality"]["reasons"] for q in tallies if "消息，" in q["stem"])


def test_a_clause_whose_subject_was_cut_is_no_stem(built):
    """…，全省网信部门累计处置…，依法约谈网站平台38家: a stem never opens on 依法约谈."""
    _d, bank = built["h30-provincial-opening"]
    assert not questions_with(bank, "月，依法约谈")
    assert recommended_with(bank, "网信部门累计处置违法和不良信息")
    assert subject_missing("2025年1月至8月，依法约谈网站平台38家，下架违规App 116款。", None)


def test_a_schedules_dash_stays_out_of_the_stem(built):
    """——9月16日“校园日”，在瑶津理工学院举办…: no stem carries the list's dash."""
    _d, bank = built["h30-provincial-opening"]
    assert questions_with(bank, "“校园日”，在瑶津理工学院")
    assert not any("——" in q["stem"] for q in bank.bank["questions"])


def test_also_points_back_in_either_script(built):
    """今年以来全省通信行业還聯合公安機關搗毀…: 還 is dropped as 还 is."""
    _d, bank = built["h30-traditional-telecom-day"]
    raids = questions_with(bank, "聯合公安機關搗毀")
    assert raids
    assert not any("還聯合" in q["stem"] for q in raids)
    assert drop_additive("全省通信行業還聯合公安機關搗毀窩點") == "全省通信行業聯合公安機關搗毀窩點"


def test_what_a_bank_stopped_is_not_the_law_days(built):
    """稷原农商银行…成功堵截电信网络诈骗和非法集资案件23起: finance (and telecom), not law."""
    _d, bank = built["h30-rural-bank-finance-day"]
    stopped = questions_with(bank, "成功堵截电信网络诈骗和非法集资案件")
    assert stopped
    assert all("law" not in q["themed_days"] and "finance" in q["themed_days"] for q in stopped)


def test_a_tips_cards_topic_is_the_lists_situation(built):
    """主办方向居民发放了“个人信息保护要与不要”提示卡： over 要：/不要：: 关于“个人信息保护”,
    not 关于日常上网安全 (blacking out a waybill is not going online)."""
    _d, bank = built["h30-community-privacy-day"]
    advice = [q for q in bank.bank["questions"] if q["generator"]["rule"].startswith("advice.")]
    assert advice
    assert not questions_with(bank, "日常上网安全")
    assert questions_with(bank, "关于“个人信息保护”，下列做法")


def test_a_schools_own_news_names_the_school(built):
    """璋台理工大学新闻网 says only 本网讯, and 学校…并提示同学们：1．不轻信…: its lead is the
    university's, and its tips are the university's advice (2.30 recommended nothing here)."""
    _d, bank = built["h30-university-campus-day"]
    assert not questions_with(bank, "据2024年9月的报道")
    tips = recommended_with(bank, "璋台理工大学提醒：")
    assert tips
    assert all(q["stem"].startswith("2024年9月，璋台理工大学提醒：") for q in tips)
