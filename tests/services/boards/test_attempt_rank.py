"""The rank after an attempt is the student's place on the contest board (frozen: None)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.pages import attempt_rank
from quiz.services.boards.standings import rebuild_standings
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


@pytest.fixture
def contest(factories):
    return factories.contest(now=NOW)


def current_rank(contest, attempt, now, grace):
    rebuild_standings(contest)  # rows here are inserted directly, not through finish()
    return attempt_rank(attempt, now=now, grace=grace, cache=BoardCache(8))


def add(contest, user, score, used_s, *, status="submitted", start=NOW, preview=False, number=1):
    attempt = Attempt(
        contest_id=contest.id,
        user_id=user.id,
        number=number,
        seed=1,
        status=status,
        started_at=start,
        deadline=start + timedelta(minutes=10),
        finished_at=None if status == "in_progress" else start + timedelta(seconds=used_s),
        score=score,
        max_score=40,
        paper=[],
        is_preview=preview,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def test_rank_among_other_students(contest, factories):
    now = NOW + timedelta(hours=1)
    me = add(contest, factories.student(), 30, 100)
    add(contest, factories.student(), 40, 500)  # higher score
    add(contest, factories.student(), 30, 90)  # same score, faster
    add(contest, factories.student(), 30, 100, start=NOW - timedelta(seconds=5))  # earlier
    add(contest, factories.student(), 30, 120)  # slower: behind
    add(contest, factories.student(), 20, 10)  # lower
    add(contest, factories.student(), 40, 10, status="voided")
    add(
        contest, factories.student(), 40, 10, status="in_progress", start=now - timedelta(minutes=1)
    )
    add(contest, factories.student(), 40, 10, preview=True)
    add(contest, factories.student(is_test_account=True), 40, 10)
    assert current_rank(contest, me, now, GRACE) == 4


def test_overdue_open_attempts_count_as_finished(contest, factories):
    me = add(contest, factories.student(), 10, 100)
    add(contest, factories.student(), 20, 0, status="in_progress")
    assert current_rank(contest, me, NOW + timedelta(minutes=5), GRACE) == 1
    assert current_rank(contest, me, NOW + timedelta(minutes=11), GRACE) == 2


def test_student_counted_once_and_own_attempts_ignored(contest, factories):
    me = factories.student()
    mine = add(contest, me, 20, 100)
    add(contest, me, 40, 100, number=2)
    rival = factories.student()
    add(contest, rival, 40, 50)
    add(contest, rival, 20, 50, number=2)  # beats mine on time too, but rival counts once
    assert current_rank(contest, mine, NOW + timedelta(hours=1), GRACE) == 2


def test_frozen_board_hides_rank(contest, factories):
    me = add(contest, factories.student(), 10, 100)
    contest.freeze_at = NOW + timedelta(minutes=30)
    db.session.commit()
    assert current_rank(contest, me, NOW + timedelta(minutes=29), GRACE) == 1
    assert current_rank(contest, me, NOW + timedelta(minutes=30), GRACE) is None
