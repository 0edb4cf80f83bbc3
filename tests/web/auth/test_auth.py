"""Registration, login, logout, throttling, password change and safe redirects."""

from __future__ import annotations

import html
import re

import pytest
from flask_babel import force_locale

from quiz.auth.forms import _RULE
from quiz.extensions import db
from quiz.models import User
from quiz.services.accounts import USERNAME_RULE
from quiz.services.accounts.users import get_user_by_username

pytestmark = pytest.mark.db


def _register(client, org_id, **overrides):
    data = {
        "username": "xiaoming",
        "display_name": "王小明",
        "organization_id": str(org_id),
        "password": "safe1234pw",
        "confirm": "safe1234pw",
    }
    data.update(overrides)
    return client.post("/auth/register", data=data)


def test_register_creates_student_and_logs_them_in(client, factories):
    org = factories.organization()
    response = _register(client, org.id)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    user = get_user_by_username("xiaoming")
    assert user.role == "student" and user.organization_id == org.id
    assert user.password_hash != "safe1234pw" and user.password_hash.startswith("pbkdf2")
    assert user.last_login_at is not None
    with client.session_transaction() as session:
        assert session["_user_id"]
    home = client.get("/").get_data(as_text=True)
    assert "注册成功，欢迎你，王小明！" in home and "退出" in home  # logged in, no second form
    assert client.get("/auth/login").status_code == 302  # nothing left to log into


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_username_hint_and_errors_name_the_same_characters(client, factories, lang):
    org = factories.organization()
    client.get(f"/lang/{lang}")
    with client.application.test_request_context(), force_locale(lang):
        rule = str(_RULE)
    if lang == "en":
        assert rule != USERNAME_RULE and "dot" in rule  # translated, naming the same characters
    hint = re.findall(r'<small class="hint">([^<]*)</small>', client.get("/auth/register").text)
    assert rule in html.unescape(hint[0])  # the username field's hint, first on the form
    for bad in ("ab", "王小明abc", "bad name", "x" * 33):  # too short, CJK, space, too long
        page = _register(client, org.id, username=bad).get_data(as_text=True)
        errors = re.findall(r'<p class="error" role="alert">([^<]*)</p>', page)
        assert len(errors) == 1 and rule in html.unescape(errors[0]), (bad, errors)
    # Every character the rule names is accepted.
    assert _register(client, org.id, username="wang.xiao-ming_1").status_code == 302


def test_register_duplicate_username_in_chinese(client, factories):
    org = factories.organization()
    factories.student("xiaoming")
    response = _register(client, org.id, username="ＸiaoMing")  # NFKC + case-insensitive
    assert response.status_code == 422
    assert "该用户名已被使用" in response.get_data(as_text=True)


def test_register_weak_password_in_chinese(client, factories):
    org = factories.organization()
    response = _register(client, org.id, password="12345678", confirm="12345678")
    assert response.status_code == 422
    assert "密码须同时包含字母和数字" in response.get_data(as_text=True)
    response = _register(client, org.id, password="ab1", confirm="ab1")
    assert "密码至少需要8个字符" in response.get_data(as_text=True)
    assert get_user_by_username("xiaoming") is None


def test_register_missing_organization_in_chinese(client, factories):
    factories.organization()
    response = _register(client, 0)
    assert response.status_code == 422
    assert "学生必须选择所属单位" in response.get_data(as_text=True)
    response = _register(client, 99999)  # not in the list: no free choice
    assert response.status_code == 422
    assert get_user_by_username("xiaoming") is None


def test_register_mismatched_confirmation(client, factories):
    org = factories.organization()
    response = _register(client, org.id, confirm="different1")
    assert "两次输入的密码不一致" in response.get_data(as_text=True)


def test_login_and_logout(client, auth, factories):
    factories.student("student")
    response = auth.login()
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["_user_id"]
    auth.logout()
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_login_wrong_password_message(client, auth, factories):
    factories.student("student")
    response = auth.login(password="wrong-pass1")
    assert "用户名或密码不正确" in response.get_data(as_text=True)


