"""Generator 2.27: classes found by round 26's blind review (generator 2.26.0,
tests/bank/data/round26_blind_review.csv), pinned with examples from the round-26 articles, which
became tuning material after that review (tests/bank/articles/h26-*.txt), and from the seed."""

from __future__ import annotations

from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h26-city-police-antifraud-alert",
    "h26-community-youth-privacy-tips",
    "h26-insurance-finance-day",
    "h26-provincial-opening",
    "h26-university-campus-day",
)


def test_a_period_of_days_is_kept_whole(built):
    """今年1月1日至9月20日，…。市反诈中心累计推送预警指令4.3万条: the figures of 1月1日 to 9月20日,
    never of 2024年1月 (which made a true statement false)."""
    _d, bank = built["h26-city-police-antifraud-alert"]
    warnings = questions_with(bank, "推送预警指令")
    assert warnings
    assert all("1月1日至9月20日" in q["stem"] for q in warnings)
    assert not questions_with(bank, "2024年1月，")


def test_a_dash_label_is_no_topic(built):
    """要—— / 不要—— head a list's items; no stem asks 关于“不要——”."""
    for name in ("h26-city-police-antifraud-alert", "h26-community-youth-privacy-tips"):
        _d, bank = built[name]
        assert questions_with(bank, "提醒：")
        assert not questions_with(bank, "——")


def test_a_list_for_teenagers_and_one_for_parents(built):
    """【给青少年】 and 【给家长】 lists: a parent's advice says 提醒家长 and is never a wrong option
    of a teenager's question; the teenagers' items are the youth day's."""
    _d, bank = built["h26-community-youth-privacy-tips"]
    parents = recommended_with(bank, "柚岗街道办事处提醒家长：")
    assert parents
    teens = [
        q
        for q in recommended_with(bank, "柚岗街道办事处提醒：")
        if "家长或老师" in marked_answers(q)[0]
    ]
    assert teens
    assert all(not any("孩子的" in o for o in q["options"]) for q in teens)
    assert all("youth" in q["themed_days"] for q in teens)
    assert len(recommended_with(bank, "柚岗街道办事处")) >= 8


def test_a_means_without_its_result_is_cut(built):
    """…涉及保费1,086万元；经过耐心沟通，247件…: the statement ends at the figure."""
    _d, bank = built["h26-insurance-finance-day"]
    figures = questions_with(bank, "拦截疑似代理退保申请312件")
    assert figures
    assert not any("经过耐心沟通。" in q["stem"] for q in figures)
    assert statement_incomplete("…拦截疑似代理退保申请312件；经过耐心沟通。这一说法是否正确？")


def test_a_provincial_body_is_not_said_twice(built):
    """省通信管理局累计处置…: 蘅阳省通信管理局, never 蘅阳全省省通信管理局."""
    _d, bank = built["h26-provincial-opening"]
    assert questions_with(bank, "蘅阳省通信管理局累计处置")
    assert not questions_with(bank, "全省省")


def test_regulators_summoning_websites_is_law_day(built):
    """依法约谈违规网站平台47家: enforcement, 法治日 (not general)."""
    _d, bank = built["h26-provincial-opening"]
    summoned = [
        q for q in questions_with(bank, "约谈违规网站平台47家") if q["type"] == "true_false"
    ]
    assert summoned
    assert all("law" in q["themed_days"] for q in summoned)


def test_a_schools_day_under_the_provinces_week(built):
    """我校举办2024年网络安全宣传周… + 9月24日是2024年蘅阳省网络安全宣传周“校园日”: the week is
    the province's (not 梓宁市2024年网络安全宣传周), and its name says where."""
    _d, bank = built["h26-university-campus-day"]
    assert not questions_with(bank, "梓宁市2024年网络安全宣传周")
    days = recommended_with(bank, "2024年蘅阳省网络安全宣传周")
    assert days


def test_a_speaker_with_two_roles(built):
    """计算机与网络空间安全学院教授、省网络安全专家库成员樊启航: the stem introduces him."""
    _d, bank = built["h26-university-campus-day"]
    advice = questions_with(bank, "樊启航提醒")
    assert advice
    assert all("专家库成员樊启航" in q["stem"] for q in advice)


def test_a_figure_with_yu_accepts_the_bare_figure(seed_build):
    """570余件: 570件 is what a student who knows the figure may write (round 26's seed reader)."""
    cases = [q for q in questions_with(seed_build, "侦办涉网案件____") if q["type"] == "fill_blank"]
    assert cases
    assert all("570件" in q["answer"] for q in cases)


def test_a_range_of_days_accepts_both_months(seed_build):
    """10月11日至17日: also 10月11日至10月17日."""
    ranges = [
        q for q in questions_with(seed_build, "于____在全省范围内") if q["type"] == "fill_blank"
    ]
    assert ranges
    assert all("10月11日至10月17日" in q["answer"] for q in ranges)


def test_the_slogans_options_are_not_all_about_transfers(seed_build):
    """不听不信不转账 beside four 转账 options was read off the stem (round 26)."""
    slogan = next(
        q
        for q in questions_with(seed_build, "今后面对电话、网络诈骗局要怎么做")
        if q["type"] == "single_choice"
    )
    wrong = [o for i, o in enumerate(slogan["options"]) if i not in slogan["answer"]]
    assert sum("转账" in o for o in wrong) <= 1
