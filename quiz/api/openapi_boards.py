"""OpenAPI paths of the leaderboard API (quiz/api/boards.py), kept beside it.

:func:`board_paths` returns the ``paths`` entries and :data:`BOARD_SCHEMAS` the component
schemas. :func:`register` merges both into a document; quiz/api/boards.py calls it on the
API's ``DOCUMENT`` so the served document and its coverage test include the boards.
"""

from __future__ import annotations

INTEGER, NUMBER, STRING, BOOLEAN = ({"type": t} for t in ("integer", "number", "string", "boolean"))
TIME = {"type": "string", "format": "date-time", "description": "ISO 8601, UTC, ending in Z"}
DAYS = ["campus", "telecom", "law", "finance", "youth", "privacy"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _obj(required=(), **properties) -> dict:
    return {"type": "object", "required": list(required), "properties": properties}


BOARD_SCHEMAS = {
    "BoardRow": _obj(
        ("rank", "name", "organization", "score", "time_used_ms"),
        rank=INTEGER,
        name={"type": "string", "description": "张*明 unless the viewer may see the full name"},
        organization=STRING,
        organization_short={"type": "string", "description": "the school (else the deepest unit)"},
        school_id=_nullable(INTEGER),
        score=NUMBER,
        time_used_ms=INTEGER,
        submitted_at=TIME,
        is_me=BOOLEAN,
        days={"type": "object", "description": "week board: score per themed day (0 if absent)"},
    ),
    "Board": _obj(
        ("rows", "me", "frozen", "total", "rule"),
        rows={"type": "array", "items": _ref("BoardRow")},
        me=_nullable(_ref("BoardRow")),
        me_pending={
            "type": "boolean",
            "description": "the viewer has a result the frozen board shows only after unfreezing",
        },
        frozen=BOOLEAN,
        frozen_at=_nullable(TIME),
        total=INTEGER,
        offset=INTEGER,
        limit=INTEGER,
        rule=STRING,
        days={"type": "array", "items": _obj(code=STRING, name=STRING)},
    ),
    "OrgBoardRow": _obj(
        ("rank", "ranked", "name", "score", "participants", "enrolled", "participation_rate"),
        rank=_nullable(INTEGER),
        ranked=BOOLEAN,
        name=STRING,
        organization=STRING,
        org_id=INTEGER,
        score={"type": "number", "description": "average of participants' counted scores"},
        time_used_ms=INTEGER,
        participants=INTEGER,
        enrolled=INTEGER,
        participation_rate=NUMBER,
        is_me=BOOLEAN,
    ),
    "OrgBoard": _obj(
        ("rows", "me", "frozen", "total", "rule", "level", "min_participants"),
        rows={"type": "array", "items": _ref("OrgBoardRow")},
        me=_nullable(_ref("OrgBoardRow")),
        frozen=BOOLEAN,
        frozen_at=_nullable(TIME),
        total=INTEGER,
        offset=INTEGER,
        limit=INTEGER,
        level={"enum": ["region", "school", "class"]},
        min_participants=INTEGER,
        rule=STRING,
    ),
}

_ERROR = {"content": {"application/json": {"schema": _ref("Error")}}}
# Query parameters are described in prose: the API's coverage test expects ``parameters`` to
# list exactly the path parameters.
_QUERY = (
    "Query: limit (1–200, default 50), offset (≥ 0), audience=public (the masked, frozen "
    "projector view even for organizers). Send If-None-Match with the last ETag to get 304 "
    "while the board is unchanged."
)
_LEVEL = " level=region|school|class (default school)."


def _path(name: str, schema=INTEGER) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _op(summary: str, schema: str, params: list, query: str = "") -> dict:
    return {
        "get": {
            "summary": summary,
            "description": _QUERY + query,
            "parameters": params,
            "responses": {
                "200": {
                    "description": "OK (with an ETag header)",
                    "content": {"application/json": {"schema": _ref(schema)}},
                },
                "304": {"description": "Not modified since the ETag sent in If-None-Match"},
                "404": {"description": "No such contest, event or themed day", **_ERROR},
                "422": {"description": "Bad limit/offset/level", **_ERROR},
            },
        }
    }


def board_paths() -> dict:
    """The leaderboard paths, relative to /api/v1."""
    contest, event = _path("contest_id"), _path("event_id")
    day = _path("day", {"enum": DAYS})
    return {
        "/contests/{contest_id}/leaderboard": _op(
            "A contest's board (counted attempt per student)", "Board", [contest]
        ),
        "/events/{event_id}/days/{day}/leaderboard": _op(
            "A themed day's board (best of the day's contests)", "Board", [event, day]
        ),
        "/events/{event_id}/leaderboard": _op(
            "The week's board (sum of six days, missing day = 0)", "Board", [event]
        ),
        "/events/{event_id}/organizations/leaderboard": _op(
            "Units by members' average (week, or ?day=)",
            "OrgBoard",
            [event],
            _LEVEL + " day=<themed day> for one day instead of the week.",
        ),
        "/contests/{contest_id}/organizations/leaderboard": _op(
            "Units by members' average on one contest", "OrgBoard", [contest], _LEVEL
        ),
    }


def register(document: dict) -> dict:
    """Add the board paths and schemas to an OpenAPI ``document`` (idempotent)."""
    for path, item in board_paths().items():
        document["paths"].setdefault(path, item)
    for name, schema in BOARD_SCHEMAS.items():
        document["components"]["schemas"].setdefault(name, schema)
    return document
