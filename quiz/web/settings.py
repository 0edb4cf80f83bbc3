"""The settings views pass to services, read from the app's config and nowhere else.

Defaults live once, in :class:`quiz.config.DefaultConfig`; these accessors never repeat them.
"""

from __future__ import annotations

from flask import current_app


def grace_seconds() -> float:
    """Seconds after a deadline during which an answer in flight is still accepted."""
    return float(current_app.config["ANSWER_GRACE_SECONDS"])


def min_participants() -> int:
    """Units with fewer participants are listed on organization boards but not ranked."""
    return int(current_app.config["BOARD_MIN_PARTICIPANTS"])


def per_page() -> int:
    """Rows per page of the organizers' long lists."""
    return int(current_app.config["ITEMS_PER_PAGE"])


def hash_method() -> str:
    """The password hash for new passwords (tests lower its cost)."""
    return current_app.config["PASSWORD_HASH_METHOD"]


def board_cache():
    """The app's cache of computed boards (one per worker process)."""
    from quiz.services.boards import app_cache

    return app_cache(current_app)


def backoff_policy():
    """Per-account login backoff: free failures, then a wait that doubles up to a cap."""
    from quiz.services.accounts import BackoffPolicy

    config = current_app.config
    return BackoffPolicy(
        config["LOGIN_FAILURES_BEFORE_BACKOFF"],
        config["LOGIN_BACKOFF_BASE_SECONDS"],
        config["LOGIN_BACKOFF_MAX_SECONDS"],
    )


def login_ip_limit() -> str:
    """Flask-Limiter's per-IP login limit (a school lab behind one NAT address)."""
    return current_app.config["LOGIN_IP_LIMIT"]


def register_ip_limit() -> str:
    """Flask-Limiter's per-IP limit on successful self-registrations."""
    return current_app.config["REGISTER_IP_LIMIT"]


def join_code_limit() -> str:
    """One budget of wrong join codes per student, shared by the API and the contest page."""
    return current_app.config["JOIN_CODE_LIMIT"]
