"""Cross-cutting web plumbing: blueprints, the user loader, hooks, errors and template helpers.

* :mod:`~quiz.web.errors` — the one mapping of errors (HTTP, CSRF, service refusals) to pages
  and JSON;
* :mod:`~quiz.web.guards` — role decorators and scoped lookups (``@manages_contest``, …);
* :mod:`~quiz.web.json_provider` — JSON request bodies parsed with bounded nesting;
* :mod:`~quiz.web.params` — ids in URLs, bounded query parameters, paging, ETags, safe redirects;
* :mod:`~quiz.web.security` — CSP and other headers, the forced password change;
* :mod:`~quiz.web.settings` — the config values views hand to services;
* :mod:`~quiz.web.templating` — filters and the translated labels of the app's vocabulary.
"""

from __future__ import annotations

from flask import (
    Flask,
    current_app,
    has_app_context,
    redirect,
    request,
    send_from_directory,
    session,
    url_for,
)
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session as SASession

from quiz.extensions import db, login_manager
from quiz.models import User
from quiz.web.errors import register_error_handlers
from quiz.web.json_provider import BoundedJSONProvider
from quiz.web.params import IdConverter, TextConverter, safe_next
from quiz.web.security import force_password_change, security_headers
from quiz.web.templating import register_templating


def register_web(app: Flask) -> None:
    """Attach blueprints, hooks, error handlers and template helpers to ``app``."""
    from quiz.admin import bp as admin_bp
    from quiz.api import bp as api_bp
    from quiz.auth import bp as auth_bp
    from quiz.boards import bp as boards_bp
    from quiz.play import bp as play_bp

    app.url_map.converters["int"] = IdConverter  # before any rule is added
    app.url_map.converters["default"] = app.url_map.converters["string"] = TextConverter
    app.json = BoundedJSONProvider(app)  # every request.get_json() refuses deep nesting
    app.register_blueprint(auth_bp)
    app.register_blueprint(play_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(boards_bp)
    for extra in app.config.get("EXTRA_BLUEPRINTS", ()):
        app.register_blueprint(extra)

    login_manager.login_view = "auth.login"
    login_manager.login_message = "请先登录。"
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "basic"

    app.add_url_rule("/lang/<code>", "set_language", set_language)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
    app.before_request(force_password_change)
    app.after_request(security_headers)
    register_error_handlers(app)
    register_templating(app)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The cookie's user if its session version is still current (else: logged out)."""
    from quiz.services.accounts import parse_session_id

    parsed = parse_session_id(user_id)
    if parsed is None:
        return None
    uid, version = parsed
    if session_versions(current_app).current(uid) != version:
        return None
    return db.session.get(User, uid)


def session_versions(app: Flask):
    """The app's session-version store: Redis when configured, else this worker's cache."""
    from quiz.services.accounts import SessionVersions

    found = app.extensions.get("session_versions")
    if found is None:
        redis_client = None
        if app.config.get("REDIS_URL"):
            import redis

            redis_client = redis.Redis.from_url(
                app.config["REDIS_URL"], socket_timeout=0.5, socket_connect_timeout=0.5
            )
        ttl = min(5.0, float(app.config["SESSION_VERSION_TTL_SECONDS"]))
        found = app.extensions["session_versions"] = SessionVersions(redis_client, ttl=ttl)
    return found


def _note_bumps(session, _flush_context) -> None:
    """Remember users whose session version this flush changed (published at commit)."""
    bumped = session.info.setdefault("session_bumps", {})
    for obj in session.dirty:
        if isinstance(obj, User) and inspect(obj).attrs.session_version.history.has_changes():
            bumped[obj.id] = obj.session_version


def _publish_bumps(session) -> None:
    """After commit, tell the store, so this worker (and, with Redis, all) refuse old cookies."""
    bumped = session.info.pop("session_bumps", None)
    if bumped and has_app_context():
        store = session_versions(current_app)
        for user_id, version in bumped.items():
            store.remember(user_id, version)


def _drop_bumps(session) -> None:
    session.info.pop("session_bumps", None)


event.listen(SASession, "after_flush", _note_bumps)
event.listen(SASession, "after_commit", _publish_bumps)
event.listen(SASession, "after_rollback", _drop_bumps)


def set_language(code: str):
    """Remember the chosen language in the session and go back where the user was."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(safe_next(request.referrer) or url_for("play.index"))


def favicon():
    """The icon browsers ask for at /favicon.ico whatever the page links (answered, not 404)."""
    return send_from_directory(
        current_app.static_folder, "favicon.ico", mimetype="image/vnd.microsoft.icon", max_age=86400
    )
