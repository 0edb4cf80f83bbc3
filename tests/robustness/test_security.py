"""Security by default: cookies, headers, escaping, no leaked hashes or keys, no open redirect.

The world (tests/robustness/world.py) stores hostile text where users can type it: a student's
display name, a unit's name, a question's stem and explanation, a contest's title and an article
with an ``<img onerror>``. Every page that shows them must show them escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from quiz.extensions import db
from quiz.models import Question, User
from tests.robustness.world import ORG_XSS, XSS, build_url

RAW_MARKUP = (XSS, ORG_XSS, '<img src=x onerror="alert(2)">', "<img src=x onerror")
HASH_PREFIXES = ("pbkdf2:", "scrypt:")


def _login(auth, username: str) -> None:
    assert auth.login(username).status_code == 302


def _text(response) -> str:
    return response.get_data().decode("utf-8", errors="replace")


@dataclass
class Page:
    status: int
    mimetype: str
    headers: dict
    body: str


def _get_pages(app, client, world, *, prefixes=("/",)) -> dict[str, Page]:
    """GET every route under ``prefixes``, its ids filled with real ones: url -> page."""
    pages = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in {"static", "set_language"}:
            continue
        if not rule.rule.startswith(prefixes):
            continue
        values = {name: world.params[name] for name in rule.arguments}
        url = build_url(rule, values)
        pages[url] = _page(client.get(url))
    return pages


def _page(response) -> Page:
    body = _text(response)
    response.close()  # static and exported files are open handles
    return Page(response.status_code, response.mimetype, response.headers, body)


# --- cookies and headers ------------------------------------------------------------------


def test_session_cookie_is_httponly_and_samesite_lax(client, factories):
    factories.student("student")
    response = client.post("/auth/login", data={"username": "student", "password": "passw0rd!"})
    cookies = [v for k, v in response.headers.items() if k.lower() == "set-cookie"]
    session = [c for c in cookies if c.startswith("session=")]
    assert session, cookies
    assert "HttpOnly" in session[0]
    assert "SameSite=Lax" in session[0]


def test_remember_cookie_is_httponly_and_samesite_lax(client, factories):
    factories.student("student")
    response = client.post(
        "/auth/login", data={"username": "student", "password": "passw0rd!", "remember": "y"}
    )
    cookies = [v for k, v in response.headers.items() if k.lower() == "set-cookie"]
    remember = [c for c in cookies if c.startswith("remember_token=")]
    assert remember, cookies
    assert "HttpOnly" in remember[0] and "SameSite=Lax" in remember[0]


@pytest.mark.parametrize("username", [None, "student", "teacher", "root"])
def test_every_html_page_has_csp_and_frame_denial(app, client, auth, world, username):
    if username:
        _login(auth, username)
    pages = _get_pages(app, client, world)
    pages["/no-such-page"] = _page(client.get("/no-such-page"))
    missing = []
    for url, response in pages.items():
        if response.mimetype != "text/html":
            continue
        csp = response.headers.get("Content-Security-Policy", "")
        if "default-src 'self'" not in csp or "script-src 'self'" not in csp:
            missing.append(f"{url}: CSP {csp!r}")
        if response.headers.get("X-Frame-Options") != "DENY":
            missing.append(f"{url}: X-Frame-Options {response.headers.get('X-Frame-Options')!r}")
        if "'unsafe-inline'" in csp.split("script-src", 1)[-1].split(";", 1)[0]:
            missing.append(f"{url}: inline scripts allowed")
    assert len(pages) > 10
    assert not missing, "\n".join(missing)


# --- stored XSS ---------------------------------------------------------------------------


def _xss_pages(world) -> list[str]:
    ids = world.ids
    return [
        "/admin/students",
        f"/admin/students?q={XSS}",
        f"/admin/users/{ids['student']}",
        "/admin/organizations",
        f"/admin/organizations/{ids['evil_org']}",
        f"/admin/organizations/{ids['school']}",
        "/admin/bank",
        f"/admin/bank/questions/{ids['question']}",
        f"/admin/bank/questions/{ids['question']}/edit",
        "/admin/contests",
        f"/admin/contests/{ids['contest']}/edit",
        f"/admin/contests/{ids['contest']}/monitor",
        f"/admin/attempts/{ids['attempt']}",
        f"/admin/contests/{ids['contest']}/preview?key=1",
        "/admin/roster",
    ]


def _unescaped(body: str) -> list[str]:
    return [raw for raw in RAW_MARKUP if raw in body]


def test_stored_xss_is_escaped_on_organizer_pages(client, auth, world):
    _login(auth, "teacher")
    problems = []
    for url in _xss_pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = _text(response)
        if found := _unescaped(body):
            problems.append(f"{url}: {found}")
    assert not problems, "\n".join(problems)
    shown = _text(client.get("/admin/students"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown  # shown, as text


def test_source_article_with_img_onerror_is_escaped(client, auth, world):
    _login(auth, "teacher")
    body = _text(client.get(f"/admin/bank/questions/{world.ids['question']}"))
    assert "本届宣传周共举办活动72场" in body  # the highlighted sentence is there…
    assert "<img src=x onerror" not in body  # …and the article's markup is text
    assert "&lt;img src=x onerror" in body


def test_monitor_json_is_json(client, auth, world):
    _login(auth, "teacher")
    response = client.get(f"/admin/contests/{world.ids['contest']}/monitor.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    names = [row["student"] for row in response.get_json()["attempts"]]
    assert XSS in names  # data, not markup: the page's script inserts it with textContent


def test_monitor_script_inserts_text_not_html(app):
    """monitor.js fills the table from JSON: it must not build markup from names."""
    source = (Path(app.static_folder) / "js" / "monitor.js").read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source


def test_stored_xss_is_escaped_on_student_and_public_pages(app, client, auth, world):
    _login(auth, "student")
    pages = _get_pages(app, client, world, prefixes=("/contests", "/attempts", "/review", "/"))
    problems = [
        f"{url}: {found}"
        for url, response in pages.items()
        if response.mimetype == "text/html" and (found := _unescaped(response.body))
    ]
    assert not problems, "\n".join(problems)


def test_stored_xss_is_escaped_on_boards(app, client, auth, world):
    _login(auth, "teacher")
    pages = _get_pages(app, client, world, prefixes=("/boards", "/verify"))
    problems = [
        f"{url}: {found}"
        for url, response in pages.items()
        if response.mimetype == "text/html" and (found := _unescaped(response.body))
    ]
    assert not problems, "\n".join(problems)


# --- secrets never leave ------------------------------------------------------------------


@pytest.mark.parametrize("username", ["student", "teacher", "root"])
def test_password_hashes_never_appear_in_any_response(app, client, auth, world, username):
    hashes = [h for h in db.session.scalars(db.select(User.password_hash)) if h]
    _login(auth, username)
    pages = _get_pages(app, client, world)
    pages["/api/v1/me"] = _page(client.get("/api/v1/me"))
    leaks = []
    for url, page in pages.items():
        body = page.body
        if any(prefix in body for prefix in HASH_PREFIXES) or any(h in body for h in hashes):
            leaks.append(url)
    assert not leaks, leaks


@pytest.mark.parametrize(
    "referrer",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "http://localhost//evil.example/phish",
        "http://localhost/\\evil.example",
        "http://localhost/%5Cevil.example",
        "http://localhost/\\/evil.example",
        "javascript:alert(1)",
        "http://evil.example@localhost.evil.example/",
    ],
)
def test_language_switch_never_redirects_off_site(client, referrer):
    response = client.get("/lang/en", headers={"Referer": referrer})
    assert response.status_code == 302
    location = response.headers["Location"]
    parts = urlsplit(location)
    assert parts.netloc in ("", "localhost"), location
    # Browsers read a leading // or /\ as another host; an escaped %5C is a plain path.
    assert parts.path.startswith("/") and not parts.path.startswith(("//", "/\\")), location
    assert "\\" not in location, location


def test_language_switch_goes_back_to_a_local_page(client):
    response = client.get("/lang/en", headers={"Referer": "http://localhost/contests?page=2"})
    assert response.headers["Location"].endswith("/contests?page=2")


def test_pages_showing_passwords_are_not_cached(client, auth, world):
    _login(auth, "teacher")
    token = world.params["token"]
    roster = client.get(f"/admin/roster/{token}")
    assert roster.status_code == 200
    assert roster.headers.get("Cache-Control") == "no-store"
    download = client.post(f"/admin/roster/{token}/download")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert download.headers.get("Cache-Control") == "no-store"
    reset = client.post(f"/admin/users/{world.ids['student']}/reset-password")
    assert reset.status_code == 200
    assert reset.headers.get("Cache-Control") == "no-store"
    auth.logout()
    _login(auth, "root")
    created = client.post(
        "/admin/accounts/new",
        data={
            "username": "newteacher",
            "display_name": "新老师",
            "role": "organizer",
            "organization_id": str(world.ids["school"]),
            "must_change_password": "y",
        },
    )
    assert created.status_code == 200
    assert created.headers.get("Cache-Control") == "no-store"
    preview = client.get(f"/admin/contests/{world.ids['contest']}/preview?key=1")
    assert preview.headers.get("Cache-Control") == "no-store"


# --- no answer key before the attempt ends ------------------------------------------------

# ("points" alone is a question's value and may show; an answer's points come with is_correct.)
SECRET_FIELDS = re.compile(r'"(key|explanation|sentence|is_correct|answer|correct)"\s*:')


def test_api_never_sends_the_key_of_an_unfinished_attempt(client, auth, world):
    for question in db.session.scalars(db.select(Question)):
        question.explanation = f"EXPLAIN-{question.id}"
    db.session.commit()
    _login(auth, "student")
    attempt, contest = world.ids["attempt"], world.ids["contest"]
    bodies = {}
    bodies["start"] = client.post(f"/api/v1/contests/{contest}/attempts")
    state = client.get(f"/api/v1/attempts/{attempt}")
    bodies["get"] = state
    for item in state.get_json()["questions"]:
        body = {"text": "72万"} if item["type"] == "fill_blank" else {"choice": [0]}
        bodies[f"answer {item['id']}"] = client.put(
            f"/api/v1/attempts/{attempt}/answers/{item['id']}", json=body
        )
    bodies["event"] = client.post(f"/api/v1/attempts/{attempt}/events", json={"kind": "hidden"})
    bodies["contests"] = client.get("/api/v1/contests")
    bodies["get again"] = client.get(f"/api/v1/attempts/{attempt}")
    leaks = []
    for name, response in bodies.items():
        assert response.status_code < 400, (name, response.get_json())
        text = _text(response)
        if SECRET_FIELDS.search(text) or "EXPLAIN-" in text:
            leaks.append(f"{name}: {text[:200]}")
    assert not leaks, "\n".join(leaks)


def test_quiz_page_never_embeds_the_key_of_an_unfinished_attempt(client, auth, world):
    for question in db.session.scalars(db.select(Question)):
        question.explanation = f"EXPLAIN-{question.id}"
    db.session.commit()
    _login(auth, "student")
    page = client.get(f"/attempts/{world.ids['attempt']}")
    assert page.status_code == 200
    body = _text(page)
    assert "EXPLAIN-" not in body
    assert not SECRET_FIELDS.search(body)


# --- no IDOR ------------------------------------------------------------------------------


def _owner_only(world) -> list[tuple[str, str]]:
    ids = world.ids
    a = ids["attempt"]
    return [
        ("GET", f"/api/v1/attempts/{a}"),
        ("POST", f"/api/v1/attempts/{a}/submit"),
        ("PUT", f"/api/v1/attempts/{a}/answers/{ids['paper_question']}"),
        ("POST", f"/api/v1/attempts/{a}/events"),
        ("GET", f"/attempts/{a}"),
        ("GET", f"/attempts/{a}/result"),
        ("GET", f"/certificates/{a}"),
        ("GET", f"/certificates/{a}.pdf"),
        ("GET", f"/certificates/{a}/card"),
    ]


def _organizer_only(world) -> list[tuple[str, str]]:
    ids = world.ids
    return [
        ("GET", f"/admin/attempts/{ids['attempt']}"),
        ("POST", f"/admin/attempts/{ids['attempt']}/void"),
        ("GET", f"/admin/contests/{ids['contest']}/monitor"),
        ("GET", f"/admin/contests/{ids['contest']}/monitor.json"),
        ("GET", f"/admin/contests/{ids['contest']}/preview?key=1"),
        ("GET", f"/admin/contests/{ids['contest']}/edit"),
        ("POST", f"/admin/contests/{ids['contest']}/delete"),
        ("GET", f"/admin/events/{ids['event']}"),
        ("GET", f"/admin/users/{ids['student']}"),
        ("POST", f"/admin/users/{ids['student']}/reset-password"),
        ("GET", f"/admin/organizations/{ids['school']}"),
        ("POST", f"/admin/organizations/{ids['school']}/delete"),
        ("GET", f"/admin/roster/{world.params['token']}"),
        ("POST", f"/admin/roster/{world.params['token']}/download"),
        ("GET", f"/admin/contests/{ids['contest']}/results"),
        ("GET", f"/admin/contests/{ids['contest']}/export/results.csv"),
        ("GET", f"/admin/contests/{ids['contest']}/export/board.csv"),
        ("GET", f"/admin/contests/{ids['contest']}/participation.json"),
        ("GET", f"/admin/contests/{ids['contest']}/freeze"),
        ("GET", f"/admin/events/{ids['event']}/export/week.csv"),
        ("GET", f"/certificates/{ids['attempt']}"),
        ("GET", f"/certificates/{ids['attempt']}.pdf"),
    ]


def test_another_student_cannot_reach_an_attempt(client, auth, world):
    _login(auth, "classmate")
    allowed = [
        (method, url, status)
        for method, url in _owner_only(world)
        if (status := client.open(url, method=method, json={}).status_code) not in (403, 404)
    ]
    assert not allowed, allowed


def test_an_organizer_of_another_school_cannot_reach_its_data(client, auth, world):
    _login(auth, "rival")
    allowed = [
        (method, url, status)
        for method, url in _organizer_only(world)
        if (status := client.open(url, method=method).status_code) not in (403, 404)
    ]
    assert not allowed, allowed
