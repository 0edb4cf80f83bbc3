"""Generator 2.30: classes found by round 29's blind review (generator 2.29.0,
tests/bank/data/round29_blind_review.csv) and by reading why two of its articles had nothing
recommended, pinned with examples from the round-29 articles, which became tuning material after
that review (tests/bank/articles/h29-*.txt)."""

from __future__ import annotations

from quiz.bank.relative_places import home_places
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h29-county-opening",
    "h29-district-police-cases",
    "h29-middle-school-youth-day",
    "h29-operator-privacy-day",
    "h29-traditional-finance-day",
)


def test_a_daily_average_beside_its_total_is_not_recommended(built):
    """累计拦截骚扰电话1268万次，日均5.2万次: the reviewer divided 1268万 by 243 days."""
    _d, bank = built["h29-operator-privacy-day"]
    averages = [q for q in questions_with(bank, "日均") if "日均____" in q["stem"]]
    averages += questions_with(bank, "日均6.1万次")
    assert averages
    assert all("computable" in q["quality"]["reasons"] for q in averages)
    assert not any(q["recommended"] for q in averages)


def test_the_publishers_own_app_is_not_recommended(built):
    """禾渡县融媒体中心将在“禾渡发布”客户端开设专栏: the outlet's own channel is trivia."""
    _d, bank = built["h29-county-opening"]
    channel = questions_with(bank, "客户端开设专栏")
    assert channel
    assert not recommended_with(bank, "客户端开设专栏")
    assert all("media_channel" in q["quality"]["reasons"] for q in channel)


def test_police_figures_beside_solved_cases_are_not_the_law_days(built):
    """…受理电信网络诈骗警情412起，同比下降…；破获电诈及关联案件138起: fraud figures (telecom)."""
    _d, bank = built["h29-district-police-cases"]
    figures = questions_with(bank, "破获电诈及关联案件")
    assert figures
    assert all("law" not in q["themed_days"] for q in figures)


def test_a_regulators_branch_named_by_its_city_names_the_city(built):
    """琅埔金融監管分局 publishes and says 全市银行业机构: the article's city is 琅埔市, so its
    figures are placed (2.29 recommended nothing from this article)."""
    document, bank = built["h29-traditional-finance-day"]
    assert home_places(document).get("city") == "琅埔市"
    blocked = recommended_with(bank, "堵截疑似詐騙轉賬")
    assert blocked
    assert all("琅埔" in q["stem"] for q in blocked)


def test_a_list_summed_up_by_a_named_person_is_her_advice(built):
    """分局消费者权益保护处处长戴秋萍在现场为居民总结了防范要点：一是…二是…: the items are
    戴秋萍's advice, not a giver the generator cannot name."""
    _d, bank = built["h29-traditional-finance-day"]
    advice = [q for q in bank.bank["questions"] if q["generator"]["rule"].startswith("advice.")]
    assert advice
    assert all("戴秋萍" in q["stem"] for q in advice)


def test_advice_said_after_a_situation_is_advice(built):
    """季文澜说，遇到网络欺凌，不要默默忍受，也不要以牙还牙，应当第一时间截图保存证据…，必要时
    可以向平台投诉或报警: what to do when bullied online, her advice (必要时 keeps the situation),
    and 特邀 (how she came) is not part of her title."""
    _d, bank = built["h29-middle-school-youth-day"]
    advice = [q for q in bank.bank["questions"] if q["generator"]["rule"].startswith("advice.")]
    assert {q["generator"]["rule"] for q in advice} >= {"advice.do_choice", "advice.dont_choice"}
    assert all("遇到网络欺凌" in q["stem"] and "特邀" not in q["stem"] for q in advice)
    assert not questions_with(bank, "必要时，下列做法")
    right = next(q for q in advice if q["generator"]["rule"] == "advice.do_choice")
    assert [right["options"][i] for i in right["answer"]] == ["第一时间截图保存证据"]


def test_a_bare_branch_is_the_articles_branch(built):
    """联讯通信蓟原分公司 … 分公司对1.46万个高风险号码采取了限制呼出…: 分公司 is that branch."""
    _d, bank = built["h29-operator-privacy-day"]
    closed = questions_with(bank, "关停涉诈号码")
    assert closed
    assert all(q["stem"].count("联讯通信蓟原分公司") == 1 for q in closed)
    assert recommended_with(bank, "关停涉诈号码")
