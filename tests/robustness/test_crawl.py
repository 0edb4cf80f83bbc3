"""Crawl every route of ``app.url_map`` as every role with good, missing and garbage input.

Nothing may answer 5xx or show a stack trace: an unexpected error is re-raised by
``quiz.web.handle_unexpected_error`` under test, so it is caught here and recorded with its route.
Every error a user can see must be a styled page (HTML) or ``{"error": {"code", "message"}}``
(API). All problems are collected so one run lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from werkzeug.routing import IntegerConverter

from tests.robustness.world import World, build_url, build_world

ROLES = ("anonymous", "student", "other_organizer", "organizer", "admin")
USERNAMES = {
    "student": "student",
    "other_organizer": "rival",
    "organizer": "teacher",
    "admin": "root",
}
MISSING_ID = "999999"
GARBAGE = ("abc", "-1", "99999999999999999999")
GARBAGE_STRINGS = (*GARBAGE, "<script>x</script>", "%00", "..%2F..%2Fetc")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Requests that end the crawler's own session run last, so every other one runs logged in.
LAST = ("logout",)
# Destructive actions next to last, so the world stays intact for the rest of the crawl.
DESTRUCTIVE = ("delete", "merge", "void", "submit", "active", "reset-password", "download")
GARBAGE_FORM = {
    "name": "\x00" + "名" * 500,
    "new_name": "",
    "value": "zz",
    "target_id": "abc",
    "confirm": "maybe",
    "school_id": "-1",
    "prefix": "x" * 100,
    "file": "not-a-file",
    "ids": ["abc", "99999999999999999999", "-1"],
    "minutes": "abc",
    "reason": "",
    "username": "",
    "password": "x",
    "role": "superuser",
    "organization_id": "99999999999999999999",
    "title": "",
    "opens_at": "2026-13-45T99:99",
    "closes_at": "yesterday",
    "start": "not a date",
    "question_count": "-5",
    "time_limit_minutes": "1e9",
    "stem": "",
    "answer": "Z,Z",
    "difficulty": "99",
    "days": ["nope"],
    "status": "<script>",
    "text": "",
    "code": "\u200b",
    "seed": "-1",
}


@dataclass
class Crawl:
    client: object
    failures: list[str] = field(default_factory=list)
    requests: int = 0

    def request(self, label: str, url: str, method: str = "GET", **kwargs) -> None:
        self.requests += 1
        where = f"{label} {method} {url}"
        try:
            response = self.client.open(url, method=method, **kwargs)
        except Exception as error:  # a 500 re-raised by handle_unexpected_error under test
            self.failures.append(f"{where}: raised {type(error).__name__}: {error}"[:300])
            return
        problem = response_problem(url, response)
        response.close()  # static files are sent as open file handles
        if problem:
            self.failures.append(f"{where}: {problem}")


def response_problem(url: str, response) -> str | None:
    """Why this response breaks the error contract, or None."""
    status = response.status_code
    body = response.get_data().decode("utf-8", errors="replace")  # exports are binary
    if status >= 500:
        return f"status {status}"
    if "Traceback" in body or "Werkzeug Debugger" in body:
        return "stack trace in body"
    if status < 400:
        return None
    if url.startswith("/api/"):
        payload = response.get_json(silent=True)
        error = payload.get("error") if isinstance(payload, dict) else None
        if not (isinstance(error, dict) and error.get("code") and error.get("message")):
            return f"status {status} without a JSON error body: {body[:80]!r}"
    elif response.mimetype == "text/html":
        if "app.css" not in body:
            return f"status {status} with an unstyled page: {body[:80]!r}"
    elif response.mimetype != "application/json":
        return f"status {status} as {response.mimetype}"
    return None


def path_values(rule, world: World) -> list[tuple[str, dict[str, str]]]:
    """(label, values) per variant: real ids, a missing id, garbage where the converter allows."""
    names = list(rule.arguments)
    if not names:
        return [("", {})]
    real = {name: _real_value(rule.rule, name, world) for name in names}
    variants = [("real", real)]
    for name in names:
        converter = rule._converters[name]
        if isinstance(converter, IntegerConverter):
            candidates = (MISSING_ID, *GARBAGE)
        else:
            candidates = GARBAGE_STRINGS
        for value in candidates:
            variants.append((f"{name}={value}", {**real, name: value}))
    return variants


def _real_value(rule: str, name: str, world: World) -> str:
    if name == "question_id" and ("/answers/" in rule or "/void" in rule):
        return str(world.ids["paper_question"])  # a question of the attempt's paper
    if name == "code" and rule.startswith("/lang/"):
        return "en"
    return world.params[name]


def _order(rule) -> int:
    if any(word in rule.rule for word in LAST):
        return 2
    if any(word in rule.rule for word in DESTRUCTIVE):
        return 1
    return 0


def crawl_all(app, client, world: World) -> Crawl:
    crawl = Crawl(client)
    rules = sorted(app.url_map.iter_rules(), key=lambda rule: (_order(rule), rule.rule))
    for rule in rules:
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        unsupported = next(m for m in ("DELETE", "PATCH", "PUT") if m not in rule.methods)
        for label, values in path_values(rule, world):
            url = build_url(rule, values)
            if label == "real":
                crawl.request("[unsupported method]", url, unsupported)
            for method in methods:
                tag = f"[{label or 'no params'}]"
                if method not in WRITE_METHODS:
                    crawl.request(tag, url, method)
                    continue
                crawl.request(f"{tag}[no body]", url, method)
                crawl.request(f"{tag}[garbage form]", url, method, data=dict(GARBAGE_FORM))
                crawl.request(
                    f"{tag}[malformed json]",
                    url,
                    method,
                    data='{"choice": [0,,',
                    content_type="application/json",
                )
                crawl.request(
                    f"{tag}[wrong content type]",
                    url,
                    method,
                    data=b"\xff\xfe<xml>\x00",
                    content_type="multipart/form-data; boundary=nothing",
                )
                crawl.request(
                    f"{tag}[json as text/plain]",
                    url,
                    method,
                    data='{"choice": [0]}',
                    content_type="text/plain",
                )
    return crawl


def _log_in(auth, role: str) -> None:
    if role != "anonymous":
        response = auth.login(USERNAMES[role])
        assert response.status_code == 302, f"{role} could not log in"


def _report(role: str, failures: list[str]) -> str:
    lines = "\n".join(f"  {failure}" for failure in failures[:80])
    more = f"\n  … and {len(failures) - 80} more" if len(failures) > 80 else ""
    return f"{len(failures)} bad responses as {role}:\n{lines}{more}"


@pytest.mark.parametrize("role", ROLES)
def test_every_route_survives_every_input(app, client, auth, factories, role):
    world = build_world(app, factories)
    _log_in(auth, role)
    crawl = crawl_all(app, client, world)
    assert crawl.requests > 500
    assert not crawl.failures, _report(role, crawl.failures)


LIST_PAGES = (
    "/",
    "/contests",
    "/review",
    "/practice",
    "/admin/students",
    "/admin/bank",
    "/admin/bank/export",
    "/admin/contests",
    "/admin/organizations",
    "/admin/accounts",
    "/api/v1/contests",
    "/boards/contests/{contest}",
    "/boards/contests/{contest}/organizations",
    "/admin/contests/{contest}/results",
    "/boards/events/{event}",
    "/boards/events/{event}/days/campus",
    "/boards/events/{event}/organizations",
    "/api/v1/contests/{contest}/leaderboard",
    "/api/v1/contests/{contest}/organizations/leaderboard",
    "/api/v1/events/{event}/leaderboard",
    "/api/v1/events/{event}/days/campus/leaderboard",
    "/api/v1/events/{event}/organizations/leaderboard",
    "/admin/contests/{contest}/preview",
)
QUERY_FUZZ = (
    "page=-1",
    "page=0",
    "page=abc",
    "page=99999999999999999999",
    "per_page=1000000000",
    "per_page=-1",
    "offset=-5",
    "limit=abc",
    "limit=1000000000",
    "day=xxx",
    "day=<script>",
    "status=<script>alert(1)</script>",
    "type=%00",
    "difficulty=abc",
    "difficulty=99",
    "source=../../etc/passwd",
    "org=abc",
    "org=99999999999999999999",
    "level=nope",
    "q=%FF%FE",
    "q=" + "长" * 3000,
    "seed=99999999999999999999999",
    "seed=-1",
    "key=1",
    "format=exe",
    "school=abc",
    "page=2&page=abc",
)


@pytest.mark.parametrize("role", ("student", "admin"))
def test_list_pages_survive_query_fuzz(app, client, auth, factories, role):
    world = build_world(app, factories)
    _log_in(auth, role)
    crawl = Crawl(client)
    for page in LIST_PAGES:
        url = page.format(contest=world.ids["contest"], event=world.ids["event"])
        for query in QUERY_FUZZ:
            crawl.request("[query]", f"{url}?{query}")
    assert not crawl.failures, _report(role, crawl.failures)
