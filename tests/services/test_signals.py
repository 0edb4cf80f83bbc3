"""The attempt-ended signals: one inside the finishing transaction, one after its commit."""

from __future__ import annotations

import pytest

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services.attempts.actions import void
from quiz.services.attempts.lifecycle import finish, submit
from quiz.services.signals import attempt_ended, attempt_ending
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin

pytestmark = pytest.mark.db


@pytest.fixture
def heard(app):
    """(signal name, attempt id, its status as another session sees it) for every signal."""
    log = []

    def committed_status(attempt) -> str:
        with app.app_context():  # a second session: sees only what is committed
            return db.session.get(Attempt, attempt.id).status

    def on_ending(attempt):
        log.append(("ending", attempt.id, committed_status(attempt)))

    def on_ended(attempt):
        log.append(("ended", attempt.id, committed_status(attempt)))

    with attempt_ending.connected_to(on_ending), attempt_ended.connected_to(on_ended):
        yield log


def test_a_submission_is_announced_before_and_after_its_commit(factories, heard):
    attempt = begin(factories.contest(), factories.student())
    submit(attempt, now=NOW, grace_seconds=GRACE)
    assert heard == [
        ("ending", attempt.id, "in_progress"),
        ("ended", attempt.id, "submitted"),
    ]


def test_the_sender_is_the_finished_attempt(factories):
    attempt = begin(factories.contest(), factories.student())
    senders = []
    with attempt_ending.connected_to(lambda sender: senders.append((sender, sender.status))):
        finish(attempt, now=NOW, status="expired")
    assert senders == [(attempt, "expired")]


def test_a_void_is_announced_too(factories, heard):
    attempt = begin(factories.contest(), factories.student())
    void(attempt, actor=factories.admin(), now=NOW, reason="代答")
    assert heard == [("ending", attempt.id, "in_progress"), ("ended", attempt.id, "voided")]


def test_finishing_twice_announces_once(factories, heard):
    attempt = begin(factories.contest(), factories.student())
    submit(attempt, now=NOW, grace_seconds=GRACE)
    submit(attempt, now=NOW, grace_seconds=GRACE)
    assert [name for name, *_ in heard] == ["ending", "ended"]


def test_a_failing_receiver_rolls_the_attempt_back(factories):
    """Inside the transaction: if the board write fails, the attempt does not end either."""
    attempt = begin(factories.contest(), factories.student())

    def broken(_attempt):
        raise RuntimeError("board write failed")

    with attempt_ending.connected_to(broken), pytest.raises(RuntimeError):
        submit(attempt, now=NOW, grace_seconds=GRACE)
    db.session.rollback()
    assert db.session.get(Attempt, attempt.id).status == "in_progress"
