"""A bank .json file nested 100,000 deep is refused on the import page, in Chinese, with 422."""

from __future__ import annotations

import io

import pytest

DEPTH = 100_000


@pytest.fixture
def organizer(factories, auth):
    factories.organizer("teacher")
    auth.login("teacher")


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * DEPTH + b"]" * DEPTH,
        b'{"schema_version": 1, "sources": [], "questions": ' + b"[" * DEPTH + b"]" * DEPTH + b"}",
    ],
    ids=["top-level", "inside-questions"],
)
def test_deep_bank_json_is_refused_with_a_page(client, organizer, payload):
    response = client.post(
        "/admin/bank/import",
        data={"file": (io.BytesIO(payload), "bank.json")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "未导入任何题目" in page and "嵌套" in page
