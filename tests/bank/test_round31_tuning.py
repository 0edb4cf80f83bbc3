"""Generator 2.32: classes found by round 31's blind review (generator 2.31.0,
tests/bank/data/round31_blind_review.csv), pinned with examples from the round-31 articles, which
became tuning material after that review (tests/bank/articles/h31-*.txt)."""

from __future__ import annotations

from quiz.bank.stem_text import drop_additive
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h31-cac-qa-privacy-tips",
    "h31-county-police-market-telecom-day",
    "h31-traditional-university-campus-day",
    "h31-youth-league-survey-youth-day",
)


def test_a_part_its_whole_and_share_give_is_computable(built):
    """…涉在校學生電信網絡詐騙警情67起，其中刷單返利類____，佔43.3%: 67 × 43.3% = 29."""
    _d, bank = built["h31-traditional-university-campus-day"]
    shares = questions_with(bank, "刷單返利類")
    assert shares
    with_share = [q for q in shares if "佔43.3%" in q["stem"]]
    assert with_share
    assert all("computable" in q["quality"]["reasons"] for q in with_share)
    assert not any(q["recommended"] for q in with_share)


def test_also_and_just_now_point_back(built):
    """她還提醒同學們，9月2日剛剛表決通過的《…反電信網絡詐騙法》…: neither 還 nor 剛剛 stays."""
    _d, bank = built["h31-traditional-university-campus-day"]
    law = questions_with(bank, "表決通過的《中華人民共和國反電信網絡詐騙法》")
    assert law
    assert not any("還提醒" in q["stem"] or "剛剛" in q["stem"] for q in law)
    assert drop_additive("她还提醒同学们，9月2日刚刚表决通过") == "她提醒同学们，9月2日表决通过"
    assert drop_additive("刚刚过去的周末") == "刚刚过去的周末"


def test_which_part_points_back(built):
    """在这部分学生中，遇到…类信息的占58.9%: which part, the stem does not say."""
    _d, bank = built["h31-youth-league-survey-youth-day"]
    assert questions_with(bank, "在这部分学生中")
    assert not recommended_with(bank, "在这部分学生中")


def test_only_points_at_the_only_small_share(built):
    """告诉家长或老师的仅占____ with 38.5% the one option under half."""
    _d, bank = built["h31-youth-league-survey-youth-day"]
    only = [q for q in questions_with(bank, "仅占____") if q["type"] == "single_choice"]
    assert only
    assert all("odd_key" in q["quality"]["reasons"] or not q["recommended"] for q in only)


def test_a_headline_is_not_a_kind_of_scam(built):
    """个人信息保护日丨App权限、刷脸、快递单……九个身边问题 is the Q&A's headline: no stem says
    遇到“…”类骗局时 with it."""
    _d, bank = built["h31-cac-qa-privacy-tips"]
    assert not any("丨" in q["stem"] and "类骗局" in q["stem"] for q in bank.bank["questions"])
    assert recommended_with(bank, "萸川市委网信办提醒：")


def test_the_polices_frozen_funds_are_not_the_finance_days(built):
    """全县破获…案件87起，抓获犯罪嫌疑人132名，其中涉“两卡”嫌疑人79名；紧急止付冻结涉案资金
    286.5万元: the police's figure (telecom), whatever 资金 says."""
    _d, bank = built["h31-county-police-market-telecom-day"]
    frozen = questions_with(bank, "紧急止付冻结涉案资金")
    assert frozen
    assert all("finance" not in q["themed_days"] for q in frozen)
