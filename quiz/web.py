"""Web wiring: blueprints, the user loader, security headers, error pages and template helpers."""

from __future__ import annotations

from flask import Flask, jsonify, redirect, render_template, request, session, url_for
from flask_babel import format_datetime, get_locale, gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from quiz.extensions import db, login_manager
from quiz.models import User
from quiz.services import MAX_ID
from quiz.timeutil import to_local

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)


class IdConverter(IntegerConverter):
    """``<int:…>`` that only matches database-sized ids, so a huge one is a 404, not a 500."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


# Endpoints a user who must change their password may still reach.
PASSWORD_CHANGE_ALLOWED = {
    "auth.change_password",
    "auth.logout",
    "static",
    "set_language",
    "api.csrf_token",
    "api.logout",
    "api.me",
}


def register_web(app: Flask) -> None:
    """Attach blueprints, hooks and error handlers to ``app``."""
    from quiz.admin import bp as admin_bp
    from quiz.api import bp as api_bp
    from quiz.auth import bp as auth_bp
    from quiz.boards import bp as boards_bp
    from quiz.play import bp as play_bp

    app.url_map.converters["int"] = IdConverter  # before any rule is added
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
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(Exception, handle_unexpected_error)
    app.jinja_env.filters["localtime"] = localtime
    app.jinja_env.globals["get_locale"] = get_locale
    app.context_processor(lambda: {"languages": app.config["LANGUAGES"]})


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))


def set_language(code: str):
    """Remember the chosen language in the session and go back where the user was."""
    from flask import current_app

    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    target = request.referrer or ""
    from quiz.auth.routes import safe_next

    return redirect(safe_next(target) or url_for("play.index"))


def force_password_change():
    """Organizer-issued passwords must be replaced before anything else is used."""
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and request.endpoint not in PASSWORD_CHANGE_ALLOWED
    ):
        if request.blueprint == "api":
            return _json_error(403, "password_change_required", gettext("请先修改初始密码。"))
        return redirect(url_for("auth.change_password"))
    return None


def security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def localtime(value, fmt: str = "yyyy-MM-dd HH:mm") -> str:
    """Jinja filter: a stored naive-UTC datetime shown in Asia/Shanghai."""
    if value is None:
        return ""
    return format_datetime(to_local(value), fmt)


ERROR_TITLES = {
    400: _l("请求有误"),
    401: _l("需要登录"),
    403: _l("没有权限"),
    404: _l("页面不存在"),
    405: _l("不支持的操作"),
    409: _l("操作冲突"),
    413: _l("上传的文件太大"),
    422: _l("提交的内容有误"),
    429: _l("操作过于频繁"),
    500: _l("服务器出错了"),
}


def _wants_json() -> bool:
    return request.blueprint == "api" or request.path.startswith("/api/")


def _json_error(status: int, code: str, message: str):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def handle_http_error(error: HTTPException):
    status = error.code or 500
    message = str(ERROR_TITLES.get(status, _l("请求无法完成")))
    if _wants_json():
        code = (error.name or "error").lower().replace(" ", "_")
        return _json_error(status, code, message)
    template = f"errors/{status}.html" if status in (403, 404, 500) else "errors/generic.html"
    return render_template(template, status=status, title=message), status


def handle_csrf_error(error: CSRFError):
    message = gettext("页面已过期或安全令牌无效，请刷新页面后重试。您填写的内容未提交。")
    if _wants_json():
        return _json_error(400, "csrf_failed", message)
    return render_template("errors/generic.html", status=400, title=message), 400


def handle_unexpected_error(error: Exception):
    """Never show a stack trace: log it, roll back, answer with the styled 500 page."""
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    from flask import current_app

    current_app.logger.exception("Unhandled error on %s", request.path)
    db.session.rollback()
    if current_app.testing and current_app.config.get("PROPAGATE_TEST_ERRORS", True):
        raise error
    message = str(ERROR_TITLES[500])
    if _wants_json():
        return _json_error(500, "server_error", message)
    return render_template("errors/500.html", status=500, title=message), 500
