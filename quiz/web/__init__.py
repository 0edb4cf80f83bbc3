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

from flask import Flask, current_app, redirect, request, session, url_for

from quiz.extensions import db, login_manager
from quiz.models import User
from quiz.web.errors import register_error_handlers
from quiz.web.json_provider import BoundedJSONProvider
from quiz.web.params import IdConverter, safe_next
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
    app.before_request(force_password_change)
    app.after_request(security_headers)
    register_error_handlers(app)
    register_templating(app)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))


def set_language(code: str):
    """Remember the chosen language in the session and go back where the user was."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(safe_next(request.referrer) or url_for("play.index"))
