"""Generator 2.28: classes found by round 27's blind review (generator 2.27.0,
tests/bank/data/round27_blind_review.csv), pinned with examples from the round-27 articles, which
became tuning material after that review (tests/bank/articles/h27-*.txt), and from the seed."""

from __future__ import annotations

from quiz.bank.amounts import quantity_from_text
from tests.helpers.bank_questions import marked_answers, questions_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h27-bank-finance-day",
    "h27-city-opening-ceremony",
    "h27-county-police-wechat-alert",
    "h27-procuratorate-youth-day",
)


def test_a_grouped_figure_with_decimals_is_one_figure(built):
    """涉及金额2,864.3万元: the blank takes the whole figure, never 2，____ with 864.3万元."""
    _d, bank = built["h27-bank-finance-day"]
    assert not questions_with(bank, "2，____") and not questions_with(bank, "2,____")
    amounts = [q for q in questions_with(bank, "涉及金额____") if q["type"] == "fill_blank"]
    assert amounts and all(q["answer"][0] == "2,864.3万元" for q in amounts)
    assert quantity_from_text("2,864.3万元").render("1552.4") == "1,552.4万元"


def test_a_quotations_closing_mark_is_not_left_alone(built):
    """…，“凡是让你先交钱、再返利的，一律都是骗局”: no stray ” in the rule's statement."""
    _d, bank = built["h27-city-opening-ceremony"]
    rules = questions_with(bank, "一律都是骗局")
    assert rules and all("骗局”" not in q["stem"] for q in rules)


def test_police_frozen_funds_are_not_the_finance_days(built):
    """蒲坞县公安局累计止付、冻结涉案资金626万元: the police's anti-fraud figure (电信日)."""
    _d, bank = built["h27-county-police-wechat-alert"]
    frozen = questions_with(bank, "冻结涉案资金")
    assert frozen
    assert all("finance" not in q["themed_days"] and "telecom" in q["themed_days"] for q in frozen)


def test_a_police_alerts_do_and_dont_lines_are_advice(built):
    """【警方提醒】 + 要做到： / 不要做： over 要…；/ 不要…； lines: "which is right / wrong"."""
    _d, bank = built["h27-county-police-wechat-alert"]
    advice = [
        q
        for q in questions_with(bank, "蒲坞县公安局提醒：")
        if q["generator"]["rule"].startswith("advice.")
    ]
    assert {q["generator"]["rule"] for q in advice} >= {"advice.do_choice", "advice.dont_choice"}


def test_offenders_counted_by_a_procuratorate_are_the_law_days(built):
    """受理帮信案件67件112人，其中在校学生19人、未成年人7人: law (and youth), never campus."""
    _d, bank = built["h27-procuratorate-youth-day"]
    counts = questions_with(bank, "其中在校学生")
    assert counts
    assert all("law" in q["themed_days"] and "campus" not in q["themed_days"] for q in counts)


def test_a_share_the_stems_counts_give_is_not_recommended(built):
    """…112人，其中在校学生19人…，学生群体占比____ (接近17%): 19/112 is in the stem."""
    _d, bank = built["h27-procuratorate-youth-day"]
    shares = questions_with(bank, "学生群体占比____")
    assert all(not q["recommended"] for q in shares)


def test_a_hotline_for_parents_of_minors_is_the_youth_days(built):
    """发现孩子可能卷入违法犯罪活动时，请…拨打12309检察服务热线: 青少年日 as well."""
    _d, bank = built["h27-procuratorate-youth-day"]
    hotline = [q for q in questions_with(bank, "12309") if "12309" in "".join(marked_answers(q))]
    hotline += questions_with(bank, "拨打12309检察服务热线")
    assert hotline and all("youth" in q["themed_days"] for q in hotline)


def test_the_seeds_themed_days_name_their_week(seed_build):
    """自10月12日起，四川将陆续开展…“六大主题日”活动, in a choice or a false twin, says whose days
    they are; no distractor is 交通日 or 未成年人保护日 (rounds 25 and 27)."""
    listed = questions_with(seed_build, "“六大主题日”")
    assert listed
    assert all("四川省2021年国家网络安全宣传周期间" in q["stem"] for q in listed)
    options = {o for q in listed for o in q.get("options", [])}
    assert not options & {"交通日", "未成年人保护日"}
