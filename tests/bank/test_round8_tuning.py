"""Generator 2.8: the defect classes found by round 8's blind review (generator 2.7,
tests/bank/data/round8_blind_review.csv), pinned with examples from the round-8 articles, which
became tuning material after that review (tests/bank/articles/h8-*.txt)."""

from __future__ import annotations

import re

from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h8-city-police-monthly-briefing",
    "h8-community-youth-privacy",
    "h8-insurance-finance-day",
    "h8-traditional-telecom-day",
    "h8-vocational-college-campus-day",
)


def test_a_figure_dated_only_by_the_release_is_not_recommended(built):
    """据澄江市公安局2024年9月消息，…共破获…247起，同比上升12.7%: the figure is August's, which the
    stem never says; the questions that carry 2024年8月份 stay recommended."""
    _d, police = built["h8-city-police-monthly-briefing"]
    undated = [
        q
        for q in police.bank["questions"]
        if q["stem"].startswith("据澄江市公安局2024年9月消息") and "247起" in q["stem"]
    ]
    assert undated and not any(q["recommended"] for q in undated)
    assert all("no_period" in q["quality"]["reasons"] for q in undated)
    assert recommended_with(police, "2024年8月份")


def test_no_official_is_made_to_advise_the_wrong_thing(built):
    """彭志刚提醒：…可以出租、出借、出售…: no true/false puts the opposite of a don't in the
    giver's mouth."""
    _d, college = built["h8-vocational-college-campus-day"]
    judged = [q for q in college.bank["questions"] if q["type"] == "true_false"]
    assert not any(re.search(r"提醒：[^。]*，可以", q["stem"]) for q in judged)


def test_a_victim_is_no_giver_of_a_rule(built):
    """根據今年五十八歲的市民何女士的提醒: she tells what she learned; she advises no one."""
    _d, telecom = built["h8-traditional-telecom-day"]
    assert not any("何女士的提醒" in q["stem"] for q in telecom.bank["questions"])


def test_statements_cut_after_a_partner_or_a_lead_are_incomplete():
    """…保险行业协会联合市内34家保险公司。 / 9月10日上午，正值…“青少年日”。"""
    assert statement_incomplete("岚州市保险行业协会联合市内34家保险公司。这一说法是否正确？")
    assert statement_incomplete(
        "9月10日上午，正值2024年网络安全宣传周“青少年日”。这一说法是否正确？"
    )


def test_insurance_questions_are_finance_questions(built):
    """代理退保 complaints and 冒充保险公司 fraud: the finance day."""
    _d, insurance = built["h8-insurance-finance-day"]
    asked = [q for q in recommended_with(insurance) if re.search(r"退保|保险", q["stem"])]
    assert asked and all("finance" in q["themed_days"] for q in asked)
