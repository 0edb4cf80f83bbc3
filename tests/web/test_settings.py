"""Settings views pass to services come from the app's config, and the suite's GRACE is its default."""

from __future__ import annotations

from quiz.config import DefaultConfig
from quiz.web import settings
from tests.clock import GRACE


def test_the_suites_grace_is_the_apps_default():
    assert DefaultConfig.ANSWER_GRACE_SECONDS == GRACE


def test_settings_follow_the_config(app):
    app.config.update(
        ANSWER_GRACE_SECONDS=7, BOARD_MIN_PARTICIPANTS=2, ITEMS_PER_PAGE="25", LOGIN_IP_LIMIT="9/s"
    )
    assert settings.grace_seconds() == 7.0 and isinstance(settings.grace_seconds(), float)
    assert settings.min_participants() == 2 and settings.per_page() == 25
    assert settings.login_ip_limit() == "9/s"
    assert settings.hash_method() == "pbkdf2:sha256:1000"  # the test config's fast hash


def test_the_backoff_policy_is_built_from_the_config(app):
    app.config.update(
        LOGIN_FAILURES_BEFORE_BACKOFF=2, LOGIN_BACKOFF_BASE_SECONDS=10, LOGIN_BACKOFF_MAX_SECONDS=25
    )
    policy = settings.backoff_policy()
    assert [policy.lock_seconds(n) for n in (1, 2, 3, 4)] == [0, 10, 20, 25]


def test_the_board_cache_is_one_per_app(app):
    assert settings.board_cache() is settings.board_cache()
