"""The organizer's results pages: statistics, exports and voiding a question, scoped."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog
from tests.helpers.boards import LATER

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def later(clock):
    """Requests run an hour into the contest."""
    clock.move_to(LATER)


def test_results_page_export_and_void_over_http(client, auth, graded):
    contest, organizer, q1, _rows = graded
    auth.login(organizer.username)
    page = client.get(f"/admin/contests/{contest.id}/results")
    assert page.status_code == 200 and "难度系数" in page.get_data(as_text=True)
    export = client.get(f"/admin/contests/{contest.id}/export/results.csv")
    text = export.data.decode("utf-8-sig")
    assert export.status_code == 200 and "王小明" in text and "切屏次数" in text
    board = client.get(f"/admin/contests/{contest.id}/export/board.xlsx")
    assert board.status_code == 200 and board.data.startswith(b"PK")
    assert client.get(f"/admin/contests/{contest.id}/participation.json").status_code == 200
    response = client.post(
        f"/admin/contests/{contest.id}/questions/{q1.id}/void", data={"reason": "题干歧义"}
    )
    assert response.status_code == 302
    assert db.session.execute(
        select(AuditLog).where(AuditLog.action == "contest.void_question")
    ).scalar_one()


def test_results_are_organizer_only_and_scoped(client, auth, graded, factories):
    contest, *_ = graded
    auth.login("alice")
    assert client.get(f"/admin/contests/{contest.id}/results").status_code == 403
    assert client.get(f"/admin/contests/{contest.id}/export/results.csv").status_code == 403
    auth.logout()
    auth.login(factories.organizer(unit="四川省/绵阳中学").username)
    assert client.get(f"/admin/contests/{contest.id}/export/board.csv").status_code == 403
