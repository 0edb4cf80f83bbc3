"""网安周知识竞赛 (Cyber Week Quiz): the application factory.

The web stack (Flask, SQLAlchemy, the extensions) is imported inside :func:`create_app`, not
here: importing any ``quiz.*`` module runs this file first, and the pure question-bank
generator (``quiz.bank``) must load without Flask.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.config import DEFAULT_SECRET_KEY, DefaultConfig

if TYPE_CHECKING:
    from flask import Flask

SECRET_KEY_FILE = "secret_key"  # noqa: S105 (a file name, not a secret)


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app: config layers, extensions, blueprints, CLI, error pages."""
    from flask import Flask

    from quiz.extensions import babel, csrf, db, limiter, login_manager, migrate, select_locale
    from quiz.resources import migrations_dir, templates_dir

    app = Flask(__name__, instance_relative_config=True, template_folder=str(templates_dir()))
    _load_config(app, test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _check_secret_key(app)
    _register_sqlite_pragmas()

    db.init_app(app)
    migrate.init_app(app, db, directory=str(migrations_dir()), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(
        app, locale_selector=select_locale, default_translation_directories="translations"
    )
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = app.config.get("REDIS_URL") or "memory://"
    from quiz.web.security import own_retry_after

    app.after_request(own_retry_after)  # before the limiter's hook, so it runs after it
    limiter.init_app(app)

    from quiz import models  # noqa: F401  (registers tables)
    from quiz.web import register_web

    register_web(app)

    from quiz.services.accounts import dummy_hash

    # Made once at start-up with the configured method, so a login for a missing account costs
    # what a real one does (and the first such login is not the one that pays for hashing).
    dummy_hash(app.config["PASSWORD_HASH_METHOD"])

    from quiz.cli import register_cli

    register_cli(app)
    return app


def _load_config(app: Flask, test_config: dict | None) -> None:
    """Defaults → instance/config.py → QUIZ_* environment → test_config."""
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("QUIZ")
    if test_config:
        app.config.update(test_config)
    key_file = Path(app.instance_path) / SECRET_KEY_FILE
    if app.config.get("SECRET_KEY") in (None, "", DEFAULT_SECRET_KEY) and key_file.exists():
        app.config["SECRET_KEY"] = key_file.read_text(encoding="utf-8").strip()
    app.config["SQLALCHEMY_DATABASE_URI"] = _database_uri(app)
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})


def _database_uri(app: Flask) -> str:
    url = app.config.get("DATABASE_URL") or app.config.get("SQLALCHEMY_DATABASE_URI")
    if url:
        # Heroku-style URLs name the old driver; psycopg 3 is the one we ship.
        if url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url[len("postgres://") :]
        elif url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return "sqlite:///" + str(Path(app.instance_path) / "quiz.sqlite3")


def secret_key_missing(app: Flask) -> bool:
    return app.config.get("SECRET_KEY") in (None, "", DEFAULT_SECRET_KEY)


def _check_secret_key(app: Flask) -> None:
    """Refuse to serve with a missing or default key outside debug and testing.

    A WSGI server (gunicorn) fails at start-up. Under the ``flask`` CLI the app must still load
    so that ``quickstart`` can write a key; ``flask run`` then refuses every request instead.
    """
    if app.debug or app.testing or not secret_key_missing(app):
        return
    message = (
        "QUIZ_SECRET_KEY 未设置或仍为默认值，拒绝启动。请设置环境变量 QUIZ_SECRET_KEY，"
        "或运行 flask --app quiz quickstart 在 instance 目录生成随机密钥。"
    )
    if os.environ.get("FLASK_RUN_FROM_CLI") != "true":
        raise RuntimeError(message)

    @app.before_request
    def refuse_without_secret_key():
        if secret_key_missing(app):
            return message, 503, {"Content-Type": "text/plain; charset=utf-8"}
        return None


def write_secret_key(app: Flask) -> str:
    """Create ``instance/secret_key`` with a random key (kept if present); return the key."""
    key_file = Path(app.instance_path) / SECRET_KEY_FILE
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32), encoding="utf-8")
        key_file.chmod(0o600)
    key = key_file.read_text(encoding="utf-8").strip()
    app.config["SECRET_KEY"] = key
    app.secret_key = key
    return key


def _register_sqlite_pragmas() -> None:
    """Set the SQLite pragmas on every new connection of any engine (once per process)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "connect", _sqlite_pragmas):
        event.listen(Engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, connection_record):
    """WAL lets readers (boards) run beside a writer; busy_timeout queues writers."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        from flask import current_app

        try:
            timeout = int(current_app.config.get("SQLITE_BUSY_TIMEOUT_MS", 5000))
        except RuntimeError:  # outside an app context (Alembic offline tooling)
            timeout = 5000
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={timeout}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
