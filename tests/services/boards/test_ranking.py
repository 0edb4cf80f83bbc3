"""The one ranking rule (pure): order, shared ranks, counted attempt, week sum, masking."""

from __future__ import annotations

from datetime import timedelta

from quiz.services.boards.ranking import (
    Entry,
    competition_ranks,
    counted,
    mask_name,
    rank_in,
    ranked,
    unit_results,
    week_total,
)
from tests.clock import NOW


def entry(uid, score, used=60, at=0, number=1, **extra):
    return Entry(
        uid, score, used * 1000, NOW + timedelta(seconds=at), attempt_number=number, **extra
    )


def test_higher_score_then_less_time_then_earlier_submission():
    a, b, c, d = entry(1, 30, 90), entry(2, 30, 60, at=5), entry(3, 30, 60, at=1), entry(4, 40, 500)
    assert [e.user_id for _r, e in ranked([a, b, c, d])] == [4, 3, 2, 1]


def test_equal_on_all_three_share_a_rank_and_the_next_rank_skips():
    rows = ranked(
        [entry(1, 40), entry(2, 30), entry(3, 30), entry(4, 20), entry(5, 20), entry(6, 10)]
    )
    assert [r for r, _e in rows] == [1, 2, 2, 4, 4, 6]


def test_competition_ranks_can_continue_a_page():
    page = [entry(5, 20), entry(6, 20), entry(7, 10)]
    assert competition_ranks(page, first_rank=51, offset=50) == [51, 51, 53]
    # A page starting inside a tie group: the group began at rank 49 (position 48).
    assert competition_ranks(page, first_rank=49, offset=50) == [49, 49, 53]


def test_rank_in_counts_strictly_better():
    others = [entry(1, 40), entry(2, 30), entry(3, 30)]
    assert rank_in(entry(9, 30), others) == 2
    assert rank_in(entry(9, 50), others) == 1


def test_counted_attempt_by_rule():
    tries = [entry(1, 20, number=1), entry(1, 40, 300, number=2), entry(1, 40, 100, number=3)]
    assert counted(tries, "first").attempt_number == 1
    assert counted(tries, "last").attempt_number == 3
    assert counted(tries, "best").attempt_number == 3  # same score, less time
    assert counted([], "best") is None


def test_week_sum_counts_missing_days_as_zero():
    week = week_total({"campus": entry(1, 30, 100, at=10), "law": entry(1, 25.5, 50, at=99)})
    assert week.score == 55.5
    assert week.time_used_ms == 150_000
    assert week.submitted_at == NOW + timedelta(seconds=99)
    assert week.days == {"campus": 30, "law": 25.5}


def test_unit_averages_with_participation_minimum():
    members = [entry(i, s, school_id=10) for i, s in enumerate([40, 30, 20], start=1)]
    members += [entry(9, 50, school_id=11)]  # a unit of one: unranked, listed last
    units = unit_results(members, lambda e: e.school_id, {10: 6, 11: 2}, min_participants=2)
    assert [(u.org_id, u.rank, u.ranked) for u in units] == [(10, 1, True), (11, None, False)]
    assert units[0].average == 30 and units[0].participation_rate == 0.5


def test_masked_names():
    assert mask_name("张三明") == "张*明"
    assert mask_name("欧阳小明") == "欧**明"
    assert mask_name("张三") == "张*"
    assert mask_name("张") == "*"
