"""Generator 2.15: classes found by round 16's blind review (generator 2.14.0,
tests/bank/data/round16_blind_review.csv), pinned with examples from the round-16 articles, which
became tuning material after that review (tests/bank/articles/h16-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h16-bank-finance-day",
    "h16-city-police-antifraud-briefing",
    "h16-county-youth-day",
    "h16-university-campus-day",
)


def test_same_period_names_the_period_it_points_back_to(built):
    """同期，全市公安机关破获… after 今年前八个月，全市共接报…: 2024年前八个月，澜江市公安机关…,
    never 2024年，同期，…"""
    _d, bank = built["h16-city-police-antifraud-briefing"]
    assert recommended_with(bank, "2024年前八个月，澜江市公安机关破获电诈案件")
    assert not questions_with(bank, "同期，")


def test_a_local_events_date_and_name_are_not_recommended(built):
    """9月14日，…桐岭县“青少年日”主题活动在县实验中学举行 / …“校园日”系列活动在南屿理工大学
    启动: when and under which day's name one school's event was held is news, not knowledge."""
    for name, text in (
        ("h16-county-youth-day", "主题活动在县实验中学举行"),
        ("h16-university-campus-day", "系列活动在南屿理工大学启动"),
    ):
        _d, bank = built[name]
        asked = questions_with(bank, text)
        assert asked, name
        assert not any(q["recommended"] for q in asked), name


def test_a_press_briefing_and_a_head_count_of_participants_are_not_recommended(built):
    """…召开新闻通气会。这一说法是否正确？ / 共有四十余家…机构参与“金融日”主题活动."""
    _d, police = built["h16-city-police-antifraud-briefing"]
    briefing = questions_with(police, "召开新闻通气会")
    assert briefing and not any(q["recommended"] for q in briefing)
    _d, bank = built["h16-bank-finance-day"]
    joined = questions_with(bank, "参与“金融日”主题活动")
    assert joined and not any(q["recommended"] for q in joined)
