"""Generator 2.42: classes found by round 39's blind review (generator 2.41.0,
tests/bank/data/round39_blind_review.csv) and the advice its college article lost, pinned with
examples from the round-39 articles, which became tuning material after that review
(tests/bank/articles/h39-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h39-vocational-college-campus-day",
    "h39-county-opening-report",
    "h39-city-police-briefing",
    "h39-traditional-finance-day",
    "h34-traditional-court-law-day",
)


def test_a_one_is_list_under_a_colon_lead_gives_advice(built):
    """学院保卫处也在活动中向同学们发出提醒： + 一是…；二是…；三是不出租、出借、出售本人银行卡…:
    the don't is asked, credited to the college."""
    _d, bank = built["h39-vocational-college-campus-day"]
    [dont] = recommended_with(bank, "下列做法错误的是")
    assert marked_answers(dont) == ["出租、出借、出售本人银行卡、电话卡和支付账户"]
    assert "楮峣职业技术学院" in dont["stem"]


def test_a_weeks_end_is_not_asked_beside_its_start(built):
    """宣传周活动从9月15日持续至____: a week is seven days."""
    _d, bank = built["h39-county-opening-report"]
    spans = [q for q in questions_with(bank, "持续至") if "____" in q["stem"]]
    assert not any(q["recommended"] for q in spans)


def test_a_press_conferences_date_is_trivia(built):
    """9月17日上午，在…“电信日”之际，琇澴市公安局召开…新闻发布会: the meeting's date."""
    _d, bank = built["h39-city-police-briefing"]
    meeting = questions_with(bank, "新闻发布会")
    assert meeting
    assert not any(q["recommended"] for q in meeting)


def test_money_the_police_returned_is_the_telecom_days(built):
    """…“两卡”团伙46个；止付冻结涉案资金2.36亿元，向受害群众返还被骗资金5870万元: 银行卡 in the
    gangs' clause is no bank."""
    _d, bank = built["h39-city-police-briefing"]
    returned = recommended_with(bank, "返还被骗资金")
    assert returned
    assert all(q["themed_days"] == ["telecom"] for q in returned)


def test_the_banks_interceptions_are_the_finance_days(built):
    """蓁岧全省銀行業機構通過交易監測模型共攔截可疑交易3.8萬筆，涉及金額12.6億元: finance only."""
    _d, bank = built["h39-traditional-finance-day"]
    figures = recommended_with(bank, "攔截可疑交易")
    assert figures
    assert all(q["themed_days"] == ["finance"] for q in figures)


def test_a_cases_title_is_no_lists_topic(built):
    """不出租、出借、出售本人銀行卡… under a court's tips headed by its third case: never
    关于“案例三李某侵犯公民個人信息案”."""
    _d, bank = built["h34-traditional-court-law-day"]
    cards = [q for q in questions_with(bank, "下列做法") if "出租、出借、出售本人銀行卡" in str(q)]
    assert cards
    assert not any("案例三" in q["stem"] for q in cards)
