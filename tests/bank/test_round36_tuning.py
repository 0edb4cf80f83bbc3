"""Generator 2.38: classes found by round 36's blind review (generator 2.37.0,
tests/bank/data/round36_blind_review.csv), pinned with examples from the round-36 articles, which
became tuning material after that review (tests/bank/articles/h36-*.txt)."""

from __future__ import annotations

from quiz.bank.amounts import equivalent_forms
from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

BUILT = (
    "h36-district-police-telecom-day",
    "h36-insurance-finance-day",
    "h36-traditional-court-privacy-day",
    "h23-city-closing-summary",
)


def test_a_period_across_years_stays_in_the_stem(built):
    """據…邵明遠介紹，2022年至2025年8月，…涉案個人信息累計超過1.2億條: a figure without its period
    reads as an all-time total."""
    _d, bank = built["h36-traditional-court-privacy-day"]
    figures = questions_with(bank, "累計")
    assert figures
    assert all("2022年至2025年8月" in q["stem"] for q in figures)
    assert not questions_with(bank, "據華訊網2025年9月報道，據")


def test_a_period_is_no_lead_for_its_sentences_source(built):
    """市中院通报，2023年9月至2024年8月，…其中涉“两卡”类案件占比达41.3%: the frame still reaches
    back to who reported it."""
    _d, bank = built["h23-city-closing-summary"]
    shares = recommended_with(bank, "其中涉“两卡”类案件占比")
    assert shares
    assert all(q["stem"].startswith("鹤渚市中院通报，2023年9月至2024年8月") for q in shares)


def test_the_police_and_the_banks_freezing_is_the_telecom_days_too(built):
    """通过“96110”预警劝阻、银行网点联动止付等措施，分局…冻结涉案资金约460万元."""
    _d, bank = built["h36-district-police-telecom-day"]
    frozen = recommended_with(bank, "冻结涉案资金")
    assert frozen
    assert all({"telecom", "finance"} <= set(q["themed_days"]) for q in frozen)


def test_two_bodies_give_one_list(built):
    """瑀澧监管局和省保险行业协会向消费者发出如下提示： + 一是…五是: both, by their names; the
    insurance items are asked about insurance business, with a policyholder's wrong behaviours."""
    _d, bank = built["h36-insurance-finance-day"]
    [advice] = recommended_with(
        bank, "瑀澧监管局和瑀澧省保险行业协会提醒：办理退保、理赔等保险业务时"
    )
    assert marked_answers(advice) == ["慎重对待退保"]
    assert advice["themed_days"] == ["finance"]


def test_a_count_of_models_accepts_the_bare_number():
    """41款: a student who writes 41 knows it (round 36's reader)."""
    assert "41" in equivalent_forms("41款")
