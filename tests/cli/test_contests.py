"""``flask contests create-week``: the six themed-day contests of a week, for a unit or all."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Event
from quiz.services.attempts.timing import contest_state
from quiz.services.contests.week import event_contests
from tests.clock import NOW

pytestmark = pytest.mark.db

DAY_NAMES = list(THEMED_DAYS.values())


def the_event() -> Event:
    return db.session.scalars(select(Event)).one()


def test_cli_create_week(runner, week_bank):
    result = runner.invoke(args=["contests", "create-week", "--start", "2026-10-11"])
    assert result.exit_code == 0, result.output
    event = the_event()
    assert event.title == "四川省2021年国家网络安全宣传周" and event.organization_id is None
    contests = event_contests(event)
    assert [c.title for c in contests] == [f"{name}知识竞赛" for name in DAY_NAMES]
    lines = [line for line in result.output.splitlines() if "知识竞赛" in line]
    assert [line.split("\t")[1] for line in lines] == [c.title for c in contests]
    assert contests[1].opens_at == datetime(2026, 10, 11, 16, 0)  # 电信日, 10-12 in Shanghai


def test_cli_create_week_open_now(runner, week_bank, clock):
    result = runner.invoke(
        args=["contests", "create-week", "--start", "2026-11-01", "--title", "演练", "--open-now"]
    )
    assert result.exit_code == 0, result.output
    contests = event_contests(the_event())
    assert [c.themed_day for c in contests] == list(THEMED_DAYS)
    assert {contest_state(NOW, c.opens_at, c.closes_at) for c in contests} == {"open"}


def test_cli_create_week_reports_an_empty_bank(runner):
    result = runner.invoke(args=["contests", "create-week", "--start", "2026-10-11"])
    assert result.exit_code != 0
    assert "题库中已通过的题目不足" in result.output


def test_cli_create_week_for_a_unit(runner, week_bank, factories):
    unit = factories.organization("四川省/广元中学")
    result = runner.invoke(
        args=[
            "contests",
            "create-week",
            "--start",
            "2026-10-11",
            "--organization",
            "四川省/广元中学",
        ]
    )
    assert result.exit_code == 0, result.output
    event = the_event()
    assert event.organization_id == unit.id
    assert {c.organization_id for c in event.contests} == {unit.id}
    missing = runner.invoke(
        args=["contests", "create-week", "--start", "2026-10-11", "--organization", "无此单位"]
    )
    assert missing.exit_code != 0 and "单位不存在" in missing.output
