"""The access walk (issue 11): outsiders reach none of a unit's data or actions.

Issue 11's probe walked the GET rules across scopes. This walk goes further, in two steps:

1. The teacher (the world's owner, 广元中学) opens every GET rule with the world's real ids, and
   every ``<form method=post>`` it is shown is harvested with its current values: the actions
   an owner can take, with plausible input.
2. Each outsider — the other school's organizer, the other school's student and the teacher's
   own students' classmate (an IDOR within the school) — then
   - opens every GET rule with those ids: no response may carry the full name or the username
     of a student whose data the outsider may not see, nor the roster's one-time credentials;
   - submits every harvested form as it was and with its text changed, and sends every write
     rule an empty body: afterwards no row that existed before the walk may differ, except the
     outsider's own account row (its last login, say). What outsiders create for themselves
     (a preview attempt, an audit row, a login record) is new rows, and allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import User
from quiz.services.attempts.lifecycle import start_attempt
from quiz.services.contests.papers import build_paper
from quiz.timeutil import utcnow
from tests.factories import DEFAULT_PASSWORD
from tests.robustness.test_crawl import DESTRUCTIVE, LAST, WRITE_METHODS, _real_value
from tests.robustness.world import World, build_url, build_world

pytestmark = pytest.mark.db

#: A student of the teacher's school with a name no page carries by accident.
WATCHED_NAME = "王小明"
WATCHED_USERNAME = "wangxm2026"
OUTSIDERS = ("rival", "stranger", "classmate")


class _Forms(HTMLParser):
    """Every POST form of a page: (action, {field: [values]}) with the values it shows."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url = page_url
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self._fields: dict[str, list[str]] | None = None
        self._select: str | None = None
        self._select_values: list[str] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            action = urljoin(self.page_url, attrs.get("action") or self.page_url)
            self._fields = {}
            self.forms.append((action, self._fields))
        if self._fields is None or not attrs.get("name") and tag != "option":
            return
        name = attrs.get("name")
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            self._fields.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea = name
            self._fields.setdefault(name, []).append("")
        elif tag == "select":
            self._select, self._select_values = name, []
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if "selected" in attrs:
                self._select_values.insert(0, value)
            else:
                self._select_values.append(value)

    def handle_data(self, data):
        if self._fields is not None and self._textarea:
            self._fields[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None and self._fields is not None:
            if self._select_values:
                self._fields.setdefault(self._select, []).append(self._select_values[0])
            self._select = None
        elif tag == "form":
            self._fields = None


@dataclass
class Walk:
    """What one outsider's walk found."""

    requests: int = 0
    leaks: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def _order(rule) -> int:
    if any(word in rule.rule for word in LAST):
        return 2
    return 1 if any(word in rule.rule for word in DESTRUCTIVE) else 0


def _rules(app):
    return sorted(app.url_map.iter_rules(), key=lambda rule: (_order(rule), rule.rule))


def _url(rule, world: World) -> str:
    return build_url(rule, {name: _real_value(rule.rule, name, world) for name in rule.arguments})


def harvest_forms(app, client, world: World) -> list[tuple[str, dict[str, list[str]]]]:
    """Every POST form the teacher is shown on a GET page with the world's ids (deduplicated)."""
    found: dict[str, tuple[str, dict]] = {}
    for rule in _rules(app):
        if "GET" not in rule.methods or _order(rule) == 2 or rule.rule.startswith("/static"):
            continue
        url = _url(rule, world)
        response = client.get(url)
        if response.mimetype == "text/html":
            parser = _Forms("http://localhost" + url)
            parser.feed(response.get_data(as_text=True))
            for action, fields in parser.forms:
                path = urlsplit(action)
                target = path.path + (f"?{path.query}" if path.query else "")
                fields = {k: v for k, v in fields.items() if k != "csrf_token"}
                found.setdefault(f"{target} {sorted(fields)}", (target, fields))
        response.close()
    return sorted(found.values(), key=lambda form: (_order_path(form[0]), form[0]))


def _order_path(path: str) -> int:
    if any(word in path for word in LAST):
        return 2
    return 1 if any(word in path for word in DESTRUCTIVE) else 0


def changed_text(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """The same form with every visible free text changed (a would-be edit)."""
    return {
        name: [value + "改" if value and not value.isdigit() else value for value in values]
        for name, values in fields.items()
    }


def snapshot() -> dict[tuple[str, tuple], tuple]:
    """Every row of every table, keyed by (table, primary key)."""
    rows = {}
    with db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            key_columns = list(table.primary_key.columns)
            for row in connection.execute(select(table)):
                mapping = row._mapping
                key = tuple(mapping[column] for column in key_columns)
                rows[(table.name, key)] = tuple(repr(value) for value in row)
    return rows


def differences(before: dict, after: dict, own_user_id: int) -> list[str]:
    """Rows that existed before and now differ or are gone (the outsider's own row aside)."""
    found = []
    for key, values in before.items():
        if key == ("user", (own_user_id,)):
            continue
        if key not in after:
            found.append(f"{key[0]} {key[1]} deleted")
        elif after[key] != values:
            found.append(f"{key[0]} {key[1]} changed")
    return found


def add_watched_student(app, factories, world: World) -> User:
    """A student of the teacher's school, with an attempt in the teacher's contest."""
    from quiz.models import Contest

    watched = factories.student(WATCHED_USERNAME, display_name=WATCHED_NAME)
    contest = db.session.get(Contest, world.ids["contest"])
    start_attempt(
        contest,
        watched,
        now=utcnow(),
        grace_seconds=float(app.config["ANSWER_GRACE_SECONDS"]),
        paper_builder=build_paper,
    )
    db.session.commit()
    return watched


def secrets(world: World) -> tuple[str, ...]:
    """What no outsider may read: the watched student's identity and the roster's credentials."""
    return (WATCHED_NAME, WATCHED_USERNAME, world.params["token"], "lisi2024")


def walk(app, client, world: World, forms, own_user_id: int) -> Walk:
    result = Walk()
    hidden = secrets(world)
    for rule in _rules(app):
        if "GET" not in rule.methods or rule.rule.startswith("/static") or _order(rule) == 2:
            continue
        url = _url(rule, world)
        response = client.get(url)
        result.requests += 1
        body = response.get_data().decode("utf-8", errors="replace")
        for secret in hidden:
            if secret in body:
                result.leaks.append(f"GET {url} ({response.status_code}) shows {secret!r}")
        response.close()
    before = snapshot()
    for action, fields in forms:
        for data in (fields, changed_text(fields)):
            client.post(action, data={k: list(v) for k, v in data.items()}).close()
            result.requests += 1
            if found := differences(before, snapshot(), own_user_id):
                result.changes.append(f"POST {action} {sorted(data)}: {found[:5]}")
                before = snapshot()
    for rule in _rules(app):
        for method in sorted(set(WRITE_METHODS) & rule.methods):
            if _order(rule) == 2:
                continue
            url = _url(rule, world)
            client.open(url, method=method).close()
            client.open(url, method=method, json={}).close()
            result.requests += 2
            if found := differences(before, snapshot(), own_user_id):
                result.changes.append(f"{method} {url}: {found[:5]}")
                before = snapshot()
    return result


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_outsiders_reach_no_data_or_action_of_another_unit(app, client, auth, factories, outsider):
    world = build_world(app, factories)
    add_watched_student(app, factories, world)
    auth.login("teacher")
    forms = harvest_forms(app, client, world)
    assert len(forms) >= 20, "the teacher's pages offer their actions as forms"
    outsider_client = app.test_client()
    logged_in = outsider_client.post(
        "/auth/login", data={"username": outsider, "password": DEFAULT_PASSWORD}
    )
    assert logged_in.status_code == 302
    own = db.session.scalars(select(User).where(User.username == outsider)).one()
    result = walk(app, outsider_client, world, forms, own.id)
    assert result.requests > 200
    report = "\n".join(result.leaks + result.changes)
    assert not result.leaks and not result.changes, f"{outsider}:\n{report}"


def test_the_walk_sees_what_the_owner_may_do(app, client, auth, factories):
    """The control: walked as the teacher, the same walk finds the names and the changes."""
    world = build_world(app, factories)
    add_watched_student(app, factories, world)
    auth.login("teacher")
    forms = harvest_forms(app, client, world)
    own = db.session.scalars(select(User).where(User.username == "teacher")).one()
    result = walk(app, client, world, forms, own.id)
    assert any(WATCHED_NAME in leak for leak in result.leaks)
    assert len(result.changes) >= 10
