"""Helpers for the organizer pages: logging in as an organizer/admin and uploading files."""

from __future__ import annotations

from io import BytesIO

import pytest

OTHER_SCHOOL = "四川省/成都七中"


@pytest.fixture
def organizer(client, auth, factories):
    """An organizer of 四川省/广元中学, logged in."""
    user = factories.organizer("teacher")
    auth.login("teacher")
    return user


@pytest.fixture
def admin(client, auth, factories):
    user = factories.admin("root")
    auth.login("root")
    return user


def upload(client, url: str, filename: str, data: bytes, **fields):
    """POST a multipart form with one file (CSRF token added by the client)."""
    payload = {"file": (BytesIO(data), filename), **{k: str(v) for k, v in fields.items()}}
    return client.post(url, data=payload, content_type="multipart/form-data")


def text(response) -> str:
    return response.get_data(as_text=True)
