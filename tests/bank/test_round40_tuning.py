"""Generator 2.43: classes found by round 40's blind review (generator 2.42.0,
tests/bank/data/round40_blind_review.csv) and the advice and law questions its police alert and
university article lost, pinned with examples from the round-40 articles, which became tuning
material after that review (tests/bank/articles/h40-*.txt)."""

from __future__ import annotations

from quiz.bank.amounts import equivalent_forms
from quiz.bank.stem_text import mainland_view
from quiz.bank.textutil import is_traditional
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h40-telecom-day-operator-release",
    "h40-city-closing-summary",
    "h40-rural-bank-finance-day",
    "h40-university-privacy-day",
    "h40-traditional-youth-day",
    "h40-district-police-case-alert",
)


def test_one_traditional_place_character_leaves_an_article_simplified(built):
    """澦琨省 (t2s reads 滪琨) in a simplified release: its generated words stay simplified
    (round 40 printed 正確/回復/拒絕 in its options) and the place keeps its 澦."""
    document, bank = built["h40-telecom-day-operator-release"]
    assert not document.traditional
    assert is_traditional("內地浵峘縣網安週「青少年日」調查指逾三成未成年人曾遇網絡欺凌")
    texts = [q["stem"] + "".join(q.get("options") or []) for q in bank.bank["questions"]]
    assert not any(word in text for text in texts for word in ("正確", "回復", "拒絕", "滪"))
    assert any("澦琨全省" in text for text in texts)


def test_an_inline_lists_counter_is_not_the_situation(built):
    """提醒广大用户：一是收到12381预警短信或96110来电时，务必认真对待，不要继续与对方联系、不要
    转账: no 一是 in the stem, no vague 认真对待 as the key, and the first don't asked alone."""
    _d, bank = built["h40-telecom-day-operator-release"]
    advice = questions_with(bank, "下列做法")
    assert advice
    assert not any("一是" in q["stem"] for q in advice)
    options = [option for q in advice for option in q["options"]]
    assert "认真对待" not in options
    assert "继续与对方联系、不要转账" not in options
    [dont] = [q for q in advice if "错误的是" in q["stem"]]
    assert marked_answers(dont) == ["继续与对方联系"]


def test_a_themed_days_figure_names_the_week_not_the_account(built):
    """据网信浛琞2025年9月消息，9月17日“电信日”，三家基础电信企业…: which city, which week?"""
    _d, bank = built["h40-city-closing-summary"]
    telecom_day = questions_with(bank, "三家基础电信企业在63个营业厅")
    assert telecom_day
    assert all(q["stem"].startswith("浛琞市2025年国家网络安全宣传周期间，") for q in telecom_day)


def test_a_count_in_ten_thousands_accepts_the_bare_and_written_out_figure(built):
    """2.36万条: 2.36万 and 23600条 are as right (round 40's reader)."""
    assert equivalent_forms("2.36万条") == ["2.36万", "23600条"]
    _d, bank = built["h40-city-closing-summary"]
    [blank] = [q for q in questions_with(bank, "违法和不良信息____") if q["type"] == "fill_blank"]
    assert {"2.36万条", "2.36万", "23600条"} <= set(blank["answer"])


def test_a_banks_hotline_advice_is_the_finance_days_too(built):
    """湉嶅农商银行…遇到可疑情况，可拨打96110反诈专线咨询: the bank guards its customers' money."""
    _d, bank = built["h40-rural-bank-finance-day"]
    hotline = questions_with(bank, "可拨打____反诈专线")
    assert hotline
    assert all(q["themed_days"] == ["telecom", "finance"] for q in hotline)


def test_a_professor_in_his_universitys_news_names_the_university(built):
    """法学院教授、数字法治研究中心主任靳思远介绍，… in 琤嵫理工大学's own news."""
    _d, bank = built["h40-university-privacy-day"]
    said = questions_with(bank, "靳思远介绍")
    assert said
    assert all("琤嵫理工大学法学院教授" in q["stem"] for q in said)


def test_when_a_law_took_effect_is_worth_asking_and_the_laws_day(built):
    """《中华人民共和国个人信息保护法》于2021年8月20日通过，自____起施行: the effective date is
    recommended and tagged with the law's own subject; the day it was passed is not, and its
    options all carry a year."""
    _d, bank = built["h40-university-privacy-day"]
    effective = recommended_with(bank, "起施行")
    assert effective
    assert all(q["themed_days"] == ["law", "privacy"] for q in effective)
    passed = [q for q in questions_with(bank, "于____通过") if q["type"] == "single_choice"]
    assert passed and not any(q["recommended"] for q in passed)
    assert all(option.startswith("2021年") for q in passed for option in q["options"])


def test_a_hong_kong_outlets_mainland_is_a_mainland_papers_country(built):
    """內地2025年國家網絡安全宣傳週 / 內地《未成年人網絡保護條例》: a mainland school's paper."""
    assert mainland_view("內地《未成年人網絡保護條例》自2024年1月1日起施行。") == (
        "我国《未成年人網絡保護條例》自2024年1月1日起施行。"
    )
    assert mainland_view("期間內地各地同步舉辦") == "期間全国各地同步舉辦"
    _d, bank = built["h40-traditional-youth-day"]
    stems = [q["stem"] for q in bank.bank["questions"]]
    assert not any("內地" in stem for stem in stems)
    assert any("我國《未成年人網絡保護條例》" in stem for stem in stems)


def test_a_bracketed_police_tips_heading_gives_the_police_advice(built):
    """【警方提示】 + 1．要通过官方App…核实；不要点击陌生链接…: round 40 dropped all of it as
    "unsure who advises"; the alert's stems name 溦岏 (玶潆市公安局溦岏分局's district)."""
    _d, bank = built["h40-district-police-case-alert"]
    advice = recommended_with(bank, "下列做法")
    assert len(advice) >= 4
    assert all("玶潆市公安局溦岏分局提醒" in q["stem"] for q in advice)
    assert recommended_with(bank, "溦岏近期连发")
