"""The test app's pieces: its config and a test client that posts like a browser."""

from __future__ import annotations

import os

from flask.testing import FlaskClient

#: CI sets PostgreSQL here; without it each test gets a fresh SQLite file.
TEST_DATABASE_URL = os.environ.get("QUIZ_TEST_DATABASE_URL")
#: Enables the Redis-backed tests.
TEST_REDIS_URL = os.environ.get("QUIZ_TEST_REDIS_URL")


class CSRFClient(FlaskClient):
    """A test client that adds the session's CSRF token to form posts, like a browser would.

    Pass ``csrf=False`` to send a request without it (to test that CSRF protection works).
    """

    def open(self, *args, csrf: bool = True, **kwargs):
        method = (kwargs.get("method") or "GET").upper()
        if (
            csrf
            and method in {"POST", "PUT", "PATCH", "DELETE"}
            and self.application.config.get("WTF_CSRF_ENABLED", True)
        ):
            token = self._csrf_token()
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRFToken", token)
            kwargs["headers"] = headers
            data = kwargs.get("data")
            if isinstance(data, dict):
                data.setdefault("csrf_token", token)
        # A fresh app context per request, as in production: otherwise the fixture's context
        # (and its ``g`` and database session) would leak from one request into the next.
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def _csrf_token(self) -> str:
        with self.application.app_context():
            response = super().open("/api/v1/csrf", method="GET")
        return response.get_json()["csrf_token"]


def base_config(tmp_path) -> dict:
    """The config of a test app whose database lives under ``tmp_path`` (or CI's)."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast hashing keeps the suite quick
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": "localhost",
    }
