"""The boards index lists every event's week, day, organization and projector boards."""

from __future__ import annotations

import pytest

from quiz.services.contests.week import create_week
from tests.clock import NOW

pytestmark = pytest.mark.db


def test_index_links_every_board_of_an_event(client, factories):
    for _ in range(12):
        factories.question(type="single_choice", days=("general",))
        factories.question(type="true_false", days=("general",))
        factories.question(type="fill_blank", days=("general",))
        factories.question(type="multiple_choice", days=("general",))
    event = create_week(title="测试宣传周", start=NOW.date(), actor=None, now=NOW)
    page = client.get("/boards/").get_data(as_text=True)
    assert "测试宣传周" in page
    assert f"/boards/events/{event.id}/projector" in page
    assert f"/boards/events/{event.id}/days/privacy" in page
    assert 'href="/boards/"' in client.get("/").get_data(as_text=True)  # in the menu
