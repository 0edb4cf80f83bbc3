"""Login throttling that slows an attacker without locking out the owner (issue 11 item 4)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog

pytestmark = pytest.mark.db

ATTACKER = {"REMOTE_ADDR": "10.9.9.9"}
OWNER = {"REMOTE_ADDR": "10.1.1.1"}


def _login(client, environ, username="student", password="passw0rd!"):
    return client.post(
        "/auth/login", data={"username": username, "password": password}, environ_base=environ
    )


def test_owner_from_a_clean_source_gets_in_while_attacked(app, clock, client, factories):
    factories.student("student")
    for _ in range(8):
        _login(client, ATTACKER, password="wrong-pass1")
    assert _login(client, ATTACKER).status_code == 429  # the attacker's source waits
    owner = app.test_client()
    assert _login(owner, OWNER).status_code == 302


def test_locked_source_sees_the_wait_and_that_a_teacher_can_unlock(clock, client, factories):
    factories.student("student")
    for _ in range(5):
        _login(client, ATTACKER, password="wrong-pass1")
    locked = _login(client, ATTACKER)
    body = locked.get_data(as_text=True)
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) == 30
    assert "30秒后再试" in body and "你的老师可以为你解锁" in body


def test_ip_limit_counts_failed_logins_only(app, clock, factories):
    app.config["LOGIN_IP_LIMIT"] = "3 per minute"
    for index in range(6):
        factories.student(f"lab{index}")
    lab = app.test_client()
    for index in range(6):  # a lab behind one address: successes never use up the budget
        assert _login(lab, OWNER, username=f"lab{index}").status_code == 302
        lab.post("/auth/logout", environ_base=OWNER)


def test_organizer_lists_and_unlocks_accounts_in_scope_only(app, clock, client, auth, factories):
    student = factories.student("student")
    factories.organizer("teacher", unit="四川省/广元中学")
    factories.organizer("other", unit="四川省/别的中学")
    for _ in range(5):
        _login(client, ATTACKER, password="wrong-pass1")
    other = app.test_client()
    _login(other, OWNER, username="other")
    assert "student" not in other.get("/admin/users/locked").get_data(as_text=True)
    assert other.post(f"/admin/users/{student.id}/unlock").status_code in (403, 404)
    teacher = app.test_client()
    _login(teacher, OWNER, username="teacher")
    assert "student" in teacher.get("/admin/users/locked").get_data(as_text=True)
    assert teacher.post(f"/admin/users/{student.id}/unlock").status_code == 302
    assert _login(client, ATTACKER).status_code == 302
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "user.unlock"))


def test_api_login_throttles_the_source_with_retry_after(app, clock, client, factories):
    factories.student("student")
    body = {"username": "student", "password": "wrong-pass1"}
    for _ in range(5):
        client.post("/api/v1/auth/login", json=body, environ_base=ATTACKER)
    body["password"] = "passw0rd!"
    locked = client.post("/api/v1/auth/login", json=body, environ_base=ATTACKER)
    assert locked.status_code == 429 and "Retry-After" in locked.headers
    assert "你的老师可以为你解锁" in locked.get_json()["error"]["message"]
    owner = app.test_client()
    assert owner.post("/api/v1/auth/login", json=body, environ_base=OWNER).status_code == 200
