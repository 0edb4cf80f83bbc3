"""Forms and JSON bodies that pass validation's first checks but carry hostile values.

Each case once raised (OverflowError from SQLite or ``datetime``) and answered 500: an id past
the database's integer range, a year that overflows when converted to UTC, a timestamp with an
offset at the edge of ``datetime``. They must be ordinary refusals now, with nothing saved.
"""

from __future__ import annotations

from io import BytesIO

import pytest

from quiz.extensions import db
from quiz.models import Contest, Event, User
from tests.helpers.admin import contest_form

HUGE = "99999999999999999999"
SCHOOL_CSV = "姓名,班级,用户名\n王五,高一(3)班,\n".encode()


def _contests() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(Contest))


def _page(response) -> str:
    return response.get_data(as_text=True)


def test_roster_into_a_huge_school_id_is_refused(client, auth, world):
    auth.login("teacher")
    before = db.session.scalar(db.select(db.func.count()).select_from(User))
    response = client.post(
        "/admin/roster",
        data={"school_id": HUGE, "file": (BytesIO(SCHOOL_CSV), "名单.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 404
    assert "页面不存在" in _page(response)
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == before


def test_merge_into_a_huge_target_id_is_refused(client, auth, world):
    auth.login("teacher")
    response = client.post(
        f"/admin/organizations/{world.ids['evil_org']}/merge",
        data={"target_id": HUGE, "confirm": "y"},
    )
    assert response.status_code == 404


def test_student_list_filtered_by_a_huge_unit_id(client, auth, world):
    auth.login("teacher")
    assert client.get(f"/admin/students?org={HUGE}").status_code == 404


@pytest.mark.parametrize("url", ["/admin/students", "/admin/bank", "/admin/bank?q=题"])
def test_a_huge_page_number_shows_the_last_page(client, auth, world, url):
    auth.login("root")
    sep = "&" if "?" in url else "?"
    response = client.get(f"{url}{sep}page={HUGE}")
    assert response.status_code == 200


def test_bulk_approve_with_huge_ids_approves_the_real_ones(client, auth, world, factories):
    auth.login("teacher")
    draft = factories.question(status="draft")
    draft.owner_unit_id = db.session.execute(
        db.select(User.organization_id).filter_by(username="teacher")
    ).scalar_one()  # the teacher's own question
    db.session.commit()
    response = client.post("/admin/bank/bulk-approve", data={"ids": [HUGE, str(draft.id)]})
    assert response.status_code == 302
    db.session.expire_all()
    assert draft.status == "approved"


def test_contest_with_a_huge_unit_id_is_refused(client, auth, world):
    auth.login("teacher")
    before = _contests()
    form = contest_form(
        opens_at="2026-12-01T09:00",
        closes_at="2026-12-01T21:00",
        access="organizations",
        organization_ids=[HUGE],
    )
    response = client.post("/admin/contests/new", data=form)
    assert response.status_code == 403
    assert _contests() == before


def test_contest_with_a_huge_fixed_question_id_is_refused(client, auth, world):
    auth.login("teacher")
    before = _contests()
    form = contest_form(
        opens_at="2026-12-01T09:00",
        closes_at="2026-12-01T21:00",
        draw_mode="fixed",
        fixed_question_ids=[HUGE, str(world.ids["question"])],
    )
    response = client.post("/admin/contests/new", data=form)
    assert response.status_code == 422
    assert "已通过审核" in _page(response)
    assert _contests() == before


@pytest.mark.parametrize(
    "times",
    [
        {"opens_at": "0001-01-01T00:00", "closes_at": "0001-01-01T07:59"},
        {"opens_at": "9999-12-31T22:00", "closes_at": "9999-12-31T23:59"},
        {"freeze_at": "0001-01-01T00:00"},
    ],
)
def test_contest_times_at_the_edge_of_the_calendar_are_refused(client, auth, world, times):
    auth.login("teacher")
    before = _contests()
    form = contest_form(**{"opens_at": "2026-12-01T09:00", "closes_at": "2026-12-01T21:00"})
    form.update(times)
    response = client.post("/admin/contests/new", data=form)
    assert response.status_code == 422
    assert "年份须在2000到2099之间" in _page(response)
    assert _contests() == before


def test_week_starting_at_the_end_of_the_calendar_is_refused(client, auth, world):
    auth.login("teacher")
    before = db.session.scalar(db.select(db.func.count()).select_from(Event))
    form = {
        "title": "9999年网安周",
        "start": "9999-12-31",
        "time_limit_minutes": "10",
        "question_count": "4",
        "open_now": "",
    }
    response = client.post("/admin/events/new", data=form)
    assert response.status_code == 422
    assert "年份须在2000到2099之间" in _page(response)
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == before


@pytest.mark.parametrize(
    "client_time", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-13-01"]
)
def test_focus_event_with_an_unrepresentable_client_time(client, auth, world, client_time):
    auth.login("student")
    response = client.post(
        f"/api/v1/attempts/{world.ids['attempt']}/events",
        json={"kind": "hidden", "client_time": client_time},
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "malformed"


def test_staff_account_in_a_huge_unit_is_refused(client, auth, world):
    auth.login("root")
    response = client.post(
        "/admin/accounts/new",
        data={
            "username": "newteacher",
            "display_name": "新老师",
            "role": "organizer",
            "organization_id": HUGE,
        },
    )
    assert response.status_code == 422
    assert db.session.scalar(db.select(User).where(User.username == "newteacher")) is None
