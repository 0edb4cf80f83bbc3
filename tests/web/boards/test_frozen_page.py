"""A frozen contest board as a student reads it: the freeze time in Beijing time, and a score
handed in after the freeze acknowledged ("你的成绩已记录，解封后显示")."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
import time_machine

from quiz.extensions import db
from quiz.services.boards.freeze import set_freeze
from tests.clock import NOW
from tests.helpers.boards import LATER, attempt

pytestmark = pytest.mark.db


@pytest.fixture
def frozen(factories, contest):
    organizer = factories.organizer()
    contest.organization_id = organizer.organization_id
    db.session.commit()
    early = factories.student("early", display_name="王小明")
    late = factories.student("late", display_name="李四海")
    attempt(contest, early, score=10, start=NOW, used=60)
    attempt(contest, late, score=40, start=NOW, used=600)  # after the freeze below
    freeze_at = NOW + timedelta(minutes=5, seconds=4, microseconds=434641)
    set_freeze(contest, freeze_at, actor=organizer, now=NOW + timedelta(minutes=6))
    return contest


def _board(client, auth, contest, username):
    with time_machine.travel(LATER.replace(tzinfo=UTC), tick=False):
        assert auth.login(username).status_code == 302
        return client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)


def test_the_freeze_time_is_beijing_time_to_the_minute(client, auth, frozen):
    page = _board(client, auth, frozen, "early")
    assert "显示封榜时（2026-10-11 10:05）的排名" in page  # 02:05:04.434641 UTC
    assert "T02:05" not in page.split("<tbody>")[0]


def test_a_student_who_handed_in_after_the_freeze_is_told_the_score_is_kept(client, auth, frozen):
    page = _board(client, auth, frozen, "late")
    assert "你的成绩已记录，解封后显示。" in page
    assert "您还没有计入本榜的成绩" not in page


def test_a_student_without_a_result_still_reads_that_there_is_none(client, auth, factories, frozen):
    factories.student("nobody")
    page = _board(client, auth, frozen, "nobody")
    assert "您还没有计入本榜的成绩" in page and "解封后显示" not in page
