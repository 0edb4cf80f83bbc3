"""Shared fixtures: ``app``, ``client``, ``runner``, ``auth`` and model factories.

The suite runs on a fresh SQLite file per test by default. With ``QUIZ_TEST_DATABASE_URL`` set
(CI sets PostgreSQL) the same tests run against that database; ``QUIZ_TEST_REDIS_URL`` enables
the Redis-backed tests. Tests needing those services are marked ``db``/``redis``.
"""

from __future__ import annotations

import os

import pytest
from flask.testing import FlaskClient

from quiz import create_app
from quiz.extensions import db
from tests.factories import Factories

TEST_DATABASE_URL = os.environ.get("QUIZ_TEST_DATABASE_URL")
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


def _test_config(tmp_path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast hashing keeps the suite quick
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": "localhost",
    }


@pytest.fixture
def app_config(tmp_path) -> dict:
    """Override in a test module (or parametrize) to change the app's config."""
    return _test_config(tmp_path)


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    app.test_client_class = CSRFClient
    with app.app_context():
        if TEST_DATABASE_URL:
            db.drop_all()
        db.create_all()
        yield app
        db.session.remove()
        if TEST_DATABASE_URL:
            db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app) -> CSRFClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def factories(app) -> Factories:
    return Factories(app)


class AuthActions:
    """Log in and out through the real login form."""

    def __init__(self, client: FlaskClient):
        self._client = client

    def login(self, username: str = "student", password: str = "passw0rd!", **extra):
        return self._client.post(
            "/auth/login", data={"username": username, "password": password, **extra}
        )

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def redis_url() -> str:
    if not TEST_REDIS_URL:
        pytest.skip("QUIZ_TEST_REDIS_URL not set")
    return TEST_REDIS_URL
