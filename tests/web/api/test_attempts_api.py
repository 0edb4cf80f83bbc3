"""The attempt lifecycle over HTTP: start, resume, answer at the deadline, submit, extend."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services import attempts as service
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE
from tests.helpers.attempts import right_answer, stored, wrong_answer

pytestmark = pytest.mark.db


@pytest.fixture
def setup(factories, api, clock):
    contest = factories.contest()
    factories.student("alice")
    api.login("alice")
    return contest


def test_start_returns_paper_without_key(setup, api, clock):
    response = api.start(setup.id)
    assert response.status_code == 201
    body = response.get_json()
    assert body["contest_id"] == setup.id and body["status"] == "in_progress"
    assert (
        body["deadline"] == "2026-10-11T02:10:00Z" and body["server_time"] == "2026-10-11T02:00:00Z"
    )
    assert body["time_limit_seconds"] == 600 and body["answers"] == {}
    assert len(body["questions"]) == 4
    for question in body["questions"]:
        assert set(question) == {"id", "type", "stem", "options", "points"}
    paper = stored(body["id"]).paper
    assert [q["id"] for q in body["questions"]] == [item["question_id"] for item in paper]
    assert [q["options"] for q in body["questions"]] == [
        item["options"] if item["type"] != "fill_blank" else [] for item in paper
    ]


def test_resume_after_reload_returns_same_paper_answers_and_deadline(setup, api, clock):
    first = api.start(setup.id).get_json()
    item = stored(first["id"]).paper[0]
    assert api.answer(first["id"], item["question_id"], **right_answer(item)).status_code == 200
    clock.shift(minutes=3)
    again = api.start(setup.id)
    assert again.status_code == 200
    body = again.get_json()
    assert body["id"] == first["id"] and body["deadline"] == first["deadline"]
    assert body["questions"] == first["questions"]
    assert list(body["answers"]) == [str(item["question_id"])]
    assert body["answers"][str(item["question_id"])]["saved_at"] == "2026-10-11T02:00:00Z"
    assert body["seconds_left"] == 420
    assert api.get(f"/attempts/{first['id']}").get_json()["questions"] == first["questions"]


def test_double_start_makes_one_attempt(setup, api, clock):
    a = api.start(setup.id)
    b = api.start(setup.id)
    assert (a.status_code, b.status_code) == (201, 200)
    assert a.get_json()["id"] == b.get_json()["id"]
    assert db.session.execute(select(func.count()).select_from(Attempt)).scalar_one() == 1


def test_database_allows_one_open_attempt_per_student(setup, api, clock):
    attempt = stored(api.start(setup.id).get_json()["id"])
    db.session.add(
        Attempt(
            contest_id=attempt.contest_id,
            user_id=attempt.user_id,
            number=2,
            seed=1,
            status="in_progress",
            started_at=attempt.started_at,
            deadline=attempt.deadline,
            paper=[],
        )
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_answer_just_before_and_just_after_deadline_plus_grace(setup, api, clock):
    body = api.start(setup.id).get_json()
    paper = stored(body["id"]).paper
    first, second = paper[0], paper[1]
    assert api.answer(body["id"], first["question_id"], **right_answer(first)).status_code == 200
    deadline = stored(body["id"]).deadline
    clock.move_to(deadline + timedelta(seconds=GRACE))  # the last accepted instant
    ok = api.answer(body["id"], second["question_id"], **right_answer(second))
    assert ok.status_code == 200 and ok.get_json()["answered"] == 2
    clock.move_to(deadline + timedelta(seconds=GRACE, milliseconds=1))
    late = api.answer(body["id"], first["question_id"], **wrong_answer(first))
    assert late.status_code == 409
    assert late.get_json()["error"]["code"] == "deadline_passed"
    attempt = stored(body["id"])
    assert attempt.status == "expired" and attempt.finished_at == deadline
    saved = {a.question_id: a for a in attempt.answers}
    assert set(saved) == {first["question_id"], second["question_id"]}
    assert saved[first["question_id"]].is_correct  # the late wrong answer did not replace it
    assert attempt.score == 20


def test_late_answer_to_new_question_is_not_stored(setup, api, clock):
    body = api.start(setup.id).get_json()
    item = stored(body["id"]).paper[2]
    clock.shift(seconds=600 + GRACE + 1)
    assert api.answer(body["id"], item["question_id"], **right_answer(item)).status_code == 409
    assert stored(body["id"]).answers == []


def test_double_submit_returns_same_result(setup, api, clock):
    body = api.start(setup.id).get_json()
    for item in stored(body["id"]).paper[:3]:
        api.answer(body["id"], item["question_id"], **right_answer(item))
    clock.shift(seconds=95)
    first = api.submit(body["id"])
    clock.shift(minutes=2)
    second = api.submit(body["id"])
    assert first.status_code == second.status_code == 200
    assert (
        first.get_json()
        == second.get_json()
        == {
            "score": 30.0,
            "max_score": 40.0,
            "rank": 1,
            "time_used_ms": 95_000,
            "status": "submitted",
        }
    )
    item = stored(body["id"]).paper[3]
    after = api.answer(body["id"], item["question_id"], **right_answer(item))
    assert after.status_code == 409 and after.get_json()["error"]["code"] == "attempt_finished"
    assert api.submit(body["id"]).get_json()["score"] == 30.0


def test_submit_after_deadline_records_expired_attempt(setup, api, clock):
    body = api.start(setup.id).get_json()
    item = stored(body["id"]).paper[0]
    api.answer(body["id"], item["question_id"], **right_answer(item))
    clock.shift(minutes=30)
    result = api.submit(body["id"]).get_json()
    assert result["status"] == "expired" and result["score"] == 10
    assert result["time_used_ms"] == 600_000


def test_get_persists_expiry_of_overdue_attempt(setup, api, clock):
    body = api.start(setup.id).get_json()
    clock.shift(seconds=600 + GRACE + 1)
    assert stored(body["id"]).status == "in_progress"
    state = api.get(f"/attempts/{body['id']}").get_json()
    assert state["status"] == "expired" and state["seconds_left"] == 0
    assert stored(body["id"]).status == "expired"


def test_contest_list_persists_expiry_too(setup, api, clock):
    body = api.start(setup.id).get_json()
    clock.shift(minutes=20)
    listed = api.get("/contests").get_json()["contests"][0]
    assert listed["attempts"]["open_attempt_id"] is None
    assert listed["attempts"]["finished"] == 1 and stored(body["id"]).status == "expired"


def test_extension_accepts_answers_after_original_deadline(setup, api, clock, factories):
    body = api.start(setup.id).get_json()
    attempt = stored(body["id"])
    original = attempt.deadline
    service.extend(attempt, 120, actor=factories.organizer("proctor"), now=clock.now)
    clock.move_to(original + timedelta(seconds=60))
    item = attempt.paper[0]
    assert api.answer(body["id"], item["question_id"], **right_answer(item)).status_code == 200
    state = api.get(f"/attempts/{body['id']}").get_json()
    assert state["deadline"] == "2026-10-11T02:12:00Z" and state["extension_seconds"] == 120
    assert state["status"] == "in_progress"


def test_paper_is_reproducible_from_seed(setup, api, clock):
    body = api.start(setup.id).get_json()
    attempt = stored(body["id"])
    assert build_paper(setup, attempt.seed) == attempt.paper


def test_no_attempts_left_and_not_open(setup, api, clock):
    body = api.start(setup.id).get_json()
    api.submit(body["id"])
    again = api.start(setup.id)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "no_attempts_left"
    clock.shift(hours=3)
    closed = api.start(setup.id)
    assert closed.status_code == 409 and closed.get_json()["error"]["code"] == "contest_not_open"


def test_upcoming_contest_is_not_open(factories, api, clock):
    contest = factories.contest(now=clock.now + timedelta(hours=1))
    factories.student("bob")
    api.login("bob")
    response = api.start(contest.id)
    assert response.status_code == 409
    assert response.get_json()["error"]["message"] == "比赛当前未开放。"


def test_second_attempt_when_allowed(factories, api, clock):
    contest = factories.contest(attempts_allowed=2)
    factories.student("carol")
    api.login("carol")
    first = api.start(contest.id).get_json()
    api.submit(first["id"])
    second = api.start(contest.id)
    assert second.status_code == 201 and second.get_json()["number"] == 2
