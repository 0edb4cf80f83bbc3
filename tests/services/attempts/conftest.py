"""Fixtures of the attempt concurrency tests: the app served for real, in a thread."""

from __future__ import annotations

import pytest

from tests.helpers.live_server import serve


@pytest.fixture
def app_config(app_config):
    # The live server answers on 127.0.0.1:<port>: no fixed SERVER_NAME.
    return {key: value for key, value in app_config.items() if key != "SERVER_NAME"}


@pytest.fixture
def live_url(app):
    """The base URL of ``app`` served by werkzeug's threaded server (one thread per request)."""
    with serve(app) as url:
        yield url
