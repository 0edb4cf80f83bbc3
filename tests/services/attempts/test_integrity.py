"""Paired focus events: a hidden page and a lost focus within a second are one switch (pure)."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from quiz.services.attempts.integrity import PAIR_WINDOW, is_same_switch
from tests.clock import NOW


def _event(kind: str, at: datetime):
    return SimpleNamespace(kind=kind, server_time=at)


def test_loss_pairs_within_a_second_are_one_switch():
    previous = _event("hidden", NOW)
    assert is_same_switch("blur", previous, NOW + timedelta(milliseconds=999), PAIR_WINDOW)
    assert is_same_switch("hidden", previous, NOW + PAIR_WINDOW, PAIR_WINDOW)
    assert not is_same_switch("blur", previous, NOW + timedelta(seconds=1.001), PAIR_WINDOW)
    assert not is_same_switch("visible", previous, NOW, PAIR_WINDOW)
    assert not is_same_switch("blur", _event("focus", NOW), NOW, PAIR_WINDOW)
    assert is_same_switch("focus", _event("visible", NOW), NOW, PAIR_WINDOW)
    assert not is_same_switch("hidden", None, NOW, PAIR_WINDOW)
