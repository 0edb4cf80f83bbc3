"""Generator 2.11: the defect classes found by round 11's blind review (generator 2.10.1,
tests/bank/data/round11_blind_review.csv), pinned with examples from the round-11 articles, which
became tuning material after that review (tests/bank/articles/h11-*.txt)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from quiz.bank.amounts import perturbed_numbers, quantity_from_text
from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h11-bohe-county-opening",
    "h11-fengyu-cac-qa",
    "h11-jizhou-pi-protection-day",
    "h11-yaochuan-police-alert",
)

_SIMPLE = (0.5, 2 / 3, 0.75, 1.25, 4 / 3, 1.5, 2.0)


@pytest.mark.parametrize("answer", ["2680人次", "347起", "52.3%", "2.13亿元", "1357件"])
def test_no_distractor_is_a_simple_multiple_of_the_answer(answer):
    """1610/4020/5360 beside 2680 (0.6x, 1.5x, 2x): the key is the one the others are multiples
    of. Distractors take irregular factors, and differ from each other by more than 8 %."""
    quantity = quantity_from_text(answer)
    for seed in range(20):
        numbers = [Decimal(n) for n in perturbed_numbers(quantity, random.Random(seed))]
        original = Decimal(quantity.number)
        assert len(numbers) >= 3
        assert not any(abs(float(n / original) - r) < 0.04 for n in numbers for r in _SIMPLE)
        assert min(numbers) < original < max(numbers)  # some below, some above
        for i, first in enumerate(numbers):
            assert all(
                abs(first - second) >= Decimal("0.08") * min(first, second)
                for second in numbers[:i]
            )


def test_small_counts_and_round_figures_still_get_distractors():
    """3名 -> a few more or less; 20万元 and 100所 -> one digit finer (13万元, 150所)."""
    for answer in ("3名", "9个", "20万元", "100所"):
        assert len(perturbed_numbers(quantity_from_text(answer), random.Random(answer))) >= 3


def test_of_which_after_a_coverb_dangles(built):
    """霽州市對其中276款依法責令限期整改: of which? (the 318 of 1240 apps are in the clause cut
    off); 检测本地App约210款，对其中43款… keeps its count and stays recommended (h4)."""
    _d, jizhou = built["h11-jizhou-pi-protection-day"]
    dangling = questions_with(jizhou, "對其中")
    assert dangling and not any(q["recommended"] for q in dangling)
    assert all("dangling_reference" in q["quality"]["reasons"] for q in dangling)


def test_a_hotline_reminder_is_no_true_false(built):
    """…提醒：如果您接到96110的来电，…请务必接听。这一说法是否正确？ is true because it is a
    reminder; the blank and the choice on the number stay recommended."""
    _d, alert = built["h11-yaochuan-police-alert"]
    judged = [q for q in questions_with(alert, "96110") if q["type"] == "true_false"]
    assert judged and not any(q["recommended"] for q in judged)
    assert any("reminder_restated" in q["quality"]["reasons"] for q in judged)


def test_if_in_doubt_needs_the_question_it_answers(built):
    """如有疑问，可以直接到就近派出所核实，或者拨打____咨询 (a Q&A answer about fake police): no
    giver is put before it, and it is not recommended."""
    _d, qa = built["h11-fengyu-cac-qa"]
    doubt = questions_with(qa, "如有疑问")
    assert doubt and not any(q["recommended"] for q in doubt)
    assert not any("期间提醒：如有疑问" in q["stem"] for q in doubt)


def test_labelled_tips_are_no_options_and_a_tips_name_is_no_topic(built):
    """不转账：凡是要求… / 透露：身份证号…: a label and its gloss are no behaviour; 关于“反诈小贴士”
    names the list, not a topic."""
    _d, alert = built["h11-yaochuan-police-alert"]
    assert not questions_with(alert, "关于“反诈小贴士”")
    for question in questions_with(alert, "下列做法"):
        assert not any("：" in option for option in question["options"])


def test_counts_of_reports_and_losses_avoided_keep_their_own_day(built):
    """共受理涉及個人信息的網絡舉報1563件: privacy, not law; 依托96110预警劝阻专线…避免群众经济损失
    约2680万元: telecom, not finance."""
    _d, jizhou = built["h11-jizhou-pi-protection-day"]
    reports = questions_with(jizhou, "網絡舉報")
    assert reports and all(q["themed_days"] == ["privacy"] for q in reports)
    _d, county = built["h11-bohe-county-opening"]
    avoided = questions_with(county, "避免群众经济损失")
    assert avoided and all(q["themed_days"] == ["telecom"] for q in avoided)
    assert recommended_with(county, "避免群众经济损失")
