"""Focus events: losses counted once per switch, time away added, auto-submit at the limit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import IntegrityEvent
from tests.helpers.attempts import stored

pytestmark = pytest.mark.db


def _event(api, attempt_id, kind, **extra):
    return api.post(f"/attempts/{attempt_id}/events", json={"kind": kind, **extra})


@pytest.fixture
def attempt_id(factories, api, clock):
    contest = factories.contest(auto_submit_after_switches=3)
    factories.student("alice")
    api.login("alice")
    return api.start(contest.id).get_json()["id"]


def test_hidden_and_blur_pair_counts_once(attempt_id, api, clock):
    clock.shift(seconds=30)
    first = _event(api, attempt_id, "hidden", client_time="2026-10-11T10:00:30+08:00").get_json()
    clock.shift(milliseconds=400)
    second = _event(api, attempt_id, "blur").get_json()
    assert first["focus_losses"] == second["focus_losses"] == 1
    assert (first["counted"], second["counted"]) == (True, False)
    clock.shift(seconds=5)
    back = _event(api, attempt_id, "visible", away_ms=5400).get_json()
    again = _event(api, attempt_id, "focus", away_ms=5400).get_json()
    assert back["focus_away_ms"] == again["focus_away_ms"] == 5400
    events = db.session.execute(db.select(IntegrityEvent)).scalars().all()
    assert [e.kind for e in events] == ["hidden", "blur", "visible", "focus"]
    assert events[0].client_time.isoformat() == "2026-10-11T02:00:30"
    assert stored(attempt_id).focus_losses == 1


def test_away_time_cannot_exceed_elapsed_time(attempt_id, api, clock):
    clock.shift(seconds=10)
    _event(api, attempt_id, "hidden")
    body = _event(api, attempt_id, "visible", away_ms=10**9).get_json()
    assert body["focus_away_ms"] == 10_000


def test_reaching_the_limit_auto_submits(attempt_id, api, clock):
    for _ in range(2):
        clock.shift(seconds=10)
        assert _event(api, attempt_id, "blur").get_json()["auto_submitted"] is False
        clock.shift(seconds=2)
        _event(api, attempt_id, "focus", away_ms=2000)
    clock.shift(seconds=10)
    body = _event(api, attempt_id, "hidden").get_json()
    assert body["auto_submitted"] is True and body["focus_losses"] == 3
    assert body["status"] == "submitted" and body["score"] == 0 and body["rank"] == 1
    assert stored(attempt_id).status == "submitted"
    late = _event(api, attempt_id, "visible", away_ms=1)
    assert late.status_code == 409 and late.get_json()["error"]["code"] == "attempt_finished"


def test_events_after_deadline_are_refused(attempt_id, api, clock):
    clock.shift(minutes=11)
    response = _event(api, attempt_id, "hidden")
    assert response.status_code == 409
    assert stored(attempt_id).status == "expired"


def test_no_auto_submit_when_off(factories, api, clock):
    contest = factories.contest()
    factories.student("bob")
    api.login("bob")
    attempt_id = api.start(contest.id).get_json()["id"]
    for _ in range(5):
        clock.shift(seconds=5)
        _event(api, attempt_id, "hidden")
        clock.shift(seconds=1, milliseconds=1)
        _event(api, attempt_id, "visible", away_ms=1001)
    assert stored(attempt_id).focus_losses == 5
    assert stored(attempt_id).status == "in_progress"
    assert stored(attempt_id).focus_away_ms == 5005
    clock.shift(seconds=1)
    assert stored(attempt_id).deadline > clock.now + timedelta(minutes=5)
