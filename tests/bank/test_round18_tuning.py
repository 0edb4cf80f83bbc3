"""Generator 2.17: classes found by round 18's blind review (generator 2.16.0,
tests/bank/data/round18_blind_review.csv), pinned with examples from the round-18 articles, which
became tuning material after that review (tests/bank/articles/h18-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import marked_answers, questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h18-district-police-fraud-cases",
    "h18-traditional-telecom-day",
    "h18-youth-privacy-qa",
)


def test_a_source_after_ju_names_its_body(built):
    """据分局刑侦大队副大队长顾长宁介绍 -> 据鹭汀市公安局临溪分局刑侦大队副大队长…: the 分局 is the
    one the article named first, even where that name ran on into 联合区委网信办…"""
    _d, bank = built["h18-district-police-fraud-cases"]
    assert recommended_with(bank, "据鹭汀市公安局临溪分局刑侦大队副大队长顾长宁介绍")
    assert not questions_with(bank, "据分局")


def test_digits_are_grouped_with_an_ascii_comma(built):
    """1，286萬次 (a full-width comma reads as a list) -> 1,286萬次; 2430萬條 is accepted too."""
    _d, bank = built["h18-traditional-telecom-day"]
    grouped = questions_with(bank, "1,286萬次")
    assert grouped
    assert not questions_with(bank, "1，286")
    blanks = [q for q in questions_with(bank, "攔截涉詐簡訊____") if q["type"] == "fill_blank"]
    assert any("2430萬條" in marked_answers(q) for q in blanks)


def test_a_duration_the_stem_spells_out_is_not_recommended(built):
    """晚上8时至9时，向未成年人提供____网络游戏服务: the hours give 1小时 away."""
    _d, bank = built["h18-youth-privacy-qa"]
    hours = questions_with(bank, "晚上8时至9时")
    assert hours and not any(q["recommended"] for q in hours)
