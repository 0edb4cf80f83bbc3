"""The contests a session has unlocked with a join code (pure)."""

from __future__ import annotations

import pytest

from quiz.services.contests.entry import SESSION_KEY, entered_contests, remember_entry


def test_entered_contests_round_trip():
    session: dict = {}
    assert entered_contests(session) == set()
    remember_entry(session, 7)
    remember_entry(session, 3)
    remember_entry(session, 7)
    assert session[SESSION_KEY] == [3, 7] and entered_contests(session) == {3, 7}


@pytest.mark.parametrize("stored", ["7", {"7": 1}, [True, "x", None], 7])
def test_entered_contests_ignores_tampered_values(stored):
    assert entered_contests({SESSION_KEY: stored}) == set()
