"""Schemathesis fuzzes /api/v1 from the app's own OpenAPI document, in process (WSGI).

A logged-in student's session (cookie and X-CSRFToken header, added by the test client) sends
generated bodies, path parameters and query strings to every documented operation, once with
random ids and once with the ids of the student's real attempt and contest. Every response must
not be a server error, and must match the documented status codes, content type and schema.
Failures are collected per operation so one run lists them all.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.robustness.world import build_world

pytestmark = [
    pytest.mark.slow,
    # Schemathesis' generators touch Hypothesis APIs that warn about their own future changes
    # (not about this app); the suite turns every warning into an error, so these are ignored
    # here only.
    pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning"),
    pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning"),
]

EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
NEGATIVE_CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]
# The session must survive the run, and submitting ends the attempt: these go last.
LAST = ("/auth/logout",)
LATE = ("/submit",)


def _order(operation) -> int:
    if operation.path.endswith(LAST):
        return 2
    if operation.path.endswith(LATE):
        return 1
    return 0


def _real_ids(world) -> dict[str, int | str]:
    return {
        "attempt_id": world.ids["attempt"],
        "question_id": world.ids["paper_question"],
        "contest_id": world.ids["contest"],
        "event_id": world.ids["event"],
        "day": "campus",
    }


def _fuzz(operation, client, session: str, mode, path_parameters=None) -> str | None:
    """Run one operation's examples in ``mode``; the failure report, or None."""
    names = {p.name for p in operation.path_parameters}
    fixed = {k: v for k, v in (path_parameters or {}).items() if k in names}
    if path_parameters is not None and not fixed:
        return None  # no path parameters: the random run already covered it
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed or None)
    # Invalid input must be refused with a documented error, but which 4xx is the app's call.
    checks = CHECKS if mode is GenerationMode.POSITIVE else NEGATIVE_CHECKS

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
        # The document's "session" cookie scheme makes Schemathesis send (then delete) a
        # generated session cookie: send the student's real one in its place.
        response = case.call(session=client, cookies={"session": session})
        case.validate_response(response, checks=checks)

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.NEGATIVE:
            return None  # a public operation without parameters has no invalid input to send
        raise
    # A check failed (Schemathesis raises a BaseExceptionGroup), or the app raised (a 500).
    except (Exception, BaseExceptionGroup) as error:
        where = f"{operation.label} {mode.value} {fixed or ''}"
        notes = "\n".join(getattr(error, "__notes__", ()))  # Schemathesis adds a curl line
        return f"{where}: {type(error).__name__}: {error}\n{notes}"[:2000]
    return None


def test_api_survives_schemathesis(app, client, auth, factories):
    world = build_world(app, factories)
    assert auth.login("student").status_code == 302
    session = client.get_cookie("session").value
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = sorted((result.ok() for result in schema.get_all_operations()), key=_order)
    assert len(operations) >= 10
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for ids in (None, _real_ids(world)):
                if problem := _fuzz(operation, client, session, mode, ids):
                    failures.append(problem)
    assert not failures, "\n\n".join(failures)
