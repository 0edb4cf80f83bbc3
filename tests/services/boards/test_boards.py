"""Contest, day and week boards from the standings tables (SQL path)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt, Standing
from quiz.services import attempts as attempt_service
from quiz.services.boards.entries import contest_entries_from_attempts
from quiz.services.boards.ranking import ranked
from quiz.services.boards.refs import BoardRef, Viewer
from quiz.services.boards.sources import MemorySource, SqlSource, assemble_page
from quiz.services.boards.standings import rebuild_standings
from tests.clock import GRACE
from tests.helpers.boards import LATER, attempt, event_with, ranks, read

pytestmark = pytest.mark.db


def test_shared_ranks_on_a_contest_board(factories, contest):
    names = ["甲一一", "乙二二", "丙三三", "丁四四"]
    users = [factories.student(display_name=n) for n in names]
    start = contest.opens_at + timedelta(seconds=30)
    attempt(contest, users[0], score=40, used=300, start=start)
    attempt(contest, users[1], score=30, used=100, start=start)
    attempt(contest, users[2], score=30, used=100, start=start)
    attempt(contest, users[3], score=30, used=200, start=start)
    page = read(BoardRef("contest", contest_id=contest.id))
    assert [r for r, _n, _s in ranks(page)] == [1, 2, 2, 4]
    assert page.total == 4
    assert "用时少者在前" in page.rule


@pytest.mark.parametrize(("counting", "expected"), [("best", 40), ("first", 20), ("last", 30)])
def test_counted_attempt_follows_the_contest_rule(factories, contest, counting, expected):
    contest.counting, contest.attempts_allowed = counting, 3
    db.session.commit()
    student = factories.student()
    for score in (20, 40, 30):
        attempt(contest, student, score=score)
    assert read(BoardRef("contest", contest_id=contest.id)).rows[0]["score"] == expected


def test_expired_by_time_counts_without_writing(factories, contest):
    student = factories.student()
    row = attempt(contest, student, score=25, status="in_progress")
    ref = BoardRef("contest", contest_id=contest.id)
    assert read(ref, now=row.deadline).total == 0  # within the grace period: still open
    page = read(ref, now=row.deadline + timedelta(seconds=GRACE + 1))
    assert page.rows[0]["score"] == 25
    assert page.rows[0]["time_used_ms"] == contest.time_limit_seconds * 1000
    db.session.expire_all()
    assert db.session.get(Attempt, row.id).status == "in_progress"
    assert db.session.get(Standing, (contest.id, student.id)) is None


def test_overdue_attempt_is_merged_with_earlier_tries(factories, contest):
    contest.counting, contest.attempts_allowed = "best", 2
    db.session.commit()
    student, other = factories.student(), factories.student()
    attempt(contest, student, score=10)
    attempt(contest, other, score=20)
    attempt(contest, student, score=35, status="in_progress")
    page = read(BoardRef("contest", contest_id=contest.id), Viewer(user_id=student.id))
    assert [row["score"] for row in page.rows] == [35, 20]
    assert page.total == 2 and page.me["rank"] == 1


def test_voided_test_and_preview_attempts_never_appear(factories, contest):
    real, tester, previewer = factories.student(), factories.student(), factories.student()
    tester.is_test_account = True
    db.session.commit()
    voided = attempt(contest, real, score=40)
    attempt(contest, tester, score=40)
    attempt(contest, previewer, score=40, preview=True)
    admin = factories.admin()
    attempt_service.void(voided, actor=admin, now=LATER)
    assert read(BoardRef("contest", contest_id=contest.id)).total == 0
    attempt(contest, real, score=10)  # the freed try counts
    assert read(BoardRef("contest", contest_id=contest.id)).rows[0]["score"] == 10


def test_day_board_takes_the_best_of_the_days_contests(factories):
    event, contests = event_with(["campus"], per_day=2)
    student = factories.student()
    attempt(contests[0], student, score=20)
    attempt(contests[1], student, score=30, used=500)
    page = read(BoardRef("day", event_id=event.id, day="campus"))
    assert page.total == 1 and page.rows[0]["score"] == 30
    assert page.rows[0]["time_used_ms"] == 500_000


def test_week_sums_days_with_missing_days_as_zero(factories):
    event, contests = event_with(["campus", "law", "finance"])
    a, b = factories.student(display_name="王大明"), factories.student(display_name="李小红")
    attempt(contests[0], a, score=30)
    attempt(contests[1], a, score=20)
    attempt(contests[2], b, score=45)
    page = read(BoardRef("week", event_id=event.id))
    assert [(row["score"], row["days"]["finance"], row["days"]["law"]) for row in page.rows] == [
        (50, 0, 20),
        (45, 45, 0),
    ]
    assert set(page.rows[0]["days"]) == {"campus", "telecom", "law", "finance", "youth", "privacy"}
    assert "计 0 分" in page.rule


def test_week_board_merges_overdue_attempts(factories):
    event, contests = event_with(["campus", "law"])
    a, b = factories.student(), factories.student()
    attempt(contests[0], a, score=30)
    attempt(contests[0], b, score=35)
    attempt(contests[1], a, score=10, status="in_progress")
    page = read(BoardRef("week", event_id=event.id), Viewer(user_id=a.id))
    assert [row["score"] for row in page.rows] == [40, 35]
    assert page.me["days"]["law"] == 10


def test_me_row_far_from_the_top_and_pagination(factories, contest):
    users = [factories.student() for _ in range(12)]
    for i, user in enumerate(users):
        attempt(contest, user, score=100 - i)
    ref = BoardRef("contest", contest_id=contest.id)
    page = read(ref, Viewer(user_id=users[-1].id), offset=5, limit=3)
    assert [row["rank"] for row in page.rows] == [6, 7, 8]
    assert page.me["rank"] == 12 and page.me["is_me"]
    assert page.total == 12


def test_pages_with_overdue_rows_match_the_reference(factories, contest):
    """The merged page (standings + unwritten overdue attempts) equals a full recomputation."""
    rng = random.Random(7)
    users = [factories.student() for _ in range(30)]
    start = contest.opens_at + timedelta(seconds=30)
    for user in users:
        status = "in_progress" if rng.random() < 0.3 else "submitted"
        attempt(contest, user, score=rng.choice([10, 20, 30]), used=rng.choice([60, 90]),
                start=start, status=status)  # fmt: skip
    reference = ranked(
        contest_entries_from_attempts(contest, now=LATER, grace_seconds=GRACE).values()
    )
    ref = BoardRef("contest", contest_id=contest.id)
    for offset, limit in [(0, 7), (5, 7), (12, 9), (25, 10), (29, 50)]:
        page = read(ref, offset=offset, limit=limit, now=LATER)
        expected = reference[offset : offset + limit]
        assert [row["rank"] for row in page.rows] == [r for r, _e in expected]
        assert [row["score"] for row in page.rows] == [e.score for _r, e in expected]


def test_rebuild_gives_the_same_standings(factories, contest):
    users = [factories.student() for _ in range(5)]
    for i, user in enumerate(users):
        attempt(contest, user, score=10 * i)
    before = read(BoardRef("contest", contest_id=contest.id)).rows
    assert rebuild_standings(contest) == 5
    assert read(BoardRef("contest", contest_id=contest.id)).rows == before


def test_assemble_page_agrees_between_sources(factories, contest):
    users = [factories.student() for _ in range(8)]
    for i, user in enumerate(users):
        attempt(contest, user, score=10 * (i % 3))
    sql = SqlSource(Standing, contest_id=contest.id)
    memory = MemorySource(sql.all())
    for offset in range(0, 8, 3):
        assert assemble_page(sql, {}, offset, 3) == assemble_page(memory, {}, offset, 3)
