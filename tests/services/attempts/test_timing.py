"""Time rules: the fixed deadline, the grace period, contest states and time used."""

from __future__ import annotations

from datetime import timedelta

from quiz.services.attempts.timing import (
    CLOSED,
    OPEN,
    UPCOMING,
    accepts_answers,
    contest_state,
    fixed_deadline,
    is_overdue,
    seconds_left,
    time_used_ms,
)
from tests.clock import GRACE, NOW


def test_deadline_is_start_plus_limit():
    assert fixed_deadline(NOW, 600, NOW + timedelta(hours=2)) == NOW + timedelta(minutes=10)


def test_deadline_is_cut_at_contest_close():
    closes = NOW + timedelta(minutes=4)
    assert fixed_deadline(NOW, 600, closes) == closes


def test_extension_is_added_after_the_cut():
    closes = NOW + timedelta(minutes=4)
    assert fixed_deadline(NOW, 600, closes, extension_seconds=90) == closes + timedelta(seconds=90)


def test_grace_boundary_is_inclusive():
    deadline = NOW + timedelta(minutes=10)
    just_after = deadline + timedelta(seconds=GRACE, microseconds=1)
    assert accepts_answers(deadline, deadline, GRACE)
    assert accepts_answers(deadline + timedelta(seconds=GRACE), deadline, GRACE)
    assert not accepts_answers(just_after, deadline, GRACE)
    assert is_overdue(just_after, deadline, GRACE)
    assert not is_overdue(deadline + timedelta(seconds=GRACE), deadline, GRACE)
    assert is_overdue(deadline + timedelta(microseconds=1), deadline, 0)


def test_contest_state_edges():
    opens, closes = NOW, NOW + timedelta(hours=1)
    assert contest_state(opens - timedelta(microseconds=1), opens, closes) == UPCOMING
    assert contest_state(opens, opens, closes) == OPEN
    assert contest_state(closes - timedelta(microseconds=1), opens, closes) == OPEN
    assert contest_state(closes, opens, closes) == CLOSED


def test_seconds_left_never_negative():
    deadline = NOW + timedelta(seconds=90)
    assert seconds_left(NOW, deadline) == 90
    assert seconds_left(deadline + timedelta(minutes=1), deadline) == 0


def test_time_used():
    deadline = NOW + timedelta(minutes=10)
    assert time_used_ms(NOW, NOW + timedelta(seconds=95.5), deadline) == 95_500
    # Submitted within the grace period: the time used stops at the deadline.
    assert time_used_ms(NOW, deadline + timedelta(seconds=2), deadline) == 600_000
    # Never submitted: the whole allowance.
    assert time_used_ms(NOW, None, deadline) == 600_000
