"""API safety: no IDOR, no key before the end, JSON errors (401, 400 CSRF, 404, 422), never 500."""

from __future__ import annotations

import json

import pytest

from tests.helpers.attempts import right_answer, stored, wrong_answer

pytestmark = pytest.mark.db


@pytest.fixture
def contest(factories, clock):
    return factories.contest()


def test_other_student_cannot_read_write_or_submit(contest, factories, api, client, clock):
    factories.student("alice")
    factories.student("mallory")
    api.login("alice")
    body = api.start(contest.id).get_json()
    item = stored(body["id"]).paper[0]
    api.client.post("/api/v1/auth/logout")
    api.login("mallory")
    attempt_url = f"/attempts/{body['id']}"
    responses = [
        api.get(attempt_url),
        api.answer(body["id"], item["question_id"], **right_answer(item)),
        api.submit(body["id"]),
        api.post(f"{attempt_url}/events", json={"kind": "hidden"}),
    ]
    for response in responses:
        assert response.status_code == 403
        assert response.get_json()["error"]["code"] == "forbidden"
    attempt = stored(body["id"])
    assert attempt.status == "in_progress" and attempt.answers == [] and attempt.focus_losses == 0


def test_answer_key_never_sent_before_finishing(contest, factories, api, clock):
    factories.student("alice")
    api.login("alice")
    body = api.start(contest.id).get_json()
    attempt = stored(body["id"])
    for item in attempt.paper:
        api.answer(body["id"], item["question_id"], **wrong_answer(item))
        api.get(f"/attempts/{body['id']}")
    api.post(f"/attempts/{body['id']}/events", json={"kind": "blur"})
    api.start(contest.id)
    api.get("/contests")
    secrets = ['"key"', '"explanation"', '"sentence"', '"is_correct"', "72万", "出处"]
    secrets += [item["explanation"] for item in attempt.paper]
    secrets += [item["source"]["sentence"] for item in attempt.paper]
    secrets += [item["source"]["publisher"] for item in attempt.paper]
    for text in api.bodies:
        for secret in secrets:
            assert secret not in text, (secret, text[:200])
    # After submission (after_submit) the key, explanation and source are disclosed.
    api.submit(body["id"])
    done = api.get(f"/attempts/{body['id']}").get_json()
    assert done["answers_visible"] is True
    by_id = {item["question_id"]: item for item in attempt.paper}
    for question in done["questions"]:
        item = by_id[question["id"]]
        assert question["key"] == item["key"]
        assert question["explanation"] == item["explanation"]
        assert question["source"]["sentence"] == "测试文章。"
        assert question["source"]["publisher"] == "测试报"
    assert all(a["is_correct"] is False for a in done["answers"].values())


@pytest.mark.parametrize(
    ("policy", "visible_after_submit", "visible_after_close"),
    [("after_submit", True, True), ("after_close", False, True), ("never", False, False)],
)
def test_show_answers_policy(
    factories, api, clock, policy, visible_after_submit, visible_after_close
):
    contest = factories.contest(show_answers=policy)
    factories.student("dora")
    api.login("dora")
    body = api.start(contest.id).get_json()
    api.submit(body["id"])
    after_submit = api.get(f"/attempts/{body['id']}").get_json()
    assert after_submit["answers_visible"] is visible_after_submit
    assert ("key" in after_submit["questions"][0]) is visible_after_submit
    assert after_submit["result"]["score"] == 0
    clock.shift(hours=3)
    after_close = api.get(f"/attempts/{body['id']}").get_json()
    assert after_close["answers_visible"] is visible_after_close
    assert ("explanation" in after_close["questions"][0]) is visible_after_close


def test_anonymous_gets_401_json(contest, client, clock):
    for method, url in [
        ("GET", "/api/v1/contests"),
        ("GET", "/api/v1/me"),
        ("POST", f"/api/v1/contests/{contest.id}/attempts"),
        ("POST", f"/api/v1/contests/{contest.id}/join"),
        ("GET", "/api/v1/attempts/1"),
        ("PUT", "/api/v1/attempts/1/answers/1"),
        ("POST", "/api/v1/attempts/1/submit"),
        ("POST", "/api/v1/attempts/1/events"),
    ]:
        response = client.open(url, method=method, json={})
        assert response.status_code == 401, (method, url)
        assert response.get_json()["error"]["code"] == "unauthorized"


