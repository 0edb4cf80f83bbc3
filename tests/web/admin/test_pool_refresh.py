"""更新题池: the organizer of a contest refreshes its fixed pool (audited); nobody else may."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog, Question
from quiz.services.questions.edit import edit_question
from tests.clock import NOW
from tests.helpers.attempts import begin
from tests.helpers.bank import edit_of

pytestmark = pytest.mark.db


def test_refresh_takes_the_edit_and_is_audited_and_owner_only(clock, client, factories, auth):
    owner = factories.organizer("teacher", unit="四川省/广元中学")
    contest = factories.contest(owner=owner, now=NOW)
    first = begin(contest, factories.student())
    question = db.session.get(Question, first.paper[0]["question_id"])
    edit_question(question, edit_of(question, stem="更新后的题干是什么？"), actor=factories.admin())
    url = f"/admin/contests/{contest.id}/pool/refresh"

    factories.organizer("teacher_b", unit="四川省/成都七中")
    auth.login("teacher_b")
    assert client.post(url).status_code == 403
    assert client.post(f"/admin/contests/{contest.id + 999}/pool/refresh").status_code == 404
    auth.logout()
    factories.student("pupil")
    auth.login("pupil")
    assert client.post(url).status_code == 403
    auth.logout()
    assert db.session.scalars(select(AuditLog).where(AuditLog.action.like("%pool%"))).all() == []

    auth.login("teacher")
    assert client.post(url, csrf=False).status_code == 400  # a form, CSRF-protected
    response = client.post(url, follow_redirects=True)
    assert response.status_code == 200 and "已更新题池" in response.get_data(as_text=True)
    entry = db.session.scalars(
        select(AuditLog).where(AuditLog.action == "contest.pool.refresh")
    ).one()
    assert entry.actor_id == owner.id and entry.target_id == contest.id
    assert question.id in entry.details["changed"]
    second = begin(contest, factories.student())
    served = next(i for i in second.paper if i["question_id"] == question.id)
    assert served["stem"] == "更新后的题干是什么？"


def test_the_preview_page_shows_the_pool_state(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    page = client.get(f"/admin/contests/{contest.id}/preview").get_data(as_text=True)
    assert "题池尚未固定" in page and "更新题池</button>" not in page
    refused = client.post(f"/admin/contests/{contest.id}/pool/refresh", follow_redirects=True)
    assert refused.status_code == 200 and "题池尚未固定" in refused.get_data(as_text=True)
    begin(contest, factories.student())
    page = client.get(f"/admin/contests/{contest.id}/preview").get_data(as_text=True)
    assert "题池已于2026-10-11 10:00（北京时间）固定" in page and "更新题池</button>" in page
