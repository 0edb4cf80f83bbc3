"""API fixtures: a JSON client wrapper speaking to /api/v1."""

from __future__ import annotations

import pytest

from tests.factories import DEFAULT_PASSWORD


class Api:
    """Thin wrapper over the test client speaking JSON to /api/v1."""

    def __init__(self, client):
        self.client = client
        self.bodies: list[str] = []  # every response body, for leak scans

    def _keep(self, response):
        self.bodies.append(response.get_data(as_text=True))
        return response

    def login(self, username: str, password: str = DEFAULT_PASSWORD):
        response = self.client.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.get_json()
        return response

    def get(self, url: str, **kwargs):
        return self._keep(self.client.get(f"/api/v1{url}", **kwargs))

    def post(self, url: str, json=None, **kwargs):
        return self._keep(self.client.post(f"/api/v1{url}", json=json, **kwargs))

    def put(self, url: str, json=None, **kwargs):
        return self._keep(self.client.put(f"/api/v1{url}", json=json, **kwargs))

    def start(self, contest_id: int):
        return self.post(f"/contests/{contest_id}/attempts")

    def answer(self, attempt_id: int, question_id: int, **body):
        return self.put(f"/attempts/{attempt_id}/answers/{question_id}", json=body)

    def submit(self, attempt_id: int):
        return self.post(f"/attempts/{attempt_id}/submit")


@pytest.fixture
def api(client) -> Api:
    """The test client wrapped to speak JSON to /api/v1."""
    return Api(client)
