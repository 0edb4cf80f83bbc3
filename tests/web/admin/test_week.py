"""One action creates a week: the form, the event page and ``flask contests create-week``."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Contest, Event
from quiz.services.attempts.timing import contest_state
from quiz.services.contests.week import event_contests
from tests.admin_contests.conftest import NOW

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
            "start": "2021-10-12",
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
    # 校园日 runs 2021-10-12 00:00–23:59:59 in Shanghai; 个人信息保护日 five days later.
    assert contests[0].opens_at == datetime(2021, 10, 11, 16, 0)
    assert contests[-1].closes_at == datetime(2021, 10, 17, 15, 59, 59)
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
            "start": "2021-10-20",
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
            "start": "2021-10-12",
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


def test_cli_create_week(runner, week_bank):
    result = runner.invoke(args=["contests", "create-week", "--start", "2021-10-12"])
    assert result.exit_code == 0, result.output
    event = the_event()
    assert event.title == "四川省2021年国家网络安全宣传周" and event.organization_id is None
    contests = event_contests(event)
    assert [c.title for c in contests] == [f"{name}知识竞赛" for name in DAY_NAMES]
    lines = [line for line in result.output.splitlines() if "知识竞赛" in line]
    assert [line.split("\t")[1] for line in lines] == [c.title for c in contests]
    assert contests[1].opens_at == datetime(2021, 10, 12, 16, 0)  # 电信日, 10-13 in Shanghai


def test_cli_create_week_open_now(runner, week_bank, clock):
    result = runner.invoke(
        args=["contests", "create-week", "--start", "2021-11-01", "--title", "演练", "--open-now"]
    )
    assert result.exit_code == 0, result.output
    contests = event_contests(the_event())
    assert [c.themed_day for c in contests] == list(THEMED_DAYS)
    assert {contest_state(NOW, c.opens_at, c.closes_at) for c in contests} == {"open"}


def test_cli_create_week_reports_an_empty_bank(runner):
    result = runner.invoke(args=["contests", "create-week", "--start", "2021-10-12"])
    assert result.exit_code != 0
    assert "题库中已通过的题目不足" in result.output


def test_cli_create_week_for_a_unit(runner, week_bank, factories):
    unit = factories.organization("四川省/广元中学")
    result = runner.invoke(
        args=[
            "contests",
            "create-week",
            "--start",
            "2021-10-12",
            "--organization",
            "四川省/广元中学",
        ]
    )
    assert result.exit_code == 0, result.output
    event = the_event()
    assert event.organization_id == unit.id
    assert {c.organization_id for c in event.contests} == {unit.id}
    missing = runner.invoke(
        args=["contests", "create-week", "--start", "2021-10-12", "--organization", "无此单位"]
    )
    assert missing.exit_code != 0 and "单位不存在" in missing.output
