"""The organizer's live monitor: a row per attempt as of now, and one attempt's records."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt, IntegrityEvent
from quiz.services import Forbidden, NotFound
from quiz.services.attempts.actions import extend, void
from quiz.services.attempts.answers import save_answer
from quiz.services.attempts.lifecycle import submit
from quiz.services.results.monitor import (
    audit_entries,
    get_attempt,
    integrity_log,
    monitor_rows,
    status_counts,
)
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin, right_answer

pytestmark = pytest.mark.db


@pytest.fixture
def contest(factories):
    """A contest of 广元中学's organizer (``teacher``) with a four-question paper."""
    return factories.contest(owner=factories.organizer("teacher"))


def rows_at(contest, now):
    return monitor_rows(contest, now=now, grace_seconds=GRACE)


def test_a_running_attempt_shows_progress_and_time_left(contest, factories):
    attempt = begin(contest, factories.student(display_name="王小明"))
    item = attempt.paper[0]
    save_answer(attempt, item["question_id"], now=NOW, grace_seconds=GRACE, **right_answer(item))
    [row] = rows_at(contest, NOW + timedelta(seconds=90))
    assert (row.student, row.organization, row.status) == (
        "王小明",
        "四川省/广元中学/高一(1)班",
        "in_progress",
    )
    assert (row.answered, row.questions, row.score) == (1, 4, item["points"])
    assert (row.seconds_left, row.time_used_ms) == (510, 90_000)


def test_an_overdue_attempt_shows_as_expired_without_writing(contest, factories):
    attempt = begin(contest, factories.student())
    [row] = rows_at(contest, attempt.deadline + timedelta(seconds=GRACE + 1))
    assert (row.status, row.seconds_left, row.time_used_ms) == ("expired", None, 600_000)
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).status == "in_progress"


def test_a_submitted_attempt_shows_the_time_it_took(contest, factories):
    attempt = begin(contest, factories.student())
    submit(attempt, now=NOW + timedelta(seconds=95), grace_seconds=GRACE)
    [row] = rows_at(contest, NOW + timedelta(hours=1))
    assert (row.status, row.time_used_ms, row.seconds_left) == ("submitted", 95_000, None)


def test_rows_are_newest_first_and_leave_out_previews(contest, factories):
    first = begin(contest, factories.student())
    second = begin(contest, factories.student(), now=NOW + timedelta(minutes=1))
    preview = begin(contest, factories.student(), now=NOW + timedelta(minutes=2))
    preview.is_preview = True
    db.session.commit()
    assert [r.attempt_id for r in rows_at(contest, NOW + timedelta(minutes=3))] == [
        second.id,
        first.id,
    ]


def test_an_empty_contest_has_no_rows(contest):
    assert rows_at(contest, NOW) == []


def test_a_row_in_json_has_utc_times(contest, factories):
    begin(contest, factories.student())
    data = rows_at(contest, NOW)[0].as_json()
    assert data["started_at"] == "2026-10-11T02:00:00Z"
    assert data["deadline"] == "2026-10-11T02:10:00Z"


def test_counts_name_all_four_statuses(contest, factories):
    begin(contest, factories.student())
    done = begin(contest, factories.student())
    submit(done, now=NOW, grace_seconds=GRACE)
    voided = begin(contest, factories.student())
    void(voided, actor=factories.admin(), now=NOW, reason="代答")
    counts = status_counts(rows_at(contest, NOW))
    assert counts == {"in_progress": 1, "submitted": 1, "expired": 0, "voided": 1}


def test_get_attempt_follows_the_contest_scope(contest, factories):
    attempt = begin(contest, factories.student())
    assert get_attempt(attempt.id, factories.organizer("colleague")) is attempt
    with pytest.raises(Forbidden):
        get_attempt(attempt.id, factories.organizer("rival", unit="四川省/成都七中"))


def test_missing_and_preview_attempts_are_not_found(contest, factories):
    preview = begin(contest, factories.student())
    preview.is_preview = True
    db.session.commit()
    admin = factories.admin()
    for attempt_id in (preview.id, 999_999):
        with pytest.raises(NotFound):
            get_attempt(attempt_id, admin)


def test_the_integrity_log_is_in_server_order(contest, factories):
    attempt = begin(contest, factories.student())
    later = IntegrityEvent(
        attempt_id=attempt.id, kind="visible", server_time=NOW + timedelta(seconds=40), away_ms=9000
    )
    earlier = IntegrityEvent(
        attempt_id=attempt.id, kind="hidden", server_time=NOW + timedelta(seconds=31)
    )
    db.session.add_all([later, earlier])
    db.session.commit()
    assert [e.kind for e in integrity_log(attempt)] == ["hidden", "visible"]


def test_audit_entries_are_the_actions_on_that_attempt(contest, factories):
    attempt = begin(contest, factories.student())
    other = begin(contest, factories.student())
    organizer = factories.organizer("proctor")
    extend(attempt, 300, actor=organizer, now=NOW)
    extend(other, 60, actor=organizer, now=NOW)
    void(attempt, actor=organizer, now=NOW, reason="代答")
    assert [e.action for e in audit_entries(attempt)] == ["attempt.extend", "attempt.void"]
