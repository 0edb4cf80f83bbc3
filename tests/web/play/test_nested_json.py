"""The practice checker refuses a deeply nested JSON body with a JSON 422, not a 500."""

from __future__ import annotations

import pytest

DEPTH = 100_000


@pytest.fixture
def student(factories, auth):
    factories.student("student")
    auth.login("student")


@pytest.mark.parametrize(
    "body",
    ["[" * DEPTH + "]" * DEPTH, '{"question_id":' * DEPTH + "1" + "}" * DEPTH],
    ids=["array", "object"],
)
def test_practice_check_refuses_deep_json(client, student, body):
    response = client.post("/practice/check", data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "malformed"
