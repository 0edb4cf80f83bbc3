"""The OpenAPI document describes exactly the routes of the api blueprint."""

from __future__ import annotations

import re

from quiz.api.openapi import DOCUMENT


def api_routes(app) -> set[tuple[str, str]]:
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] != "api":
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add((method.lower(), path))
    return found


def documented() -> set[tuple[str, str]]:
    return {(method, path) for path, item in DOCUMENT["paths"].items() for method in item}


def test_every_route_is_documented_and_every_documented_path_exists(app):
    routes = api_routes(app)
    assert len(routes) >= 12
    assert routes - documented() == set(), "routes missing from openapi.json"
    assert documented() - routes == set(), "documented paths that do not exist"


def test_document_is_served_and_well_formed(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.")
    assert document["servers"] == [{"url": "/api/v1"}]
    schemas = document["components"]["schemas"]
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', response.get_data(as_text=True)))
    assert refs <= set(schemas)
    for path, item in document["paths"].items():
        names = set(re.findall(r"{([^}]+)}", path))
        for operation in item.values():
            assert "200" in operation["responses"] or "201" in operation["responses"]
            params = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert params == names, path
            for status, response_doc in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert response_doc["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/Error"
                    }
