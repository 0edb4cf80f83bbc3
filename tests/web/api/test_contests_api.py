"""Contest list, join codes (with throttling) and access rules over the API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.services.contests.entry import SESSION_KEY

pytestmark = pytest.mark.db


def test_list_shows_state_times_and_attempts(factories, api, clock):
    running = factories.contest(title="校园日")
    later = factories.contest(title="电信日", now=clock.now + timedelta(days=1))
    factories.student("alice")
    api.login("alice")
    api.start(running.id)
    body = api.get("/contests").get_json()
    assert body["server_time"] == "2026-10-11T02:00:00Z"
    by_title = {c["title"]: c for c in body["contests"]}
    now_open, upcoming = by_title["校园日"], by_title["电信日"]
    assert now_open["id"] == running.id and now_open["themed_day"] == "campus"
    assert now_open["state"] == "open" and now_open["seconds_to_open"] == 0
    assert now_open["seconds_to_close"] == 7200 and now_open["closes_at"] == "2026-10-11T04:00:00Z"
    assert now_open["time_limit_seconds"] == 600 and now_open["question_count"] == 4
    assert now_open["requires_code"] is False and "join_code" not in now_open
    assert now_open["attempts"]["used"] == 1 and now_open["attempts"]["remaining"] == 0
    assert now_open["attempts"]["open_attempt_id"] is not None
    assert upcoming["id"] == later.id and upcoming["state"] == "upcoming"
    assert upcoming["seconds_to_open"] == 24 * 3600 - 60 and upcoming["attempts"]["used"] == 0


def test_restricted_contests_are_hidden_from_other_units(factories, api, clock):
    other = factories.organization("四川省/绵阳中学/高二(3)班")
    restricted = factories.contest(
        access="organizations", organization_ids=[other.id], owner=factories.admin("root")
    )
    factories.student("alice")  # in 广元中学
    api.login("alice")
    assert api.get("/contests").get_json()["contests"] == []
    response = api.start(restricted.id)
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "not_allowed"
    assert api.post(f"/contests/{restricted.id}/join", json={"code": "x"}).status_code == 403


def test_members_of_allowed_unit_may_enter(factories, api, clock):
    school = factories.organization("四川省/广元中学")
    contest = factories.contest(access="organizations", organization_ids=[school.id])
    factories.student("alice")  # a class inside that school
    api.login("alice")
    assert [c["id"] for c in api.get("/contests").get_json()["contests"]] == [contest.id]
    assert api.start(contest.id).status_code == 201


def test_join_code_flow(factories, api, client, clock):
    contest = factories.contest(access="code", join_code="ab12cd")
    factories.student("alice")
    api.login("alice")
    listed = api.get("/contests").get_json()["contests"][0]
    assert listed["requires_code"] is True
    locked = api.start(contest.id)
    assert locked.status_code == 403 and locked.get_json()["error"]["code"] == "requires_code"
    wrong = api.post(f"/contests/{contest.id}/join", json={"code": "nope"})
    assert wrong.status_code == 403
    assert wrong.get_json()["error"] == {"code": "wrong_code", "message": "参赛口令不正确。"}
    assert api.post(f"/contests/{contest.id}/join", json={}).status_code == 422
    ok = api.post(f"/contests/{contest.id}/join", json={"code": "ＡＢ12cd "})  # NFKC, any case
    assert ok.status_code == 200 and ok.get_json() == {"contest_id": contest.id, "entered": True}
    with client.session_transaction() as session:
        assert session[SESSION_KEY] == [contest.id]
    assert api.get("/contests").get_json()["contests"][0]["requires_code"] is False
    assert api.start(contest.id).status_code == 201


def test_join_is_throttled(factories, api, clock):
    contest = factories.contest(access="code", join_code="ab12cd")
    factories.student("alice")
    api.login("alice")
    codes = [
        api.post(f"/contests/{contest.id}/join", json={"code": "x"}).status_code for _ in range(21)
    ]
    assert codes[:20] == [403] * 20 and codes[20] == 429
    throttled = api.post(f"/contests/{contest.id}/join", json={"code": "ab12cd"})
    assert throttled.status_code == 429 and "error" in throttled.get_json()
    clock.shift(minutes=2)
    assert api.post(f"/contests/{contest.id}/join", json={"code": "ab12cd"}).status_code == 200


def test_joining_an_open_contest_needs_no_code(factories, api, clock):
    contest = factories.contest()
    factories.student("alice")
    api.login("alice")
    response = api.post(f"/contests/{contest.id}/join", json={})
    assert response.status_code == 200


def test_password_change_required_blocks_the_api(factories, api, clock):
    contest = factories.contest()
    factories.student("newbie", must_change_password=True)
    api.login("newbie")
    response = api.start(contest.id)
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "password_change_required"
