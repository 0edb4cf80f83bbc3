"""Schemathesis fuzzes /api/v1 from the app's own OpenAPI document, in process (WSGI).

Three callers send the same operations: a logged-in student, an anonymous caller and a
logged-in organizer. Each gets Schemathesis' coverage cases (boundary values, wrong types,
missing fields, unsupported methods such as TRACE: a fixed list, no randomness) and Hypothesis
examples (derandomized, so a run is reproducible), once with random ids and once with the
caller's real ids (the student's attempt, the organizer's preview attempt, their contest).

* **Positive mode** (valid data): no 5xx; only documented statuses; the documented content
  type and response schema; valid data is not refused with 400/422 (Schemathesis'
  ``positive_data_acceptance``).
* **Negative mode** (invalid data): no 5xx; only documented statuses; invalid data refused
  with a 4xx (``negative_data_rejection``); unsupported methods answered 405 with ``Allow``.
* **Every caller, both modes**: every 4xx is a JSON ``{"error": {"code", "message"}}`` body.
  An anonymous caller (no session, and no CSRF token for endpoints that need a session)
  gets 401 from every operation the document marks with the session requirement whenever its
  URL routes to that operation; an operation marked ``security: []`` never answers it 401
  for want of a session.

Failures are collected per operation and caller so one run lists them all. The cases run and
the 5xx seen per caller are printed (``-s``) for docs/reliability.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)
from werkzeug.exceptions import HTTPException

from tests.robustness.world import build_world

pytestmark = [
    pytest.mark.slow,
    # Schemathesis' generators touch Hypothesis APIs that warn about their own future changes
    # (not about this app); the suite turns every warning into an error, so these are ignored
    # here only.
    pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning"),
    pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning"),
]

#: Hypothesis examples per operation, mode, caller and id set (on top of the coverage cases).
EXAMPLES = 8
PASSWORD = "passw0rd!"  # the factories' password
COMMON = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CHECKS = {
    GenerationMode.POSITIVE: [*COMMON, positive_data_acceptance],
    GenerationMode.NEGATIVE: [*COMMON, negative_data_rejection, unsupported_method],
}
#: Requests the document allows but the app may refuse 422 (documented for the operation), and
#: why the document cannot say which: the answer depends on the row, not on the request's shape.
SEMANTIC_422 = {
    "PUT /attempts/{attempt_id}/answers/{question_id}": (
        "choice or text follows the question's type, and choice indices its options"
    ),
    "POST /contests/{contest_id}/join": "an open contest takes {}, a code contest needs its code",
}
# The session must survive the run, and submitting ends the attempt: these go last.
LAST = ("/auth/logout",)
LATE = ("/submit",)


@dataclass
class Caller:
    """One caller: a test client (its own cookie jar), its session cookie and the CSRF token
    bound to it (fetched once: the client would fetch one per write), whether it is logged in,
    and its real ids; ``cases`` and ``server_errors`` count what it was sent."""

    name: str
    client: object
    session: str
    token: str
    logged_in: bool
    ids: dict[str, int | str]
    cases: Counter = field(default_factory=Counter)
    server_errors: int = 0


def _order(operation) -> int:
    if operation.path.endswith(LAST):
        return 2
    if operation.path.endswith(LATE):
        return 1
    return 0


def _needs_session(operation) -> bool:
    """Whether the document marks the operation with the session requirement."""
    raw = operation.schema.raw_schema
    return bool(operation.definition.raw.get("security", raw.get("security", [])))


def _routes_to(app, operation, url: str, method: str) -> bool:
    """Whether ``method url`` reaches the operation's own view (not a routing 404 or 405, nor
    an automatic OPTIONS answer)."""
    if method.lower() != operation.method.lower():
        return False
    try:
        rule, _args = app.url_map.bind("localhost").match(
            urlsplit(url).path, method=method, return_rule=True
        )
    except HTTPException:
        return False
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule) == "/api/v1" + operation.path


def _error_body(response) -> str | None:
    """What is wrong with a 4xx body (the API's errors are ``{"error": {"code", "message"}}``)."""
    try:
        body = json.loads(response.content or b"null")
    except ValueError:
        return f"a {response.status_code} without a JSON body: {response.content[:120]!r}"
    error = body.get("error") if isinstance(body, dict) else None
    if not (
        isinstance(error, dict)
        and isinstance(error.get("code"), str)
        and isinstance(error.get("message"), str)
    ):
        return f"a {response.status_code} whose body is not an error object: {body!r:.120}"
    return None


def _caller_contract(app, case, response, *, anonymous: bool) -> None:
    """The checks Schemathesis has no notion of: JSON errors, and who needs a session."""
    method = response.request.method
    status = response.status_code
    if 400 <= status < 500 and method != "HEAD" and (problem := _error_body(response)):
        raise AssertionError(problem)
    if not anonymous:
        return
    routed = _routes_to(app, case.operation, response.request.url, method)
    if _needs_session(case.operation) and routed and status != 401:
        raise AssertionError(
            f"anonymous {method} {urlsplit(response.request.url).path}: {status}, but the "
            "document requires a session (docs/api.md: 401 before anything else)"
        )
    if not _needs_session(case.operation) and status == 401:
        body = json.loads(response.content or b"null") or {}
        if body.get("error", {}).get("code") == "unauthorized":
            raise AssertionError(f"anonymous {method}: 401 from a public operation")


def _credentials(caller: Caller, case) -> tuple[str | None, str | None]:
    """The session cookie and CSRF token to send.

    A logged-in caller sends its own, unless the case negates the document's session cookie:
    then the generated (invalid) cookie goes out and the caller is anonymous. An anonymous
    caller sends its token-only session to public operations (a browser that asked for
    ``/csrf``), and nothing to the others (a script: 401 all the same)."""
    if caller.logged_in:
        if case.meta is not None and case.meta.is_negative_at(ParameterLocation.COOKIE):
            return None, caller.token
        return caller.session, caller.token
    if _needs_session(case.operation):
        return None, None
    return caller.session, caller.token


def _send(app, caller: Caller, case, mode) -> None:
    """Send one case as ``caller`` and run every check on the answer."""
    session, token = _credentials(caller, case)
    # The document's "session" cookie scheme makes Schemathesis send (then delete) a
    # generated session cookie: send the caller's real one in its place.
    cookies = {"session": session} if session is not None else None
    headers = {"X-CSRFToken": token} if token is not None else None
    caller.cases[mode.value] += 1
    generated = dict(case.cookies) if case.cookies is not None else None
    try:
        response = case.call(session=caller.client, cookies=cookies, headers=headers, csrf=False)
    finally:
        case.cookies = generated  # the call writes the sent cookies into the shared case
    if response.status_code >= 500:
        caller.server_errors += 1
    checks = CHECKS[mode]
    if response.status_code == 422 and case.operation.label in SEMANTIC_422:
        checks = COMMON
    case.validate_response(response, checks=checks)
    anonymous = not caller.logged_in or (session is None and _needs_session(case.operation))
    _caller_contract(app, case, response, anonymous=anonymous)


def _report(caller: Caller, operation, mode, where, error) -> str:
    notes = "\n".join(getattr(error, "__notes__", ()))  # Schemathesis adds a curl line
    head = f"{caller.name}: {operation.label} {mode.value} {where}"
    return f"{head}: {type(error).__name__}: {error}\n{notes}"[:2000]


def _coverage(app, caller: Caller, operation, mode, cases) -> list[str]:
    """Run the operation's coverage cases (generated once, shared by the callers)."""
    failures = []
    for case in cases:
        try:
            _send(app, caller, case, mode)
        except (Exception, BaseExceptionGroup) as error:
            failures.append(_report(caller, operation, mode, "coverage", error))
    return failures


def _fuzz(app, caller: Caller, operation, mode, path_parameters=None) -> str | None:
    """Run one operation's Hypothesis examples in ``mode``; the failure report, or None."""
    names = {p.name for p in operation.path_parameters}
    fixed = {k: v for k, v in (path_parameters or {}).items() if k in names}
    if path_parameters is not None and not fixed:
        return None  # no path parameters: the random run already covered it
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed or None)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: the report names the case
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        _send(app, caller, case, mode)

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.NEGATIVE:
            return None  # a public operation without parameters has no invalid input to send
        raise
    # A check failed (Schemathesis raises a BaseExceptionGroup), or the app raised (a 500).
    except (Exception, BaseExceptionGroup) as error:
        return _report(caller, operation, mode, fixed or "", error)
    return None


