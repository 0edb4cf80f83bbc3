"""Revocable sessions: a per-user session version in the login cookie, CSRF tokens that expire."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from quiz.config import DefaultConfig
from quiz.extensions import db
from quiz.models import User

pytestmark = pytest.mark.db


def _copy(client, app):
    """A second browser holding a copy of ``client``'s cookies (the stolen cookie)."""
    other = app.test_client()
    for name in ("session", "remember_token"):
        cookie = client.get_cookie(name)
        if cookie is not None:
            other.set_cookie(name, cookie.value)
    return other


def _logged_in(client) -> bool:
    return client.get("/auth/password").status_code == 200


def test_get_id_carries_the_session_version(factories):
    user = factories.student("student")
    assert user.get_id() == f"{user.id}:{user.session_version}"


def test_logout_everywhere_kills_a_copied_cookie(app, clock, client, auth, factories):
    factories.student("student")
    auth.login()
    stolen = _copy(client, app)
    assert _logged_in(stolen)
    assert client.post("/auth/logout-everywhere").status_code == 302
    assert not _logged_in(stolen) and not _logged_in(client)


def test_password_reset_kills_session_and_remember_cookie(app, clock, client, auth, factories):
    from quiz.services.accounts import reset_user_password

    admin = factories.admin("boss")
    student = factories.student("student")
    auth.login(remember="y")
    remembered = app.test_client()
    remembered.set_cookie("remember_token", client.get_cookie("remember_token").value)
    stolen = _copy(client, app)
    assert _logged_in(remembered) and _logged_in(stolen)
    reset_user_password(admin, student, hash_method=app.config["PASSWORD_HASH_METHOD"])
    assert not _logged_in(stolen) and not _logged_in(remembered)


def test_change_in_another_worker_revokes_within_five_seconds(app, clock, client, auth, factories):
    student = factories.student("student")
    auth.login()
    assert _logged_in(client)
    # Another worker bumps the version: this worker learns it from its cache's expiry (no Redis).
    db.session.execute(
        update(User).where(User.id == student.id).values(session_version=User.session_version + 1)
    )
    db.session.commit()
    clock.shift(seconds=5)
    assert not _logged_in(client)


def test_role_change_bumps_the_version(factories):
    user = factories.student("student")
    before = user.session_version
    user.role = "organizer"
    db.session.commit()
    assert user.session_version == before + 1


def test_csrf_tokens_expire_after_four_hours_and_rotate_at_login(app, client, auth, factories):
    assert DefaultConfig.WTF_CSRF_TIME_LIMIT == 4 * 3600
    factories.student("student")
    before = client.get("/api/v1/csrf").get_json()["csrf_token"]
    auth.login()
    after = client.get("/api/v1/csrf").get_json()["csrf_token"]
    assert before.split(".")[0] != after.split(".")[0]


@pytest.mark.redis
def test_redis_shares_a_bump_between_workers_at_once(app, factories, redis_url):
    """Two stores on one Redis stand for two workers: a bump in one is seen by the other."""
    import redis

    from quiz.services.accounts import SessionVersions
    from quiz.services.accounts.sessions import REDIS_PREFIX

    connection = redis.Redis.from_url(redis_url)
    student = factories.student("student")
    connection.delete(REDIS_PREFIX + str(student.id))
    first, second = SessionVersions(connection), SessionVersions(connection)
    assert second.current(student.id) == student.session_version
    first.remember(student.id, student.session_version + 1)
    assert second.current(student.id) == student.session_version + 1
    connection.delete(REDIS_PREFIX + str(student.id))


def test_without_redis_the_cache_ttl_is_at_most_five_seconds(app):
    from quiz.web import session_versions

    app.config["SESSION_VERSION_TTL_SECONDS"] = 60
    app.extensions.pop("session_versions", None)
    assert session_versions(app).ttl == 5.0


def test_form_with_expired_token_is_re_rendered_with_its_input(clock, client, factories):
    org = factories.organization()
    token = client.get("/api/v1/csrf").get_json()["csrf_token"]
    clock.shift(hours=4, seconds=1)
    response = client.post(
        "/auth/register",
        data={
            "csrf_token": token,
            "username": "xiaoming",
            "display_name": "王小明",
            "organization_id": str(org.id),
            "password": "safe1234pw",
            "confirm": "safe1234pw",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="xiaoming"' in body and "页面已过期" in body
