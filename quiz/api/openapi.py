"""The OpenAPI 3.1 description of /api/v1, hand-written next to the routes it describes.

tests/web/api/test_openapi.py walks ``app.url_map`` so a route added without documentation (or
documentation of a removed route) fails the build.
"""

from __future__ import annotations

import copy
import re

from flask import current_app, jsonify

from quiz.api import bp, openapi_boards
from quiz.api.common import requires_login
from quiz.api.openapi_schemas import (
    BOOLEAN,
    ERROR_STATUSES,
    INTEGER,
    NON_EMPTY_STRING,
    SCHEMAS,
    STRING,
    TIME,
    obj,
    ref,
)


def body(schema: dict) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def op(
    summary: str, ok: dict, *, errors=(), request=None, params=(), status="200", also=()
) -> dict:
    """One operation: its success response (``ok`` schema, under ``status`` and any ``also``
    status) and the error statuses it may give."""
    operation = {
        "summary": summary,
        "responses": {
            **{
                code: {"description": "OK", "content": {"application/json": {"schema": ok}}}
                for code in (status, *also)
            },
            **{
                code: {
                    "description": ERROR_STATUSES[code],
                    "content": {"application/json": {"schema": ref("Error")}},
                }
                for code in errors
            },
        },
    }
    if request is not None:
        operation["requestBody"] = body(request)
    if params:
        operation["parameters"] = [
            {"name": name, "in": "path", "required": True, "schema": INTEGER} for name in params
        ]
    return operation


WRITE = ("400", "401")  # writes need the CSRF header and a logged-in session
ATTEMPT = ("attempt_id",)

PATHS = {
    "/csrf": {"get": op("CSRF token for the X-CSRFToken header", obj(csrf_token=STRING))},
    "/auth/login": {
        "post": op(
            "Log in",
            obj(user=ref("User"), csrf_token=STRING),
            request=obj(
                ("username", "password"), username=NON_EMPTY_STRING, password=NON_EMPTY_STRING
            ),
            errors=("400", "401", "422", "429"),
        )
    },
    "/auth/logout": {"post": op("Log out", obj(ok=BOOLEAN), errors=("400",))},
    "/me": {"get": op("The logged-in user", obj(user=ref("User")), errors=("401",))},
    "/contests": {
        "get": op(
            "Contests visible to the user",
            obj(contests={"type": "array", "items": ref("Contest")}, server_time=TIME),
            errors=("401",),
        )
    },
    "/contests/{contest_id}/join": {
        "post": op(
            "Unlock a code-protected contest for this session",
            obj(contest_id=INTEGER, entered=BOOLEAN),
            # Open contests take {}; a code contest without a code is 422.
            request=obj(code=NON_EMPTY_STRING),
            params=("contest_id",),
            errors=(*WRITE, "403", "404", "422", "429"),
        )
    },
    "/contests/{contest_id}/attempts": {
        "post": op(
            "Start an attempt (201) or resume the open one (200)",
            ref("Attempt"),
            params=("contest_id",),
            status="201",
            also=("200",),  # resuming the open attempt
            errors=(*WRITE, "403", "404", "409"),
        )
    },
    "/attempts/{attempt_id}": {
        "get": op(
            "Attempt state (expiry persisted if overdue)",
            ref("Attempt"),
            params=ATTEMPT,
            errors=("401", "403", "404"),
        )
    },
    "/attempts/{attempt_id}/answers/{question_id}": {
        "put": op(
            "Save one answer (accepted until deadline + grace)",
            obj(question_id=INTEGER, saved_at=TIME, answered=INTEGER),
            request=ref("AnswerIn"),
            params=("attempt_id", "question_id"),
            errors=(*WRITE, "403", "404", "409", "422"),
        )
    },
    "/attempts/{attempt_id}/submit": {
        "post": op(
            "Hand in (idempotent)",
            ref("Result"),
            params=ATTEMPT,
            errors=(*WRITE, "403", "404"),
        )
    },
    "/attempts/{attempt_id}/events": {
        "post": op(
            "Record a focus event; may auto-submit",
            {
                "allOf": [
                    obj(
                        focus_losses=INTEGER,
                        focus_away_ms=INTEGER,
                        counted=BOOLEAN,
                        auto_submitted=BOOLEAN,
                    ),
                    {"description": "with the Result fields when auto_submitted"},
                ]
            },
            request=ref("EventIn"),
            params=ATTEMPT,
            errors=(*WRITE, "403", "404", "409", "422"),
        )
    },
    "/openapi.json": {"get": op("This document", {"type": "object"})},
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "网安周知识竞赛 API",
        "version": "1",
        "description": "Session-cookie auth; send the CSRF token in X-CSRFToken on writes. "
        "Errors are {error: {code, message}}. Times are ISO 8601 UTC with Z.",
    },
    "servers": [{"url": "/api/v1"}],
    "components": {
        "schemas": SCHEMAS,
        "securitySchemes": {
            "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRFToken"},
        },
    },
    "security": [{"session": []}],
    "paths": PATHS,
}


# The leaderboard paths are described beside their routes (idempotent merge).
openapi_boards.register(DOCUMENT)


def _public_operations() -> set[tuple[str, str]]:
    """(path, method) of the API operations anonymous callers may use, read from the views:
    every view not wrapped by ``login_required``."""
    public = set()
    for rule in current_app.url_map.iter_rules():
        if not rule.endpoint.startswith(f"{bp.name}."):
            continue
        if requires_login(current_app.view_functions[rule.endpoint]):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix(bp.url_prefix))
        public.update((path, method.lower()) for method in rule.methods)
    return public


def with_security(document: dict) -> dict:
    """The document with ``security: []`` on every public operation (the document-wide
    requirement is the session cookie)."""
    document = copy.deepcopy(document)
    public = _public_operations()
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if (path, method) in public:
                operation["security"] = []
    return document


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI description of this API."""
    return jsonify(with_security(DOCUMENT))
