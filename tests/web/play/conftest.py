"""Play fixtures: a logged-in student on the frozen clock."""

from __future__ import annotations

import pytest


@pytest.fixture
def student(factories, auth, clock):
    """A logged-in student (username ``student``), logged in on the frozen clock.

    The session cookie is timestamped: logging in before the clock moves back would make the
    cookie look as if it came from the future, and Flask would drop it.
    """
    user = factories.student("student")
    auth.login("student")
    return user
