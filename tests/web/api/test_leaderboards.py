"""Board API and pages: JSON shape, validation, ETag/304, cache isolation, freeze form."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from quiz.extensions import db
from tests.clock import NOW
from tests.helpers.boards import LATER, attempt, event_with

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def later(clock):
    """Every request runs an hour into the contest."""
    clock.move_to(LATER)


@pytest.fixture
def scene(factories, contest):
    organizer = factories.organizer()
    contest.organization_id = organizer.organization_id
    db.session.commit()
    alice = factories.student("alice", display_name="王小明")
    bob = factories.student("bob", display_name="李四海", organization="四川省/成都七中/高二(3)班")
    attempt(contest, alice, score=30)
    attempt(contest, bob, score=20)
    return contest, organizer, alice, bob


def url(contest, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/api/v1/contests/{contest.id}/leaderboard" + (f"?{params}" if params else "")


def test_contest_board_json(client, scene):
    contest, *_ = scene
    response = client.get(url(contest))
    assert response.status_code == 200
    body = response.get_json()
    assert [(r["rank"], r["name"], r["score"]) for r in body["rows"]] == [
        (1, "王*明", 30.0),
        (2, "李*海", 20.0),
    ]
    assert body["me"] is None and body["frozen"] is False and body["total"] == 2
    assert "得分高者在前" in body["rule"]
    assert response.headers["ETag"] and "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 201}, {"limit": "x"}, {"offset": -1}])
def test_bad_paging_is_a_422_json_error(client, scene, query):
    response = client.get(url(scene[0], **query))
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "bad_parameter"


def test_unknown_board_is_404_json(client, app):
    response = client.get("/api/v1/contests/999/leaderboard")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/events/999/leaderboard").status_code == 404


def test_etag_gives_304_until_the_board_changes(client, scene, factories):
    contest, *_ = scene
    first = client.get(url(contest))
    etag = first.headers["ETag"]
    again = client.get(url(contest), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["ETag"] == etag
    attempt(contest, factories.student(), score=40)
    changed = client.get(url(contest), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["rows"][0]["score"] == 40


def test_etag_changes_when_an_attempt_runs_out(client, scene, factories, clock):
    contest, *_ = scene
    row = attempt(contest, factories.student(), score=35, status="in_progress", start=LATER)
    etag = client.get(url(contest)).headers["ETag"]
    clock.move_to((row.deadline + timedelta(seconds=4)).replace(tzinfo=UTC))
    response = client.get(url(contest), headers={"If-None-Match": etag})
    assert response.status_code == 200 and response.get_json()["rows"][0]["score"] == 35


def test_cache_is_isolated_between_users_roles_and_contests(client, auth, scene, factories):
    contest, organizer, alice, bob = scene
    first = client.get(url(contest))
    anonymous = first.get_json()
    auth.login("alice")
    as_alice = client.get(url(contest), headers={"If-None-Match": first.headers["ETag"]})
    assert as_alice.status_code == 200  # the ETag differs per viewer: no 304 across users
    body = as_alice.get_json()
    assert body["me"]["name"] == "王小明" and body["rows"][1]["name"] == "李*海"
    auth.logout()
    auth.login("bob")
    body = client.get(url(contest)).get_json()
    assert body["me"]["name"] == "李四海" and body["rows"][0]["name"] == "王*明"
    auth.logout()
    auth.login(organizer.username)
    body = client.get(url(contest)).get_json()
    assert body["rows"][0]["name"] == "王小明"  # the organizer's own student
    assert body["rows"][1]["name"] == "李*海"  # another school's student stays masked
    public = client.get(url(contest, audience="public")).get_json()
    assert public["rows"][0]["name"] == "王*明"
    assert anonymous["rows"][0]["name"] == "王*明"


def test_etags_differ_between_viewers_and_contests(client, auth, scene, factories):
    contest, _organizer, _alice, _bob = scene
    second = factories.contest(title="第二场")
    tags = {client.get(url(contest)).headers["ETag"], client.get(url(second)).headers["ETag"]}
    auth.login("alice")
    tags.add(client.get(url(contest)).headers["ETag"])
    assert len(tags) == 3
    assert client.get(url(second)).get_json()["total"] == 0


def test_frozen_board_per_role_over_http(client, auth, scene, factories):
    contest, organizer, _alice, _bob = scene
    auth.login(organizer.username)
    response = client.post(
        f"/admin/contests/{contest.id}/freeze", data={"freeze_at": "2026-10-11T10:05"}
    )
    assert response.status_code == 302
    attempt(contest, factories.student(), score=50, start=NOW + timedelta(minutes=30))
    assert client.get(url(contest)).get_json()["total"] == 3  # organizer: live
    auth.logout()
    body = client.get(url(contest)).get_json()
    assert body["frozen"] and body["total"] == 2


def test_freeze_form_refuses_students_and_other_organizers(client, auth, scene, factories):
    contest, *_ = scene
    auth.login("alice")
    assert client.get(f"/admin/contests/{contest.id}/freeze").status_code == 403
    auth.logout()
    stranger = factories.organizer(unit="四川省/绵阳中学")
    auth.login(stranger.username)
    assert client.get(f"/admin/contests/{contest.id}/freeze").status_code == 403


def test_week_day_and_org_endpoints(client, factories):
    event, contests = event_with(["campus", "law"])
    students = [factories.student() for _ in range(3)]
    for i, student in enumerate(students):
        attempt(contests[0], student, score=10 * (i + 1))
    attempt(contests[1], students[0], score=40)
    week = client.get(f"/api/v1/events/{event.id}/leaderboard").get_json()
    assert [r["score"] for r in week["rows"]] == [50, 30, 20]
    assert [d["code"] for d in week["days"]][:2] == ["campus", "telecom"]
    day = client.get(f"/api/v1/events/{event.id}/days/law/leaderboard").get_json()
    assert day["total"] == 1
    assert client.get(f"/api/v1/events/{event.id}/days/nope/leaderboard").status_code == 404
    orgs = client.get(f"/api/v1/events/{event.id}/organizations/leaderboard?level=class").get_json()
    assert orgs["rows"][0]["participants"] == 3 and orgs["rows"][0]["ranked"] is False
    bad = client.get(f"/api/v1/events/{event.id}/organizations/leaderboard?level=city")
    assert bad.status_code == 422
    contest_orgs = client.get(
        f"/api/v1/contests/{contests[0].id}/organizations/leaderboard?level=region"
    ).get_json()
    assert contest_orgs["rows"][0]["score"] == 20


def test_board_pages_render(client, factories):
    event, contests = event_with(["campus"])
    attempt(contests[0], factories.student(display_name="王小明"), score=10)
    for path in (
        f"/boards/contests/{contests[0].id}",
        f"/boards/events/{event.id}",
        f"/boards/events/{event.id}/days/campus",
        f"/boards/events/{event.id}/organizations?level=class",
        f"/boards/contests/{contests[0].id}/organizations",
        f"/boards/events/{event.id}/projector?top=5&interval=10",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "王小明" not in response.get_data(as_text=True)
    assert client.get(f"/boards/events/{event.id}/days/nope").status_code == 404
