"""Board test fixtures: a contest without a bank, students in two schools."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Contest
from tests.boards.helpers import T0


@pytest.fixture
def contest(app):
    """A plain contest (created directly: boards don't need questions)."""
    row = Contest(
        title="校园日知识竞赛",
        themed_day="campus",
        opens_at=T0 - timedelta(minutes=1),
        closes_at=T0 + timedelta(hours=2),
    )
    db.session.add(row)
    db.session.commit()
    return row


@pytest.fixture
def school_a(factories):
    return factories.organization("四川省/广元中学/高一(1)班")


@pytest.fixture
def school_b(factories):
    return factories.organization("四川省/成都七中/高二(3)班")
