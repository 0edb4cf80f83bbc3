"""Grading rules (docs/grading.md): exact sets, partial credit, fill-in normalization."""

from __future__ import annotations

import pytest

from quiz.services.attempts.grading import Grade, grade, grade_choice, grade_text, normalize_text


@pytest.mark.parametrize("qtype", ["single_choice", "true_false"])
def test_single_answer_types_all_or_nothing(qtype):
    assert grade_choice(qtype, [1], [1], 10, partial_credit=True).points == 10
    assert grade_choice(qtype, [1], [0], 10, partial_credit=True).points == 0
    assert grade_choice(qtype, [1], [], 10, partial_credit=True).points == 0


def test_multiple_choice_without_partial_credit_needs_exact_set():
    assert grade_choice("multiple_choice", [0, 2], [2, 0], 10, False) == Grade(10.0, True)
    assert grade_choice("multiple_choice", [0, 2], [0], 10, False) == Grade(0.0, False)
    assert grade_choice("multiple_choice", [0, 2], [0, 1, 2], 10, False) == Grade(0.0, False)


@pytest.mark.parametrize(
    ("chosen", "points"),
    [
        ([0, 2, 4], 12.0),  # all three right
        ([0, 2], 8.0),  # two of three right: +2/3
        ([0], 4.0),  # one of three: +1/3
        ([0, 2, 1], 4.0),  # two right, one wrong: 2/3 - 1/3
        ([0, 1], 0.0),  # one right, one wrong: nothing
        ([0, 1, 3], 0.0),  # one right, two wrong: floor at 0
        ([0, 1, 2, 3, 4], 4.0),  # all five: 3/3 - 2/3 (see the two-of-five case below)
        ([], 0.0),
    ],
)
def test_multiple_choice_partial_credit(chosen, points):
    result = grade_choice("multiple_choice", [0, 2, 4], chosen, 12, partial_credit=True)
    assert result.points == pytest.approx(points)
    assert result.is_correct is (points == 12.0)


def test_ticking_everything_earns_nothing_when_wrong_options_outnumber_right_ones():
    assert grade_choice("multiple_choice", [0, 2], [0, 1, 2, 3, 4], 10, True).points == 0


def test_partial_credit_rounds_thirds():
    assert grade_choice("multiple_choice", [0, 1, 2], [0], 10, True).points == 3.3333


@pytest.mark.parametrize(
    "typed",
    ["72万元", "72万", " 72 万元 ", "７２万元", "72万元。", "“72万”", "72　万"],
)
def test_fill_blank_normalization_accepts(typed):
    assert grade_text(["72万元", "72万"], typed, 10) == Grade(10.0, True)


@pytest.mark.parametrize("typed", ["", "   ", "72", "720万", "七十二万元", "，。"])
def test_fill_blank_rejects(typed):
    assert grade_text(["72万元", "72万"], typed, 10).is_correct is False


def test_normalize_text_folds_width_case_and_punctuation():
    assert normalize_text("ＡＢＣ，abc！") == "abcabc"
    assert normalize_text("《网络安全法》") == "网络安全法"
    assert normalize_text(None) == ""


def test_grade_dispatches_on_item_type():
    fill = {"type": "fill_blank", "key": ["校园日"], "points": 5}
    assert grade(fill, choice=None, text="校园日", partial_credit=False).points == 5
    multi = {"type": "multiple_choice", "key": [1, 3], "points": 10}
    assert grade(multi, choice=[1], text=None, partial_credit=True).points == 5
    assert grade(multi, choice=None, text=None, partial_credit=True).points == 0
