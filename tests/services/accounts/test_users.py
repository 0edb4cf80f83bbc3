"""Accounts: the login backoff policy."""

from __future__ import annotations

from quiz.services.accounts.users import BackoffPolicy


def test_backoff_doubles_and_caps():
    policy = BackoffPolicy(free_failures=5, base_seconds=30, max_seconds=900)
    assert [policy.lock_seconds(n) for n in (4, 5, 6, 7, 20)] == [0, 30, 60, 120, 900]
