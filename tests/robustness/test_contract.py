"""Focused checks of the fixes the crawl and the API fuzzer led to."""

from __future__ import annotations

import pytest

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/attempts/{HUGE}",
        f"/contests/{HUGE}",
        f"/review/{HUGE}",
        f"/boards/contests/{HUGE}",
        f"/boards/events/{HUGE}/projector",
        f"/certificates/{HUGE}",
        f"/certificates/{HUGE}/card",
        f"/admin/bank/questions/{2**31}",
    ],
)
def test_an_id_past_the_database_range_is_a_styled_404(client, auth, world, url):
    auth.login("root")
    response = client.get(url)
    assert response.status_code == 404
    assert "页面不存在" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url", [f"/api/v1/contests/{HUGE}/leaderboard", f"/api/v1/events/{HUGE}/leaderboard"]
)
def test_an_id_past_the_database_range_is_a_json_404(client, auth, world, url):
    auth.login("student")
    response = client.get(url)
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_the_largest_id_still_routes(client, auth, world):
    auth.login("root")
    assert client.get(f"/admin/attempts/{2**31 - 1}").status_code == 404  # a view's 404
    assert client.get(f"/admin/attempts/{world.ids['attempt']}").status_code == 200


def test_resuming_an_attempt_answers_a_documented_200(client, auth, world):
    auth.login("student")
    response = client.post(f"/api/v1/contests/{world.ids['contest']}/attempts")
    assert response.status_code == 200  # the world already started it
    document = client.get("/api/v1/openapi.json").get_json()
    responses = document["paths"]["/contests/{contest_id}/attempts"]["post"]["responses"]
    assert {"200", "201"} <= set(responses)
    assert responses["200"] == responses["201"]
