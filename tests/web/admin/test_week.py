"""One action creates a week: the form and the event page."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Contest, Event
from quiz.services.attempts.timing import contest_state
from quiz.services.contests.week import event_contests
from tests.clock import NOW

pytestmark = pytest.mark.db

DAY_NAMES = list(THEMED_DAYS.values())


def the_event() -> Event:
    return db.session.scalars(select(Event)).one()


def test_week_form_creates_six_contests_in_the_articles_order(clock, client, organizer, week_bank):
    form = client.get("/admin/events/new").get_data(as_text=True)
    assert 'value="四川省2021年国家网络安全宣传周"' in form
    response = client.post(
        "/admin/events/new",
        data={
            "title": "四川省2021年国家网络安全宣传周",
            "start": "2026-10-11",
            "time_limit_minutes": "15",
            "question_count": "10",
        },
    )
    event = the_event()
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/admin/events/{event.id}")
    contests = event_contests(event)
    assert [c.themed_day for c in contests] == list(THEMED_DAYS)
    assert {c.time_limit_seconds for c in contests} == {900}
    assert all(c.organization_id == organizer.organization_id for c in contests)
    # 校园日 runs 2026-10-11 00:00–23:59:59 in Shanghai; 个人信息保护日 five days later.
    assert contests[0].opens_at == datetime(2026, 10, 10, 16, 0)
    assert contests[-1].closes_at == datetime(2026, 10, 16, 15, 59, 59)
    page = client.get(f"/admin/events/{event.id}").get_data(as_text=True)
    positions = [page.index(f"{name}知识竞赛") for name in DAY_NAMES]
    assert positions == sorted(positions)
    for contest in contests:
        assert f"/admin/contests/{contest.id}/edit" in page


def test_week_form_open_now_opens_all_six(clock, client, organizer, week_bank):
    client.post(
        "/admin/events/new",
        data={
            "title": "演练周",
            "start": "2026-10-19",
            "time_limit_minutes": "10",
            "question_count": "10",
            "open_now": "y",
        },
    )
    contests = event_contests(the_event())
    assert len(contests) == 6
    assert {contest_state(NOW, c.opens_at, c.closes_at) for c in contests} == {"open"}


def test_week_form_names_the_shortage(clock, client, organizer):
    response = client.post(
        "/admin/events/new",
        data={
            "title": "宣传周",
            "start": "2026-10-11",
            "time_limit_minutes": "10",
            "question_count": "10",
        },
    )
    assert response.status_code == 422
    assert "校园日：题库中已通过的题目不足" in response.get_data(as_text=True)
    assert db.session.scalars(select(Contest)).all() == []
    assert db.session.scalars(select(Event)).all() == []


def test_week_form_validates_in_chinese(clock, client, organizer):
    response = client.post(
        "/admin/events/new",
        data={"title": "", "start": "下周", "time_limit_minutes": "0", "question_count": "10"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "请填写活动名称" in html and "请输入有效的日期" in html and "答题时限必须大于0" in html
