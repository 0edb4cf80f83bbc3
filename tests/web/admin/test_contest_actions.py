"""The 活动与比赛 list, duplicating and deleting contests."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import AuditLog, Contest
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


def count_contests() -> int:
    return db.session.scalar(select(func.count()).select_from(Contest))


def test_list_shows_contests_with_state_badges_and_links(clock, client, factories, organizer):
    running = factories.contest(owner=organizer, now=NOW, title="进行中的比赛")
    html = client.get("/admin/contests").get_data(as_text=True)
    assert "进行中的比赛" in html and 'class="badge badge-open"' in html
    for link in ("edit", "preview", "monitor", "delete"):
        assert f"/admin/contests/{running.id}/{link}" in html
    assert f'action="/admin/contests/{running.id}/duplicate"' in html


def test_duplicate_copies_the_rules_into_a_new_contest(clock, client, factories, organizer):
    original = factories.contest(
        owner=organizer, now=NOW, access="code", join_code="SECRET", partial_credit=True
    )
    response = client.post(f"/admin/contests/{original.id}/duplicate")
    copy = db.session.scalars(select(Contest).where(Contest.id != original.id)).one()
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/admin/contests/{copy.id}/edit")
    assert copy.title == "校园日知识竞赛（副本）"
    assert copy.draw_rules == original.draw_rules and copy.partial_credit
    assert copy.organization_id == original.organization_id
    assert copy.access == "code" and copy.join_code not in (None, "SECRET")


def test_delete_asks_first_then_deletes(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    confirm = client.get(f"/admin/contests/{contest.id}/delete").get_data(as_text=True)
    assert "确定删除" in confirm and count_contests() == 1
    response = client.post(f"/admin/contests/{contest.id}/delete", follow_redirects=True)
    assert "已删除" in response.get_data(as_text=True)
    assert count_contests() == 0
    entry = db.session.scalars(select(AuditLog).where(AuditLog.action == "contest.delete")).one()
    assert entry.actor_id == organizer.id and entry.target_id == contest.id


def test_delete_is_refused_once_there_are_attempts(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    attempts.start_attempt(
        contest, factories.student(), now=NOW, grace_seconds=GRACE, paper_builder=build_paper
    )
    confirm = client.get(f"/admin/contests/{contest.id}/delete").get_data(as_text=True)
    assert "已有1条答题记录，不能删除" in confirm and "确定删除" not in confirm
    response = client.post(f"/admin/contests/{contest.id}/delete", follow_redirects=True)
    assert "该比赛已有答题记录，不能删除" in response.get_data(as_text=True)
    assert count_contests() == 1


def test_duplicate_needs_csrf(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    response = client.post(f"/admin/contests/{contest.id}/duplicate", csrf=False)
    assert response.status_code == 400 and count_contests() == 1
