"""The student's catalog: which contests they see, locked or not, with their attempts."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest

from quiz.extensions import db
from quiz.models import Contest
from quiz.services.attempts.actions import void
from quiz.services.attempts.catalog import (
    CLOSED_SHOWN,
    ContestCard,
    catalog,
    contest_card,
    contest_list,
)
from quiz.services.attempts.lifecycle import submit
from quiz.services.contests.entry import SESSION_KEY
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin


def tried(number, score, used_s, status="submitted"):
    start = NOW + timedelta(minutes=number)
    finished = None if status == "in_progress" else start + timedelta(seconds=used_s)
    return SimpleNamespace(
        number=number,
        score=score,
        status=status,
        started_at=start,
        finished_at=finished,
        deadline=start + timedelta(minutes=10),
    )


def card(*attempts, counting="best", allowed=3, state="open", locked=False) -> ContestCard:
    contest = SimpleNamespace(counting=counting, attempts_allowed=allowed)
    return ContestCard(contest, state, locked, list(attempts))  # attempts newest first


@pytest.mark.parametrize(("counting", "score"), [("best", 30), ("first", 20), ("last", 10)])
def test_the_counted_score_follows_the_rule(counting, score):
    attempts = (tried(3, 10, 60), tried(2, 30, 90), tried(1, 20, 30))
    assert card(*attempts, counting=counting).counted_score == score


def test_an_open_attempt_has_no_counted_score_yet():
    assert card(tried(1, 40, 0, status="in_progress")).counted_score is None


def test_attempts_left_never_go_below_zero():
    assert card(tried(2, 1, 1), tried(1, 1, 1), allowed=1).attempts_left == 0


@pytest.mark.parametrize(
    ("kwargs", "attempts", "can_start"),
    [
        ({}, (), True),
        ({"allowed": 1}, (tried(1, 10, 60),), False),  # no try left
        ({"allowed": 1}, (tried(1, 0, 0, status="in_progress"),), True),  # resume
        ({"locked": True}, (), False),
        ({"state": "upcoming"}, (), False),
        ({"state": "closed"}, (), False),
    ],
)
def test_can_start(kwargs, attempts, can_start):
    assert card(*attempts, **kwargs).can_start is can_start


def plain_contest(title: str, *, opens, closes, **values) -> Contest:
    """A contest row without a bank (the catalog never draws a paper)."""
    row = Contest(title=title, themed_day="campus", opens_at=opens, closes_at=closes, **values)
    db.session.add(row)
    db.session.commit()
    return row


@pytest.mark.db
def test_cards_follow_the_clock_in_opening_order(factories):
    student = factories.student()
    later = plain_contest("明天", opens=NOW + timedelta(days=1), closes=NOW + timedelta(days=2))
    past = plain_contest("昨天", opens=NOW - timedelta(days=1), closes=NOW - timedelta(hours=1))
    now_open = plain_contest(
        "今天", opens=NOW - timedelta(hours=1), closes=NOW + timedelta(hours=1)
    )
    cards = catalog(student, {}, now=NOW, grace_seconds=GRACE)
    assert [(c.contest.id, c.state) for c in cards] == [
        (past.id, "closed"),
        (now_open.id, "open"),
        (later.id, "upcoming"),
    ]


@pytest.mark.db
def test_contests_of_other_units_are_hidden(factories):
    student = factories.student()  # 四川省/广元中学/高一(1)班
    other = factories.organization("四川省/成都七中")
    admin = factories.admin()
    hidden = factories.contest(access="organizations", organization_ids=[other.id], owner=admin)
    assert catalog(student, {}, now=NOW, grace_seconds=GRACE) == []
    assert contest_card(hidden, student, {}, now=NOW, grace_seconds=GRACE) is None


@pytest.mark.db
def test_a_code_contest_is_listed_locked_until_entered(factories):
    student = factories.student()
    contest = factories.contest(access="code", join_code="AB12CD")
    [locked] = catalog(student, {}, now=NOW, grace_seconds=GRACE)
    assert locked.locked and not locked.can_start
    unlocked = contest_card(
        contest, student, {SESSION_KEY: [contest.id]}, now=NOW, grace_seconds=GRACE
    )
    assert not unlocked.locked and unlocked.can_start


@pytest.mark.db
def test_a_card_holds_the_students_own_attempts_newest_first_voided_left_out(factories):
    student, other = factories.student(), factories.student()
    contest = factories.contest(attempts_allowed=3)
    voided = begin(contest, student)
    void(voided, actor=factories.admin(), now=NOW, reason="测试")
    first = begin(contest, student)
    submit(first, now=NOW, grace_seconds=GRACE)
    second = begin(contest, student, now=NOW + timedelta(minutes=1))
    begin(contest, other)
    found = contest_card(contest, student, {}, now=NOW, grace_seconds=GRACE)
    assert [a.id for a in found.attempts] == [second.id, first.id]
    assert found.open_attempt.id == second.id and found.attempts_left == 1


@pytest.mark.db
def test_reading_the_catalog_records_an_overdue_attempt_as_expired(factories):
    student = factories.student()
    contest = factories.contest()
    attempt = begin(contest, student)
    after = attempt.deadline + timedelta(seconds=GRACE + 1)
    [found] = catalog(student, {}, now=after, grace_seconds=GRACE)
    assert found.open_attempt is None and found.attempts[0].status == "expired"
    db.session.expire_all()
    assert attempt.status == "expired" and attempt.finished_at == attempt.deadline


@pytest.mark.db
def test_the_list_sorts_open_contests_by_closing_time(factories):
    student = factories.student()
    late = plain_contest("晚关", opens=NOW - timedelta(hours=2), closes=NOW + timedelta(hours=5))
    soon = plain_contest("早关", opens=NOW - timedelta(hours=1), closes=NOW + timedelta(hours=1))
    sections = contest_list(student, {}, now=NOW, grace_seconds=GRACE)
    assert [c.contest.id for c in sections["open"]] == [soon.id, late.id]
    assert sections["upcoming"] == [] and sections["closed"] == []


@pytest.mark.db
def test_the_list_keeps_only_the_most_recent_closed_contests(factories):
    student = factories.student()
    closed = [
        plain_contest(f"第{n}场", opens=NOW - timedelta(days=n + 1), closes=NOW - timedelta(days=n))
        for n in range(CLOSED_SHOWN + 1)
    ]
    shown = contest_list(student, {}, now=NOW, grace_seconds=GRACE)["closed"]
    assert [c.contest.id for c in shown] == [c.id for c in closed[:CLOSED_SHOWN]]
