"""Issue 11 item 8: the admin's 个人信息 actions (a copy, erasure) on a student's page.

Only admins reach them; after erasure the student's name, username and class show nowhere
(boards, monitor, the attempt page, results and exports) and the boards keep their ranks.
"""

from __future__ import annotations

import pytest

from quiz.extensions import db
from quiz.models import User

pytestmark = pytest.mark.db


def _pages(client, contest, row):
    return {
        "board": client.get(f"/boards/contests/{contest.id}"),
        "board.json": client.get(f"/api/v1/contests/{contest.id}/leaderboard"),
        "monitor": client.get(f"/admin/contests/{contest.id}/monitor"),
        "monitor.json": client.get(f"/admin/contests/{contest.id}/monitor.json"),
        "attempt": client.get(f"/admin/attempts/{row.id}"),
        "results": client.get(f"/admin/contests/{contest.id}/results"),
        "export": client.get(f"/admin/contests/{contest.id}/export/results.csv"),
    }


def _ranks(client, contest):
    rows = client.get(f"/api/v1/contests/{contest.id}/leaderboard").get_json()["rows"]
    return [(r["rank"], r["score"]) for r in rows]


def test_only_admins_reach_the_privacy_actions(client, auth, factories, graded):
    contest, organizer, _q1, (alice_try, _bob_try) = graded
    alice = alice_try.user
    for login in (None, organizer.username, "alice"):
        if login:
            auth.login(login)
        for method, url in (
            ("post", f"/admin/users/{alice.id}/personal-data"),
            ("get", f"/admin/users/{alice.id}/erase"),
            ("post", f"/admin/users/{alice.id}/erase"),
        ):
            response = getattr(client, method)(url, data={"confirm_username": "alice"})
            assert response.status_code in (302, 403, 404), (login, url)
            if login:
                assert response.status_code in (403, 404), (login, url)
        auth.logout()
    db.session.expire_all()
    assert db.session.get(User, alice.id).display_name == "王小明"
    factories.admin("root")
    auth.login("root")  # the same routes exist, for an admin
    assert client.get(f"/admin/users/{alice.id}/erase").status_code == 200


def test_an_admin_downloads_the_copy(client, auth, factories, graded):
    _contest, _organizer, _q1, (alice_try, _bob_try) = graded
    factories.admin("root")
    auth.login("root")
    page = client.get(f"/admin/users/{alice_try.user_id}").get_data(as_text=True)
    assert "个人信息副本" in page and "注销个人信息" in page
    response = client.post(f"/admin/users/{alice_try.user_id}/personal-data")
    assert response.status_code == 200
    assert (
        response.mimetype == "application/json"
        and "attachment" in response.headers["Content-Disposition"]
    )
    assert response.headers["Cache-Control"] == "no-store"
    copy = response.get_json()
    assert copy["账号"]["姓名"] == "王小明" and "李四海" not in response.get_data(as_text=True)
    assert copy["答题记录"][0]["答案"][0]["得分"] == 10


def test_erasure_anonymizes_every_page_and_keeps_the_ranks(client, auth, factories, graded):
    contest, organizer, _q1, (alice_try, _bob_try) = graded
    alice_id = alice_try.user_id
    factories.admin("root")
    ranks = _ranks(client, contest)
    auth.login("root")
    form = client.get(f"/admin/users/{alice_id}/erase")
    assert form.status_code == 200 and "王小明" in form.get_data(as_text=True)
    wrong = client.post(f"/admin/users/{alice_id}/erase", data={"confirm_username": "bob"})
    assert wrong.status_code == 422 and "用户名" in wrong.get_data(as_text=True)
    response = client.post(f"/admin/users/{alice_id}/erase", data={"confirm_username": "alice"})
    assert response.status_code == 302
    placeholder = db.session.get(User, alice_id).display_name
    assert placeholder.startswith("已注销用户-")
    for viewer in ("root", organizer.username):
        auth.logout()
        auth.login(viewer)
        for name, page in _pages(client, contest, alice_try).items():
            assert page.status_code == 200, (viewer, name)
            body = page.get_data(as_text=True)
            if name.endswith(".json"):
                body = str(page.get_json())
            for secret in ("王小明", "王*明", "alice"):
                assert secret not in body, (viewer, name, secret)
            if viewer == "root" and name != "results":  # results: item statistics
                assert placeholder in body, name
    assert _ranks(client, contest) == ranks
    rows = client.get(f"/api/v1/contests/{contest.id}/leaderboard").get_json()["rows"]
    erased = [r for r in rows if r["name"].startswith("已")]
    assert len(erased) == 1 and erased[0]["organization"] == ""  # bob shares the class
    auth.logout()
    assert auth.login("alice").status_code != 302  # the old login is gone
    assert auth.login(db.session.get(User, alice_id).username).status_code != 302


def test_an_erased_students_session_ends(clock, client, auth, factories, graded):
    _contest, _organizer, _q1, (alice_try, _bob_try) = graded
    auth.login("alice")
    assert client.get("/auth/password").status_code == 200
    admin = factories.admin("root")
    from quiz.services.accounts import privacy
    from tests.clock import NOW

    privacy.erase_personal_data(admin, db.session.get(User, alice_try.user_id), now=NOW)
    response = client.get("/auth/password")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
