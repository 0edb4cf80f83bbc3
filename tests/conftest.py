"""Shared fixtures: ``app``, ``client``, ``runner``, ``auth`` and model factories.

The suite runs on a fresh SQLite file per test by default. With ``QUIZ_TEST_DATABASE_URL`` set
(CI sets PostgreSQL) the same tests run against that database; ``QUIZ_TEST_REDIS_URL`` enables
the Redis-backed tests. Tests needing those services are marked ``db``/``redis``.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from quiz import create_app
from quiz.extensions import db
from tests.factories import Factories
from tests.helpers.app import TEST_DATABASE_URL, TEST_REDIS_URL, CSRFClient, base_config

#: Fixtures shared across directories (plain helpers live in tests/helpers/).
pytest_plugins = [
    "tests.fixtures.banks",
    "tests.fixtures.boards",
    "tests.fixtures.clock",
    "tests.fixtures.results",
]


@pytest.fixture
def app_config(tmp_path) -> dict:
    """Override in a test module (or parametrize) to change the app's config."""
    return base_config(tmp_path)


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


@pytest.fixture
def redis_app(app, redis_url):
    """The ``app`` with Redis boards on, under a key prefix of its own (deleted afterwards), so
    tests sharing one Redis never see each other's sets."""
    import uuid

    from quiz.services.boards import redis_sets

    prefix = f"test:{uuid.uuid4().hex}:"
    app.config.update(REDIS_URL=redis_url, REDIS_BOARD_PREFIX=prefix)
    yield app
    app.config["REDIS_URL"] = redis_url  # a test may have switched Redis off midway
    client = redis_sets.client()
    for name in client.scan_iter(f"{prefix}*"):
        client.delete(name)


@pytest.fixture
def redis_server():
    """A ``redis-server`` of the test's own on a free port, to stop, restart or pause (never the
    shared one); skipped where it is not installed, stopped at the end."""
    from tests.redis_server import private_redis

    with private_redis() as server:
        yield server
