"""Every organizer/admin route refuses students and anonymous users (walks ``app.url_map``).

Organizer routes are those of the ``admin`` blueprint plus any view decorated with
``organizer_required``/``admin_required`` elsewhere (boards' freeze and exports, for instance).
"""

from __future__ import annotations

import re

import pytest

ORGANIZER_BLUEPRINTS = ("admin",)


def organizer_urls(app) -> list[tuple[str, str]]:
    """Every (method, url) of the organizer blueprints, with placeholder ids filled in."""
    found = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        in_admin = rule.endpoint.split(".")[0] in ORGANIZER_BLUEPRINTS
        if not in_admin and not getattr(view, "organizer_only", False):
            continue
        url = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", "1", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, url))
    return found


def test_there_are_organizer_routes(app):
    assert len(organizer_urls(app)) >= 1


def test_anonymous_is_sent_to_login(app, client):
    for method, url in organizer_urls(app):
        response = client.open(url, method=method)
        assert response.status_code in (302, 401, 400), (method, url)
        if response.status_code == 302:
            assert "/auth/login" in response.headers["Location"], (method, url)


@pytest.mark.parametrize("role", ["student"])
def test_students_are_refused(app, client, auth, factories, role):
    factories.user("someone", role=role)
    auth.login("someone")
    for method, url in organizer_urls(app):
        response = client.open(url, method=method)
        assert response.status_code == 403, (method, url)


def test_organizer_reaches_dashboard(client, auth, factories):
    factories.organizer("teacher")
    auth.login("teacher")
    assert client.get("/admin/").status_code == 200
