"""Generator 2.13: classes found by round 14's blind review (generator 2.12.1,
tests/bank/data/round14_blind_review.csv), pinned with examples from the round-14 articles, which
became tuning material after that review (tests/bank/articles/h14-*.txt)."""

from __future__ import annotations

import random

from quiz.bank.amounts import perturbed_numbers, quantity_from_text
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = ("h14-bank-finance-day", "h14-county-fraud-bulletin")


def test_in_the_activity_names_the_activity(built):
    """杜振海在活动中通报，…: 在2023年国家网络安全宣传周活动中 - which activity."""
    _d, bank = built["h14-bank-finance-day"]
    assert questions_with(bank, "杜振海在2023年国家网络安全宣传周活动中通报")
    assert not questions_with(bank, "杜振海在活动中")


def test_the_polices_here_becomes_who_reminds(built):
    """在此提醒广大群众，牢记“三不一多”: 澄原县公安局提醒广大群众 (no 据…报道，在此提醒)."""
    _d, bulletin = built["h14-county-fraud-bulletin"]
    assert not questions_with(bulletin, "在此")
    assert recommended_with(bulletin, "澄原县公安局提醒广大群众")


def test_no_distractor_is_a_digit_edit_of_the_key():
    """8.3% and 21.3% beside 18.3%: the same decimals, or the key with a digit dropped."""
    quantity = quantity_from_text("18.3%")
    for seed in range(30):
        for number in perturbed_numbers(quantity, random.Random(seed)):
            assert not number.endswith(".3") and number != "8.3"
