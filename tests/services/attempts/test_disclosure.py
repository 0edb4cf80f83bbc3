"""Pure rules: when answers are disclosed, the session's unlocked contests, paired focus events."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from quiz.services.attempts.disclosure import answers_visible, revealed_item
from quiz.services.attempts.integrity import PAIR_WINDOW, is_same_switch
from quiz.services.contests.entry import SESSION_KEY, entered_contests, remember_entry


@pytest.mark.parametrize(
    ("policy", "finished", "closed", "visible"),
    [
        ("after_submit", False, False, False),
        ("after_submit", False, True, False),  # never while the attempt is open
        ("after_submit", True, False, True),
        ("after_close", True, False, False),
        ("after_close", True, True, True),
        ("after_close", False, True, False),
        ("never", True, True, False),
        ("bogus", True, True, False),
    ],
)
def test_answers_visible(policy, finished, closed, visible):
    assert answers_visible(policy, finished, closed) is visible


def test_revealed_item_has_key_and_provenance():
    item = {
        "key": [2],
        "explanation": "见原文",
        "source": {"title": "文", "publisher": "报", "date": "2021-10-11", "sentence": "句。"},
    }
    revealed = revealed_item(item)
    assert revealed["key"] == [2] and revealed["explanation"] == "见原文"
    assert revealed["source"]["sentence"] == "句。" and revealed["source"]["start"] is None


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


T0 = datetime(2026, 10, 11, 2, 0, 0)


def _event(kind: str, at: datetime):
    return SimpleNamespace(kind=kind, server_time=at)


def test_loss_pairs_within_a_second_are_one_switch():
    previous = _event("hidden", T0)
    assert is_same_switch("blur", previous, T0 + timedelta(milliseconds=999), PAIR_WINDOW)
    assert is_same_switch("hidden", previous, T0 + PAIR_WINDOW, PAIR_WINDOW)
    assert not is_same_switch("blur", previous, T0 + timedelta(seconds=1.001), PAIR_WINDOW)
    assert not is_same_switch("visible", previous, T0, PAIR_WINDOW)
    assert not is_same_switch("blur", _event("focus", T0), T0, PAIR_WINDOW)
    assert is_same_switch("focus", _event("visible", T0), T0, PAIR_WINDOW)
    assert not is_same_switch("hidden", None, T0, PAIR_WINDOW)
