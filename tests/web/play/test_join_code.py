"""Join codes: a locked contest, a wrong code (Chinese error), a right one, throttling."""

from __future__ import annotations

from tests.helpers.attempts import attempt_count


def _code_contest(factories):
    return factories.contest(title="口令比赛", access="code", join_code="AB12CD")


def test_locked_until_the_code_is_entered(client, factories, student, clock):
    contest = _code_contest(factories)
    page = client.get(f"/contests/{contest.id}").get_data(as_text=True)
    assert "参赛口令" in page and "开始答题" not in page
    response = client.post(f"/contests/{contest.id}/start", follow_redirects=True)
    assert "请先输入参赛口令" in response.get_data(as_text=True)
    assert attempt_count() == 0


def test_wrong_code_is_refused_in_chinese(client, factories, student, clock):
    contest = _code_contest(factories)
    response = client.post(f"/contests/{contest.id}/join", data={"code": "WRONG1"})
    assert response.status_code == 422
    assert "参赛口令不正确" in response.get_data(as_text=True)


def test_right_code_unlocks_for_the_session(client, factories, student, clock):
    contest = _code_contest(factories)
    # Full-width and lower case still match (NFKC + upper case).
    response = client.post(f"/contests/{contest.id}/join", data={"code": "ａｂ12cd"})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert contest.id in session["entered_contests"]
    page = client.get(f"/contests/{contest.id}").get_data(as_text=True)
    assert "开始答题" in page
    response = client.post(f"/contests/{contest.id}/start")
    assert response.status_code == 302 and "/attempts/" in response.headers["Location"]


def test_wrong_codes_are_throttled_per_student(app, client, factories, student, clock):
    contest = _code_contest(factories)
    budget = int(app.config["JOIN_CODE_LIMIT"].split()[0])  # one budget with the API's
    codes = [
        client.post(f"/contests/{contest.id}/join", data={"code": "NOPE"}).status_code
        for _ in range(budget + 1)
    ]
    assert codes[:budget] == [422] * budget and codes[budget] == 429


def test_join_needs_csrf(client, factories, student, clock):
    contest = _code_contest(factories)
    response = client.post(f"/contests/{contest.id}/join", data={"code": "AB12CD"}, csrf=False)
    assert response.status_code == 400