def test_login_next_only_follows_local_paths(client, auth, factories):
    factories.student("student")
    evil = client.post(
        "/auth/login?next=https://evil.example/steal",
        data={"username": "student", "password": "passw0rd!"},
    )
    assert evil.headers["Location"] == "/"
    auth.logout()
    for bad in ("//evil.example", "/\\evil.example", "javascript:alert(1)"):
        response = client.post(
            f"/auth/login?next={bad}", data={"username": "student", "password": "passw0rd!"}
        )
        assert response.headers["Location"] == "/", bad
        auth.logout()
    good = client.post(
        "/auth/login?next=/auth/password", data={"username": "student", "password": "passw0rd!"}
    )
    assert good.headers["Location"] == "/auth/password"


def test_login_backs_off_per_account(client, auth, factories, clock):
    user = factories.student("student")
    for _ in range(5):
        auth.login(password="wrong-pass1")
    locked = auth.login()  # even the right password waits while locked
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.get_data(as_text=True)
    clock.shift(seconds=31)
    assert auth.login().status_code == 302
    db.session.refresh(user)
    assert user.failed_logins == 0 and user.locked_until is None


def test_per_ip_limit_is_configurable(app, client, factories):
    app.config["LOGIN_IP_LIMIT"] = "3 per minute"
    factories.student("student")
    codes = [
        client.post("/auth/login", data={"username": "nobody", "password": "x"}).status_code
        for _ in range(4)
    ]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429


def test_default_ip_limit_admits_a_school_lab(app, client, factories):
    # Hundreds of students behind one NAT address log in within a minute.
    for index in range(300):
        response = client.post("/auth/login", data={"username": f"s{index}", "password": "x1"})
        assert response.status_code == 200


def test_forced_password_change_after_organizer_issued_password(client, auth, factories):
    factories.student("student", must_change_password=True)
    response = auth.login()
    assert response.headers["Location"].endswith("/auth/password")
    assert client.get("/").headers["Location"].endswith("/auth/password")
    response = client.post(
        "/auth/password",
        data={"current": "passw0rd!", "password": "newpass123", "confirm": "newpass123"},
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    user = db.session.execute(db.select(User).filter_by(username="student")).scalar_one()
    assert not user.must_change_password


def test_change_password_rejects_wrong_current(client, auth, factories):
    factories.student("student")
    auth.login()
    response = client.post(
        "/auth/password",
        data={"current": "nope12345", "password": "newpass123", "confirm": "newpass123"},
    )
    assert response.status_code == 422
    assert "当前密码不正确" in response.get_data(as_text=True)


def test_csrf_rejects_form_post_without_token(client, factories):
    factories.student("student")
    response = client.post(
        "/auth/login", data={"username": "student", "password": "passw0rd!"}, csrf=False
    )
    assert response.status_code == 400
    assert "安全令牌无效" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "_user_id" not in session


@pytest.mark.redis
def test_login_limit_is_shared_through_redis(tmp_path, redis_url):
    """With QUIZ_REDIS_URL set, the per-IP counter lives in Redis (shared by all workers)."""
    import uuid

    from quiz import create_app
    from tests.helpers.app import CSRFClient, base_config

    config = base_config(tmp_path)
    config.pop("RATELIMIT_STORAGE_URI")
    config.update(
        REDIS_URL=redis_url, LOGIN_IP_LIMIT="2 per minute", RATELIMIT_KEY_PREFIX=uuid.uuid4().hex
    )
    app = create_app(config)
    app.test_client_class = CSRFClient
    assert app.config["RATELIMIT_STORAGE_URI"] == redis_url
    with app.app_context():
        db.create_all()
        try:
            client = app.test_client()
            codes = [
                client.post("/auth/login", data={"username": "x", "password": "y"}).status_code
                for _ in range(3)
            ]
            assert codes == [200, 200, 429]
        finally:
            db.session.remove()
            if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
                db.drop_all()
            db.engine.dispose()
