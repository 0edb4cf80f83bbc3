"""The robustness suites' fixture: the little world of tests/robustness/world.py."""

from __future__ import annotations

import pytest

from tests.robustness.world import World, build_world


@pytest.fixture
def world(app, factories) -> World:
    """Two schools, their people, a bank, an event, a started attempt, a pending roster."""
    return build_world(app, factories)
