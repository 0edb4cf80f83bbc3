"""The one way times are shown: ``localtime`` gives ``YYYY-MM-DD HH:MM`` in Beijing time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from quiz.web.templating import localtime

STORED = datetime(2026, 12, 1, 7, 43, 4, 434641)  # naive UTC, as the database keeps it


@pytest.mark.parametrize(
    "value",
    [
        STORED,
        STORED.replace(tzinfo=UTC),
        STORED.replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=-5))),
        "2026-12-01T07:43:04.434641Z",  # a service's iso_utc, as the JSON API carries it
        "2026-12-01T07:43:04+00:00",
    ],
)
def test_every_kind_of_time_is_shown_in_beijing_to_the_minute(value):
    assert localtime(value) == "2026-12-01 15:43"


def test_seconds_on_request_nothing_for_none_and_text_left_alone():
    assert localtime(STORED, seconds=True) == "2026-12-01 15:43:04"
    assert localtime(None) == "" and localtime("") == ""
    assert localtime("不是时间") == "不是时间"


def test_templates_use_the_filter(app):
    with app.test_request_context():
        rendered = app.jinja_env.from_string("{{ t|localtime }}|{{ t|localtime(seconds=True) }}")
        assert rendered.render(t=STORED) == "2026-12-01 15:43|2026-12-01 15:43:04"
