"""Generator 2.35: classes found by round 34's blind review (generator 2.34.0,
tests/bank/data/round34_blind_review.csv), pinned with examples from the round-34 articles, which
became tuning material after that review (tests/bank/articles/h34-*.txt)."""

from __future__ import annotations

from quiz.bank.quality import subject_missing
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h34-middle-school-privacy-lesson",
    "h34-traditional-court-law-day",
    "h34-university-finance-day",
)


def test_a_place_where_a_cut_subject_stood_is_no_subject(built):
    """某高校大三学生小林…的信息，便把自己的银行卡…借给对方使用: no stem reads 蘩州市便把…."""
    _d, bank = built["h34-university-finance-day"]
    assert not questions_with(bank, "便把自己的银行卡")
    assert subject_missing("2024年，蘩州市便把自己的银行卡借给对方使用。", None)
    assert not subject_missing("2023年，澄江市就有9名在校大学生因出售银行卡被追究刑事责任。", None)


def test_before_the_event_names_no_event(built):
    """…在活动前一周对初二年级开展了问卷调查: before which event?"""
    _d, bank = built["h34-middle-school-privacy-lesson"]
    assert questions_with(bank, "活动前")
    assert not recommended_with(bank, "活动前")


def test_a_courts_own_byline_is_stripped(built):
    """本院訊 9月…: a court's own release says 本院讯 as a paper says 本报讯."""
    _d, bank = built["h34-traditional-court-law-day"]
    assert not any("本院訊" in q["stem"] for q in bank.bank["questions"])
