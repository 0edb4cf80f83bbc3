"""Issue 12 item 7: a top-3 podium on the contest, day and week boards.

It shows the first three rows of the board, names masked as the table masks them; it is
hidden while nobody is ranked, absent from later pages, and a frozen board's podium shows the
frozen standings.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest
import time_machine

from quiz.extensions import db
from quiz.services.boards.freeze import set_freeze
from tests.clock import NOW
from tests.helpers.boards import LATER, attempt, event_with

pytestmark = pytest.mark.db

NAMES = ["王小明", "李四海", "张三丰", "赵子龙"]


@pytest.fixture(autouse=True)
def later(clock):
    clock.move_to(LATER)


def podium(page: str) -> list[tuple[str, str, str]]:
    """(rank, name, score) of each podium place, in document order."""
    block = re.search(r'<ol class="podium"[^>]*>(.*?)</ol>', page, re.S)
    assert block, "no podium"
    return re.findall(
        r'podium-rank">([^<]*)</span>\s*<span class="podium-name">([^<]*)</span>\s*'
        r'<span class="podium-score">([^<]*)</span>',
        block.group(1),
    )


def test_contest_board_podium_shows_the_top_three_masked(client, factories):
    event, (contest,) = event_with(["campus"])
    for name, score in zip(NAMES, (20, 40, 30, 10), strict=True):
        attempt(contest, factories.student(display_name=name), score=score)
    page = client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)
    assert podium(page) == [
        ("第1名", "李*海", "40分"),
        ("第2名", "张*丰", "30分"),
        ("第3名", "王*明", "20分"),
    ]
    assert "李四海" not in page and "赵*龙" not in podium_html(page)


def podium_html(page: str) -> str:
    return re.search(r'<ol class="podium".*?</ol>', page, re.S).group(0)


def test_day_and_week_boards_have_a_podium(client, factories):
    event, (contest,) = event_with(["campus"])
    attempt(contest, factories.student(display_name="王小明"), score=30)
    attempt(contest, factories.student(display_name="李四海"), score=20)
    for path in (f"/boards/events/{event.id}", f"/boards/events/{event.id}/days/campus"):
        page = client.get(path).get_data(as_text=True)
        assert podium(page) == [("第1名", "王*明", "30分"), ("第2名", "李*海", "20分")], path


def test_no_podium_without_a_ranked_row(client, factories):
    event, (contest,) = event_with(["campus"])
    page = client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)
    assert re.search(r'<ol class="podium"[^>]* hidden>\s*</ol>', page)  # board.js may fill it


def test_later_pages_have_no_podium(client, factories):
    event, (contest,) = event_with(["campus"])
    attempt(contest, factories.student(display_name="王小明"), score=30)
    page = client.get(f"/boards/contests/{contest.id}?page=2").get_data(as_text=True)
    assert 'class="podium"' not in page


def test_a_frozen_board_podium_shows_the_frozen_standings(client, auth, factories, contest):
    organizer = factories.organizer()
    contest.organization_id = organizer.organization_id
    db.session.commit()
    attempt(
        contest, factories.student("early", display_name="王小明"), score=10, start=NOW, used=60
    )
    late = factories.student("late", display_name="李四海")
    attempt(contest, late, score=40, start=NOW, used=600)  # handed in after the freeze
    set_freeze(contest, NOW + timedelta(minutes=5), actor=organizer, now=NOW + timedelta(minutes=6))
    with time_machine.travel(LATER.replace(tzinfo=UTC), tick=False):
        assert auth.login("early").status_code == 302
        page = client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)
    assert "board-frozen" in page
    # The late 40 is not on it; the student reads their own name in full, as in the table.
    assert podium(page) == [("第1名", "王小明", "10分")]
    assert "李*海" not in page
