"""Checks over every HTML page each role can open (the walk of tests/robustness/pages.py)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Attempt, Contest
from quiz.services import attempts as attempt_service
from quiz.timeutil import utcnow
from tests.robustness.pages import html_pages, unlabelled_fields, visible_text

ROLES = {"anonymous": None, "student": "student", "organizer": "teacher", "admin": "root"}
ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)"')
# A time as machines write it: ISO 8601 (2026-12-01T07:43), fractions of a second, a zone
# suffix, or "UTC". People here read "2026-12-01 15:43", Beijing time.
RAW_TIME = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d|\d\d:\d\d:\d\d\.\d+|\d\d:\d\d(?::\d\d)?(?:Z|[+-]00:?00)\b|\bUTC\b"
)
# Seconds are for the organizer's logs (the attempt's timeline, lockouts, the monitor) only.
WITH_SECONDS = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def _walk(app, client, auth, world, role):
    if ROLES[role]:
        assert auth.login(ROLES[role]).status_code == 302
    pages = list(html_pages(app, client, world))
    assert len(pages) > 10, [page.url for page in pages]
    return pages


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO header
    response.close()


@pytest.mark.parametrize("role", ROLES)
def test_every_page_links_an_icon_that_loads(app, client, auth, world, role):
    """A browser asks for the linked icon (or /favicon.ico without one): neither may 404."""
    missing, broken = [], set()
    for page in _walk(app, client, auth, world, role):
        found = ICON_LINK.search(page.html)
        if not found:
            missing.append(page.url)
            continue
        href = found.group(1)
        response = client.get(href)
        if response.status_code != 200:
            broken.add(f"{href}: {response.status_code}")
        response.close()
    assert not missing, f"pages without an icon link: {missing}"
    assert not broken


@pytest.fixture
def dated_world(app, world):
    """The world with its standalone contest frozen a minute ago and a finished attempt of
    the student in it (a results page, a 错题本, a frozen board with its notice)."""
    now = utcnow()
    contest = db.session.get(Contest, world.ids["contest"])
    contest.freeze_at = now - timedelta(minutes=1, microseconds=434641)  # microseconds, like prod
    db.session.commit()
    attempt_service.finish(db.session.get(Attempt, world.ids["attempt"]), now=now)
    return world


@pytest.mark.parametrize("role", ROLES)
def test_no_page_shows_a_raw_iso_or_utc_time(app, client, auth, dated_world, role):
    problems, frozen_notices = [], 0
    for page in _walk(app, client, auth, dated_world, role):
        text = visible_text(page.html)
        frozen_notices += "榜单已封榜：显示封榜时" in text
        found = RAW_TIME.findall(text)
        if role in ("anonymous", "student"):
            found += WITH_SECONDS.findall(text)
        if found:
            problems.append(f"{page.url}: {found[:3]}")
    assert not problems
    if role in ("anonymous", "student"):
        assert frozen_notices, "the walk never reached a frozen board"


@pytest.mark.parametrize("role", ROLES)
def test_every_form_field_has_a_label(app, client, auth, dated_world, role):
    problems = []
    for page in _walk(app, client, auth, dated_world, role):
        missing = unlabelled_fields(page.html)
        if missing:
            problems.append(f"{page.url}: {missing[:4]}")
    assert not problems
