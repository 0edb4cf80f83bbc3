"""Generator 2.18: classes found by round 19's blind review (generator 2.17.0,
tests/bank/data/round19_blind_review.csv), pinned with examples from the round-19 articles, which
became tuning material after that review (tests/bank/articles/h19-*.txt)."""

from __future__ import annotations

import re

from tests.helpers.bank_questions import marked_answers, questions_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h19-city-police-wechat-alert",
    "h19-primary-school-parents-letter",
    "h19-telecom-admin-report",
    "h19-traditional-finance-day",
)


def test_no_distractor_past_ten_thousand_wan(built):
    """涉诈短信9400万条: 13400万条 is said 1.34亿条, as a report would (约20300萬元 -> 約2.03億元)."""
    for name, text in (
        ("h19-telecom-admin-report", "涉诈短信"),
        ("h19-traditional-finance-day", "避免損失"),
    ):
        _d, bank = built[name]
        asked = questions_with(bank, text)
        assert asked, name
        for question in asked:
            for option in question.get("options") or []:
                assert not re.search(r"\d{5,}[万萬]", option), option
            assert not re.search(r"\d{5,}[万萬]", question["stem"]), question["stem"]


def test_a_count_in_tiao_ci_keeps_its_unit(built):
    """预警信息三百二十万条次: the answer is 三百二十万条次 (320万条次), never 条 with 次 left over."""
    _d, bank = built["h19-telecom-admin-report"]
    blanks = [q for q in questions_with(bank, "预警信息____") if q["type"] == "fill_blank"]
    assert blanks
    assert all("三百二十万条次" in marked_answers(q) for q in blanks)
    assert not questions_with(bank, "预警信息____次")


def test_an_instruction_heading_is_no_topic(built):
    """请和孩子一起记住： heads a list; it is no 关于“请和孩子一起记住”."""
    _d, bank = built["h19-primary-school-parents-letter"]
    assert questions_with(bank)
    assert not questions_with(bank, "关于“请和孩子一起记住”")


def test_an_instruction_is_no_true_false_claim(built):
    """下载安装“国家反诈中心”APP。这一说法是否正确？ - an instruction, not a claim."""
    _d, bank = built["h19-city-police-wechat-alert"]
    judged = [
        q for q in questions_with(bank, "下载安装“国家反诈中心”APP") if q["type"] == "true_false"
    ]
    assert not any(q["recommended"] for q in judged)
