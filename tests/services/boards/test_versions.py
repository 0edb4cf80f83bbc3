"""Board version counters: bumped whenever a board's rows can have changed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import BoardVersion, Event
from quiz.services.boards.versions import bump, bump_versions, current_version
from tests.helpers.boards import attempt

pytestmark = pytest.mark.db


def versions(scope: str) -> tuple[int, int]:
    """The (version, void_version) pair stored for ``scope``; (0, 0) before the first bump."""
    db.session.expire_all()
    row = db.session.get(BoardVersion, scope)
    return (row.version, row.void_version) if row else (0, 0)


def test_an_unknown_scope_is_at_version_zero(app):
    assert versions("c:999") == (0, 0)


def test_the_first_bump_creates_the_counter(app):
    bump("c:1")
    assert versions("c:1") == (1, 0)


def test_later_bumps_count_up_and_a_void_bumps_both(app):
    bump("c:1")
    bump("c:1")
    bump("c:1", void=True)
    assert versions("c:1") == (3, 1)
    bump("c:2", void=True)
    assert versions("c:2") == (1, 1)


def test_a_bump_is_part_of_the_callers_transaction(app):
    bump("c:1")
    db.session.rollback()
    assert versions("c:1") == (0, 0)


def test_a_contest_of_an_event_bumps_the_event_too(contest):
    event = Event(title="网安周", start_date="2026-10-11")
    db.session.add(event)
    db.session.flush()
    contest.event_id = event.id
    bump_versions(contest)
    assert versions(f"c:{contest.id}") == (1, 0) and versions(f"e:{event.id}") == (1, 0)


def test_a_standalone_contest_bumps_only_itself(contest):
    bump_versions(contest, void=True)
    assert versions(f"c:{contest.id}") == (1, 1)
    assert db.session.scalars(select(BoardVersion.scope)).all() == [f"c:{contest.id}"]


def test_finishing_an_attempt_bumps_its_board(contest, factories):
    before = versions(f"c:{contest.id}")
    attempt(contest, factories.student(), score=10)
    assert versions(f"c:{contest.id}")[0] == before[0] + 1


def test_bump_returns_the_new_version_and_current_version_reads_it(app):
    """The Redis mirror orders its updates by the version each bump hands out."""
    assert current_version("c:5") == 0
    assert bump("c:5") == 1 and bump("c:5") == 2
    db.session.commit()
    assert current_version("c:5") == 2
