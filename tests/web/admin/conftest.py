"""Organizer-page fixtures: an organizer or an admin, logged in."""

from __future__ import annotations

import pytest


@pytest.fixture
def organizer(client, auth, factories):
    """An organizer of 四川省/广元中学 (username ``teacher``), logged in."""
    user = factories.organizer("teacher")
    auth.login("teacher")
    return user


@pytest.fixture
def admin(client, auth, factories):
    """An administrator (username ``root``), logged in."""
    user = factories.admin("root")
    auth.login("root")
    return user
