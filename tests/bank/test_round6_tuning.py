"""Generator 2.6: the defect classes found by round 6's blind review (generator 2.5,
tests/bank/data/round6_blind_review.csv), pinned with examples from the round-6 articles, which
became tuning material after that review (tests/bank/articles/h6-*.txt)."""

from __future__ import annotations

import re

from quiz.bank.relative_places import home_places
from tests.helpers.bank_questions import recommended_with

ROUND6 = (
    "h6-bank-finance-day-tips",
    "h6-provincial-press-conference",
    "h6-telecom-operator-day",
    "h6-traditional-privacy-day",
)


# The articles the conftest ``built`` fixture generates for this module.
BUILT = ROUND6


def test_a_transcript_turn_is_its_speakers_statement(built):
    """周牧野： + 去年，全省公安机关共侦破…: the label heads the answer, and the statement says who
    周牧野 is (the role the article's lead gives him)."""
    document, press = built["h6-provincial-press-conference"]
    label = next(s for s in document.sentences if s.text.strip() == "周牧野：")
    assert label.heading
    stems = [q["stem"] for q in press.bank["questions"]]
    assert not any(re.match(r"^[\u4e00-\u9fa5]{2,4}：", s) for s in stems)
    figures = recommended_with(press, "周牧野")
    assert figures and all("公安厅网络安全保卫总队副总队长周牧野介绍" in q["stem"] for q in figures)


def test_an_opening_ceremony_names_its_week(built):
    _d, press = built["h6-provincial-press-conference"]
    opening = [q for q in press.bank["questions"] if "开幕式定于" in q["stem"]]
    assert opening and all("网络安全宣传周开幕式定于" in q["stem"] for q in opening)


def test_a_scope_before_a_body_of_its_level_is_not_doubled(built):
    """澄江市 + 市郵政管理局… is 澄江市郵政管理局, not 澄江市市郵政管理局."""
    _d, traditional = built["h6-traditional-privacy-day"]
    stems = [q["stem"] for q in traditional.bank["questions"]]
    assert any("澄江市郵政管理局" in s for s in stems)
    assert not any("市市" in s for s in stems)


def test_a_branch_names_the_place_of_its_own_release(built):
    """汇川银行澄江分行 (城市 澄江市) and 华通电信江岚省分公司 (江岚省); 分行各网点… is the publisher's."""
    bank_doc, bank = built["h6-bank-finance-day-tips"]
    operator_doc, operator = built["h6-telecom-operator-day"]
    assert home_places(bank_doc).get("city") == "澄江市"
    assert home_places(operator_doc).get("province") == "江岚省"
    assert any("汇川银行澄江分行各网点" in q["stem"] for q in recommended_with(bank))
    assert len(recommended_with(bank)) >= 8 and len(recommended_with(operator)) >= 8


def test_rubric_labels_stay_out_of_stems(built):
    """典型案例： / 风险提示： are the notice's layout; 风险提醒 is no one who advises."""
    _d, bank = built["h6-bank-finance-day-tips"]
    stems = [q["stem"] for q in bank.bank["questions"]]
    assert not any(re.search(r"典型案例：|风险提示：|风险提醒", s) for s in stems)


def test_the_slogan_is_asked_among_slogans(seed_build):
    """不听不信不转账 among slogan-shaped near misses, not among obviously bad behaviours."""
    slogan = next(
        q for q in seed_build.bank["questions"] if q["generator"]["rule"].endswith("slogan_choice")
    )
    assert slogan["recommended"]
    assert slogan["options"][slogan["answer"][0]] == "不听不信不转账"
    assert all(re.fullmatch(r"[\u4e00-\u9fa5]{7}", o) for o in slogan["options"])


def test_a_themed_days_date_is_the_weeks_schedule(built):
    """…的“电信日”是哪一天？ tests the week's schedule: general, which every day's paper draws."""
    _d, press = built["h6-provincial-press-conference"]
    dates = [q for q in press.bank["questions"] if re.search(r"为(?:校园|电信|法治)日", q["stem"])]
    dates += [q for q in press.bank["questions"] if "是哪一天" in q["stem"]]
    assert dates and all(q["themed_days"] == ["general"] for q in dates)
