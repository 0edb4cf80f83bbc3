"""Generator 2.9: the defect classes found by round 9's blind review (generator 2.8,
tests/bank/data/round9_blind_review.csv), pinned with examples from the round-9 articles, which
became tuning material after that review (tests/bank/articles/h9-*.txt)."""

from __future__ import annotations

from quiz.bank.distractors import shift_day
from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h9-county-police-antifraud-day",
    "h9-middle-school-privacy-lesson",
    "h9-provincial-youth-day-survey",
    "h9-securities-finance-day",
    "h9-traditional-rule-of-law-day",
)


def test_a_condition_without_its_consequence_is_incomplete():
    """…；一旦发现被骗。 / …未经国务院证券监督管理机构核准。 / 在…提供1小时服务后。 /
    根据《…证券法》规定。: the rule, the step or the outcome was cut off."""
    assert statement_incomplete("如果拿不准，也可以主动拨打96110咨询；一旦发现被骗。")
    assert statement_incomplete(
        "根据《中华人民共和国证券法》规定，未经国务院证券监督管理机构核准。"
    )
    assert statement_incomplete("霍明远强调，根据《中华人民共和国证券法》规定。这一说法是否正确？")
    assert statement_incomplete(
        "在国家新闻出版署发布防沉迷新规、要求网络游戏企业每日20时至21时提供1小时服务后。"
    )
    assert not statement_incomplete("一旦发现被骗，要第一时间拨打110报警。")
    assert not statement_incomplete("如果发现异常要立即报警。这一说法是否正确？")


def test_a_hotline_stem_ends_before_a_cut_condition_and_needs_its_antecedent(built):
    """这是反诈中心的预警劝阻专线，…也可以主动拨打96110咨询；一旦发现被骗: the frame stops
    before the condition, and a stem opening on 这是 (what is? the 96110 call) is held back."""
    _d, police = built["h9-county-police-antifraud-day"]
    hotline = questions_with(police, "预警劝阻专线")
    assert hotline and not any(q["stem"].rstrip("。").endswith("一旦发现被骗") for q in hotline)
    assert not any(q["recommended"] for q in hotline)
    assert all("narrative_pointer" in q["quality"]["reasons"] for q in hotline)


def test_a_case_step_without_its_victim_is_not_recommended(built):
    """县反诈中心接警后立即启动紧急止付程序，成功冻结资金2.3万元: 接警后 points to 刘女士's
    report, told in the paragraph before."""
    _d, police = built["h9-county-police-antifraud-day"]
    step = questions_with(police, "接警后")
    assert step and not any(q["recommended"] for q in step)


def test_a_county_police_stem_gets_no_county_wide_scope_before_it(built):
    """今年1月至8月，岚山县公安局共破获…: no 岚山县 (全县) glued before the year."""
    _d, police = built["h9-county-police-antifraud-day"]
    figures = questions_with(police, "127起")
    assert figures and not any(q["stem"].startswith("岚山县2024年") for q in figures)
    assert recommended_with(police, "2024年1月至8月，岚山县公安局")


def test_a_count_of_gangs_is_not_a_finance_question(built):
    """…其中打掉为诈骗团伙提供“两卡”的帮信犯罪团伙9个: police work (电信日、法治日), not the
    finance day's."""
    _d, police = built["h9-county-police-antifraud-day"]
    gangs = questions_with(police, "帮信犯罪团伙")
    counted = [q for q in gangs if "挽回" not in q["stem"] and "止付" not in q["stem"]]
    assert counted and all("finance" not in q["themed_days"] for q in counted)
    # (since 2.32 the police's own freezing is not the finance day's either: rounds 27 and 31)
    frozen = questions_with(police, "紧急止付涉案资金")
    assert frozen and all("finance" not in q["themed_days"] for q in frozen)


def test_the_name_of_the_day_on_a_date_is_the_schedule(built):
    """9月18日是…宣传周的“____”（个人信息保护日）: which day falls when is a general question,
    like its date question."""
    _d, school = built["h9-middle-school-privacy-lesson"]
    _d, survey = built["h9-provincial-youth-day-survey"]
    schedule = questions_with(school, "9月18日是") + questions_with(survey, "9月10日是")
    assert schedule and all(q["themed_days"] == ["general"] for q in schedule)


def test_a_share_keeps_what_it_is_a_share_of(built):
    """工作日平均每天上网超过2小时的，小学生占8.6%: the clause ending in 的 stays in the stem."""
    _d, survey = built["h9-provincial-youth-day-survey"]
    shares = questions_with(survey, "小学生占")
    assert shares and all("每天上网" in q["stem"] and "的，小学生占" in q["stem"] for q in shares)


def test_a_discourse_marker_is_no_part_of_a_stem_and_a_share_of_the_sentence_before_is_undated(
    built,
):
    """值得注意的是，幫信案件數量已佔全部網絡犯罪案件的47.4%: the marker goes, and the share of
    the courts' 2018-to-September total (the sentence before) is not recommended with 2021年."""
    _d, court = built["h9-traditional-rule-of-law-day"]
    shares = questions_with(court, "47.4%")
    assert shares and not any("值得注意" in q["stem"] for q in shares)
    assert all(not q["recommended"] and "no_period" in q["quality"]["reasons"] for q in shares)


def test_a_regulators_complaint_figures_are_finance_questions(built):
    """…接到涉及非法证券期货活动的投诉举报1360余件，…其中涉及非法荐股的占比约58%: the finance
    day's, not the law day's (投诉举报 is its caseload), the share too."""
    _d, securities = built["h9-securities-finance-day"]
    complaints = questions_with(securities, "投诉举报1360余件")
    assert complaints and all(q["themed_days"] == ["finance"] for q in complaints)


def test_a_date_distractor_is_a_real_day():
    """2022年12月1日 three days earlier is not 2022年12月-2日."""
    assert shift_day("2022年12月1日", -3) is None
    assert shift_day("9月10日-12日", 2) == "9月12日-14日"
