"""Checks over every HTML page each role can open (the walk of tests/robustness/pages.py)."""

from __future__ import annotations

import re

import pytest

from tests.robustness.pages import html_pages

ROLES = {"anonymous": None, "student": "student", "organizer": "teacher", "admin": "root"}
ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)"')


def _walk(app, client, auth, world, role):
    if ROLES[role]:
        assert auth.login(ROLES[role]).status_code == 302
    pages = list(html_pages(app, client, world))
    assert len(pages) > 10, [page.url for page in pages]
    return pages


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO header
    response.close()


@pytest.mark.parametrize("role", ROLES)
def test_every_page_links_an_icon_that_loads(app, client, auth, world, role):
    """A browser asks for the linked icon (or /favicon.ico without one): neither may 404."""
    missing, broken = [], set()
    for page in _walk(app, client, auth, world, role):
        found = ICON_LINK.search(page.html)
        if not found:
            missing.append(page.url)
            continue
        href = found.group(1)
        response = client.get(href)
        if response.status_code != 200:
            broken.add(f"{href}: {response.status_code}")
        response.close()
    assert not missing, f"pages without an icon link: {missing}"
    assert not broken
