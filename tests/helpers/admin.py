"""Helpers for the organizer pages: another school, uploads, page text and the contest form."""

from __future__ import annotations

from io import BytesIO

#: A school outside the default organizer's 四川省/广元中学.
OTHER_SCHOOL = "四川省/成都七中"


def upload(client, url: str, filename: str, data: bytes, **fields):
    """POST a multipart form with one file (CSRF token added by the client)."""
    payload = {"file": (BytesIO(data), filename), **{k: str(v) for k, v in fields.items()}}
    return client.post(url, data=payload, content_type="multipart/form-data")


def text(response) -> str:
    """The response body as text."""
    return response.get_data(as_text=True)


def contest_form(**overrides) -> dict:
    """A valid POST body for the contest form (times as typed, in Asia/Shanghai).

    It opens at 09:00 on the day of ``tests.clock.NOW`` (2026-10-11) and closes at 21:00.
    An override of ``None`` leaves the field out.
    """
    data = {
        "title": "校园日知识竞赛",
        "description": "面向全校学生",
        "themed_day": "campus",
        "opens_at": "2026-10-11T09:00",
        "closes_at": "2026-10-11T21:00",
        "time_limit_minutes": "10",
        "question_count": "4",
        "draw_mode": "rules",
        "count_single_choice": "2",
        "count_multiple_choice": "0",
        "count_true_false": "1",
        "count_fill_blank": "1",
        "difficulty_1": "",
        "difficulty_2": "",
        "difficulty_3": "",
        "points_per_question": "10",
        "attempts_allowed": "1",
        "counting": "best",
        "access": "everyone",
        "join_code": "",
        "show_answers": "after_submit",
        "auto_submit_after_switches": "",
        "freeze_at": "",
        "submit": "保存",
    }
    data.update({k: v for k, v in overrides.items() if v is not None})
    for key in [k for k, v in overrides.items() if v is None]:
        data.pop(key, None)
    return data