def _coverage_cases(schema, operation, mode) -> list:
    generation = schema.config.generation_for(operation=operation, phase="coverage")
    return list(
        schema.iter_coverage_cases(operation, generation_modes=[mode], generation_config=generation)
    )


def _caller(app, name: str, username: str | None, ids: dict) -> Caller:
    """A caller logged in as ``username`` (None: anonymous), with its session's CSRF token."""
    client = app.test_client()
    if username is not None:
        response = client.post("/auth/login", data={"username": username, "password": PASSWORD})
        assert response.status_code == 302, username
    token = client.get("/api/v1/csrf").get_json()["csrf_token"]  # login rotated it
    session = client.get_cookie("session").value
    return Caller(name, client, session, token, username is not None, ids)


def _callers(app, world) -> list[Caller]:
    shared = {"contest_id": world.ids["contest"], "event_id": world.ids["event"], "day": "campus"}
    student_ids = {"attempt_id": world.ids["attempt"], "question_id": world.ids["paper_question"]}
    organizer = _caller(app, "organizer", "teacher", shared)
    # The organizer's own (preview) attempt on their contest.
    preview = organizer.client.post(f"/api/v1/contests/{world.ids['contest']}/attempts")
    preview = preview.get_json()
    organizer.ids |= {"attempt_id": preview["id"], "question_id": preview["questions"][0]["id"]}
    organizer.session = organizer.client.get_cookie("session").value
    return [
        # First: a case's generated session cookie is the one an anonymous caller sends.
        _caller(app, "anonymous", None, {**shared, **student_ids}),
        _caller(app, "student", "student", {**shared, **student_ids}),
        organizer,
    ]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_api_conforms_for_every_caller(app, factories, mode):
    world = build_world(app, factories)
    callers = _callers(app, world)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = sorted((result.ok() for result in schema.get_all_operations()), key=_order)
    assert len(operations) >= 10
    failures = []
    for operation in operations:
        cases = _coverage_cases(schema, operation, mode)
        for caller in callers:
            failures += _coverage(app, caller, operation, mode, cases)
            for ids in (None, caller.ids):
                if problem := _fuzz(app, caller, operation, mode, ids):
                    failures.append(problem)
    for caller in callers:
        print(
            f"\n{mode.value} {caller.name}: {caller.cases[mode.value]} cases, "
            f"{caller.server_errors} × 5xx"
        )
    assert not failures, f"{len(failures)} failures\n\n" + "\n\n".join(failures)
