"""The organizer tools and certificates moved out of /boards: old GET URLs redirect for good,
old POST URLs are gone, and /verify/<code> (printed in QR codes) never moves."""

from __future__ import annotations

import pytest

MOVED = [
    ("/boards/contests/7/freeze", "/admin/contests/7/freeze"),
    ("/boards/contests/7/results", "/admin/contests/7/results"),
    ("/boards/contests/7/participation.json", "/admin/contests/7/participation.json"),
    ("/boards/contests/7/export/board.csv", "/admin/contests/7/export/board.csv"),
    ("/boards/events/3/export/week.xlsx", "/admin/events/3/export/week.xlsx"),
    ("/boards/certificates/11", "/certificates/11"),
    ("/boards/certificates/11.pdf", "/certificates/11.pdf"),
]


@pytest.mark.parametrize(("old", "new"), MOVED)
def test_old_get_urls_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response.headers["Location"].endswith(new)


def test_old_post_urls_are_gone(client):
    response = client.post("/boards/contests/7/questions/5/void")
    assert response.status_code in (404, 405)
    assert client.post("/boards/contests/7/freeze").status_code == 405


def test_verify_stays_at_the_site_root(client):
    assert client.get("/verify/NOTACODE").status_code == 404  # a styled "no such certificate"
    assert "/verify/" in client.application.url_map.bind("localhost").build(
        "play.verify", {"code": "X"}
    )
