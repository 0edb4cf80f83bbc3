"""Scope: organizers manage contests of their unit or below; admins manage all (no IDOR)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Contest
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


@pytest.fixture
def school_b_contest(factories, clock):
    """A contest of 成都七中 (school B) with one attempt, and B's organizer."""
    owner = factories.organizer("teacher_b", unit="四川省/成都七中")
    contest = factories.contest(owner=owner, now=NOW, title="七中校园日")
    attempt = attempts.start_attempt(
        contest, factories.student(), now=NOW, grace_seconds=GRACE, paper_builder=build_paper
    )[0]
    return contest, attempt


def contest_urls(contest_id: int, attempt_id: int) -> list[tuple[str, str]]:
    return [
        ("GET", f"/admin/contests/{contest_id}/edit"),
        ("POST", f"/admin/contests/{contest_id}/edit"),
        ("GET", f"/admin/contests/{contest_id}/preview"),
        ("GET", f"/admin/contests/{contest_id}/monitor"),
        ("GET", f"/admin/contests/{contest_id}/monitor.json"),
        ("POST", f"/admin/contests/{contest_id}/duplicate"),
        ("GET", f"/admin/contests/{contest_id}/delete"),
        ("POST", f"/admin/contests/{contest_id}/delete"),
        ("GET", f"/admin/attempts/{attempt_id}"),
        ("POST", f"/admin/attempts/{attempt_id}/extend"),
        ("POST", f"/admin/attempts/{attempt_id}/void"),
    ]


def test_organizer_of_school_a_cannot_reach_school_b(school_b_contest, client, factories, auth):
    contest, attempt = school_b_contest
    factories.organizer("teacher_a", unit="四川省/广元中学")
    auth.login("teacher_a")
    for method, url in contest_urls(contest.id, attempt.id):
        response = client.open(url, method=method, data={"minutes": "5", "reason": "x"})
        assert response.status_code == 403, (method, url)
    assert "七中校园日" not in client.get("/admin/contests").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Contest, contest.id).title == "七中校园日"
    assert attempt.status == "in_progress"
    assert db.session.scalar(select(func.count()).select_from(Contest)) == 1


def test_unknown_ids_are_404(client, organizer):
    for method, url in contest_urls(9999, 9999):
        assert client.open(url, method=method).status_code == 404, (method, url)
    assert client.get("/admin/events/9999").status_code == 404


def test_event_of_another_school_is_forbidden(clock, client, factories, auth, week_bank):
    from quiz.services.contests.week import create_week

    owner = factories.organizer("teacher_b", unit="四川省/成都七中")
    event = create_week(title="七中宣传周", start=NOW.date(), actor=owner, now=NOW)
    factories.organizer("teacher_a", unit="四川省/广元中学")
    auth.login("teacher_a")
    assert client.get(f"/admin/events/{event.id}").status_code == 403
    assert "七中宣传周" not in client.get("/admin/contests").get_data(as_text=True)


def test_region_organizer_and_admin_see_schools_below(school_b_contest, client, factories, auth):
    contest, attempt = school_b_contest
    factories.organizer("region", unit="四川省")
    factories.admin("root")
    for username in ("region", "root"):
        auth.login(username)
        assert "七中校园日" in client.get("/admin/contests").get_data(as_text=True)
        assert client.get(f"/admin/contests/{contest.id}/monitor.json").status_code == 200
        assert client.get(f"/admin/attempts/{attempt.id}").status_code == 200
        auth.logout()