def test_missing_csrf_token_is_400_json(contest, factories, api, client, clock):
    factories.student("alice")
    api.login("alice")
    response = client.post(f"/api/v1/contests/{contest.id}/attempts", csrf=False)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"
    bad = client.put(
        "/api/v1/attempts/1/answers/1",
        json={"choice": [0]},
        headers={"X-CSRFToken": "forged"},
        csrf=False,
    )
    assert bad.status_code == 400 and bad.is_json


def test_unknown_ids_are_404_json(contest, factories, api, clock):
    factories.student("alice")
    api.login("alice")
    body = api.start(contest.id).get_json()
    huge = 2**70
    cases = [
        api.start(999),
        api.start(huge),
        api.get("/attempts/999"),
        api.get(f"/attempts/{huge}"),
        api.post(f"/contests/{huge}/join", json={"code": "x"}),
        api.answer(body["id"], 999_999, choice=[0]),
        api.answer(body["id"], huge, choice=[0]),
        api.get("/no-such-endpoint"),
    ]
    for response in cases:
        assert response.status_code == 404, response.get_data(as_text=True)
        assert set(response.get_json()["error"]) == {"code", "message"}


def test_malformed_answers_are_422(contest, factories, api, client, clock):
    factories.student("alice")
    api.login("alice")
    body = api.start(contest.id).get_json()
    paper = stored(body["id"]).paper
    single = next(i for i in paper if i["type"] == "single_choice")
    fill = next(i for i in paper if i["type"] == "fill_blank")
    url = f"/api/v1/attempts/{body['id']}/answers/{single['question_id']}"
    raw = [
        client.put(url, data="{not json", content_type="application/json"),
        client.put(url, data="choice=1", content_type="application/x-www-form-urlencoded"),
        client.put(url, json=[0]),
        client.put(url, json="0"),
    ]
    shaped = [
        api.answer(body["id"], single["question_id"], choice=0),
        api.answer(body["id"], single["question_id"], choice="0"),
        api.answer(body["id"], single["question_id"], choice=[True]),
        api.answer(body["id"], single["question_id"], choice=[1.5]),
        api.answer(body["id"], single["question_id"], choice=[4]),
        api.answer(body["id"], single["question_id"], choice=[-1]),
        api.answer(body["id"], single["question_id"], choice=[0, 1]),
        api.answer(body["id"], single["question_id"], text="甲"),
        api.answer(body["id"], fill["question_id"], choice=[0]),
        api.answer(body["id"], fill["question_id"], text=7),
        api.answer(body["id"], fill["question_id"], text="长" * 201),
    ]
    for response in raw + shaped:
        assert response.status_code == 422, response.get_data(as_text=True)
        assert response.get_json()["error"]["code"] == "malformed"
    assert stored(body["id"]).answers == []


def test_malformed_event_and_join_payloads_are_422(contest, factories, api, client, clock):
    factories.student("alice")
    api.login("alice")
    body = api.start(contest.id).get_json()
    url = f"/attempts/{body['id']}/events"
    for payload in [
        {"kind": "sneeze"},
        {},
        {"kind": "hidden", "away_ms": -5},
        {"kind": "hidden", "away_ms": "5"},
        {"kind": "hidden", "client_time": "yesterday"},
        {"kind": "hidden", "client_time": 17},
    ]:
        assert api.post(url, json=payload).status_code == 422, payload
    not_json = client.post(
        f"/api/v1/contests/{contest.id}/join", data=json.dumps(["x"]), content_type="text/plain"
    )
    assert not_json.status_code == 422


def test_partial_credit_over_http(factories, api, clock):
    contest = factories.contest(
        question_count=2, type_counts={"multiple_choice": 2}, partial_credit=True
    )
    factories.student("erin")
    api.login("erin")
    body = api.start(contest.id).get_json()
    first, second = stored(body["id"]).paper
    wrong = [i for i in range(5) if i not in second["key"]]
    api.answer(body["id"], first["question_id"], choice=[first["key"][0]])  # one of two right
    api.answer(body["id"], second["question_id"], choice=[*second["key"], wrong[0]])  # 2 - 1
    result = api.submit(body["id"]).get_json()
    assert result["score"] == 5.0 + 5.0 and result["max_score"] == 20.0
