"""Schemas of the OpenAPI document (quiz/api/openapi.py): request and response bodies."""

from __future__ import annotations

from quiz.bank.constants import QuestionType
from quiz.enums import AttemptStatus

STRING, INTEGER, NUMBER, BOOLEAN = ({"type": t} for t in ("string", "integer", "number", "boolean"))
# What the app refuses as blank (an empty username or join code is a 422), the schema refuses too.
NON_EMPTY_STRING = {"type": "string", "minLength": 1}
TIME = {"type": "string", "format": "date-time", "description": "ISO 8601, UTC, ending in Z"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def obj(required: tuple[str, ...] = (), **properties) -> dict:
    return {"type": "object", "required": list(required), "properties": properties}


ERROR_STATUSES = {
    "400": "CSRF token missing or invalid",
    "401": "Not logged in",
    "403": "Not allowed (someone else's attempt, wrong join code, password change required)",
    "404": "No such contest, attempt or question in this paper",
    "409": "Conflict: contest not open, no attempts left, deadline passed, attempt finished",
    "422": "Malformed request body",
    "429": "Too many requests",
}

SCHEMAS = {
    "Error": obj(("error",), error=obj(("code", "message"), code=STRING, message=STRING)),
    "User": obj(
        ("id", "username", "role"),
        id=INTEGER,
        username=STRING,
        display_name=STRING,
        role={"enum": ["student", "organizer", "admin"]},
        organization=nullable(STRING),
        must_change_password=BOOLEAN,
    ),
    "Contest": obj(
        ("id", "title", "opens_at", "closes_at", "state", "requires_code", "attempts"),
        id=INTEGER,
        event_id=nullable(INTEGER),
        themed_day=nullable(STRING),
        title=STRING,
        description=STRING,
        opens_at=TIME,
        closes_at=TIME,
        state={"enum": ["upcoming", "open", "closed"]},
        time_limit_seconds=INTEGER,
        question_count=INTEGER,
        max_score=NUMBER,
        seconds_to_open=INTEGER,
        seconds_to_close=INTEGER,
        requires_code=BOOLEAN,
        attempts=obj(
            allowed=INTEGER,
            used=INTEGER,
            remaining=INTEGER,
            finished=INTEGER,
            open_attempt_id=nullable(INTEGER),
            counted_score=nullable(NUMBER),
            counting={"enum": ["best", "first", "last"]},
        ),
    ),
    "Question": obj(
        ("id", "type", "stem", "options", "points"),
        id={"type": "integer", "description": "Question.id"},
        type={"enum": list(QuestionType.values())},
        stem=STRING,
        options={"type": "array", "items": STRING, "description": "in the order shown"},
        points=NUMBER,
        key={
            "type": "array",
            "description": "Only once disclosed: shown-order indices, or accepted strings",
        },
        explanation=STRING,
        source=obj(
            title=STRING,
            publisher=STRING,
            date=STRING,
            sentence=STRING,
            start=nullable(INTEGER),
            end=nullable(INTEGER),
        ),
    ),
    "SavedAnswer": obj(
        ("saved_at",),
        choice={"type": "array", "items": INTEGER},
        text=STRING,
        saved_at=TIME,
        points={"type": "number", "description": "only once disclosed"},
        is_correct={"type": "boolean", "description": "only once disclosed"},
    ),
    "Attempt": obj(
        ("id", "contest_id", "status", "deadline", "server_time", "questions", "answers"),
        id=INTEGER,
        contest_id=INTEGER,
        number=INTEGER,
        status={"enum": list(AttemptStatus.values())},
        started_at=TIME,
        deadline=TIME,
        server_time=TIME,
        seconds_left=INTEGER,
        time_limit_seconds=INTEGER,
        extension_seconds=INTEGER,
        grace_seconds=NUMBER,
        questions={"type": "array", "items": ref("Question")},
        answers={
            "type": "object",
            "description": "keyed by question id",
            "additionalProperties": ref("SavedAnswer"),
        },
        answers_visible=BOOLEAN,
        focus_losses=INTEGER,
        result=nullable(
            obj(score=NUMBER, max_score=NUMBER, time_used_ms=INTEGER, finished_at=TIME)
        ),
    ),
    "AnswerIn": {
        "oneOf": [
            obj(("choice",), choice={"type": "array", "items": INTEGER}),
            obj(("text",), text={"type": "string", "maxLength": 200}),
        ]
    },
    "Result": obj(
        ("score", "max_score", "rank", "time_used_ms", "status"),
        score=NUMBER,
        max_score=NUMBER,
        rank={**nullable(INTEGER), "description": "null while the board is frozen"},
        time_used_ms=INTEGER,
        status=STRING,
    ),
    "EventIn": obj(
        ("kind",),
        kind={"enum": ["hidden", "visible", "blur", "focus"]},
        client_time=TIME,
        away_ms={"type": "integer", "minimum": 0},
    ),
}
