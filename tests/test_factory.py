"""The app factory: config layers, database defaults, secret-key refusal, security headers."""

from __future__ import annotations

import pytest

from quiz import create_app
from quiz.config import DEFAULT_SECRET_KEY


def test_testing_flag(app):
    assert app.testing
    assert not create_app({"SECRET_KEY": "k", "DATABASE_URL": "sqlite://"}).testing


def test_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("QUIZ_SECRET_KEY", "from-env")
    monkeypatch.setenv("QUIZ_ITEMS_PER_PAGE", "25")
    monkeypatch.setenv("QUIZ_DATABASE_URL", "postgresql://u@h/db")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["ITEMS_PER_PAGE"] == 25  # JSON-decoded, not a string
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"


def test_default_database_is_sqlite_in_instance_folder(monkeypatch):
    monkeypatch.setenv("QUIZ_SECRET_KEY", "k")
    monkeypatch.delenv("QUIZ_DATABASE_URL", raising=False)
    app = create_app()
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    assert uri.startswith("sqlite:///") and uri.endswith("instance/quiz.sqlite3")


def test_refuses_default_secret_outside_debug(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZ_SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    monkeypatch.setattr("quiz.SECRET_KEY_FILE", "no-such-secret-file")
    with pytest.raises(RuntimeError, match="QUIZ_SECRET_KEY"):
        create_app({"SECRET_KEY": DEFAULT_SECRET_KEY})
    with pytest.raises(RuntimeError):
        create_app({"SECRET_KEY": ""})
    assert create_app({"SECRET_KEY": DEFAULT_SECRET_KEY, "DEBUG": True}).debug


def test_sqlite_uses_wal_and_busy_timeout(app):
    from sqlalchemy import text

    from quiz.extensions import db

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite-only pragmas")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_are_chinese_by_default_and_switch_to_english(client):
    home = client.get("/").get_data(as_text=True)
    assert 'lang="zh-CN"' in home and "网安周知识竞赛" in home
    client.get("/lang/en")
    english = client.get("/").get_data(as_text=True)
    assert 'lang="en"' in english
    assert "Cyber Week Quiz" in english


def test_error_pages_are_styled_and_chinese(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "页面不存在" in page and "app.css" in page
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert api.get_json()["error"]["code"] == "not_found"


def test_unexpected_error_gives_styled_500_without_trace(app):
    app.config["PROPAGATE_TEST_ERRORS"] = False

    @app.get("/boom")
    def boom():
        raise ZeroDivisionError("secret detail")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "服务器出错了" in body and "secret detail" not in body and "Traceback" not in body


def test_static_assets_are_local(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page
    with client.get("/static/css/app.css") as stylesheet:
        assert stylesheet.status_code == 200
