"""Every error becomes one response, in one place: HTTP errors, CSRF failures, service refusals
(:class:`~quiz.services.DomainError`) and unexpected exceptions.

* JSON for the API (``{"error": {"code", "message"}}`` with the status), styled pages elsewhere.
* A refused service call in a page view: a GET (a lookup) shows the styled error page with the
  error's status; an action (a POST, or a view marked with :func:`refusals_redirect_to`) whose
  target is missing or out of scope (404/403) does the same, and any other refusal (a rule, a
  conflict) is flashed and redirects back — to the endpoint named with
  :func:`refusals_redirect_to`, else the referring page.
* Never a stack trace: unexpected errors are logged, rolled back and answered with a 500 page.
* A database that is down, restarting or (SQLite) locked past the busy timeout is not a bug:
  503 ``database_unavailable`` with ``Retry-After``, which clients retry (the fault benchmark
  ``bench/faults.py db-restart`` restarts PostgreSQL under students).
"""

from __future__ import annotations

from flask import (
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from quiz.extensions import db
from quiz.services import DomainError
from quiz.web.params import safe_next

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
    503: _l("数据库暂时不可用，请稍后重试"),
}
#: Seconds a client is asked to wait before retrying while the database is unavailable.
RETRY_AFTER_SECONDS = 2

#: Refusals a POST action answers with an error page rather than a flash: the target itself.
LOOKUP_STATUSES = (403, 404)


def register_error_handlers(app) -> None:
    """Attach the handlers below to ``app``."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(DBAPIError, handle_database_error)
    app.register_error_handler(PoolTimeout, handle_database_error)
    # Registered after Flask-SQLAlchemy's own teardown, so it runs first (Flask runs them in
    # reverse): that one then finds no session left to close.
    app.teardown_appcontext(close_session_quietly)
    app.register_error_handler(Exception, handle_unexpected_error)


def wants_json() -> bool:
    """Whether this request is answered in JSON: the API, and JSON requests to pages' helpers
    (the practice checker)."""
    return request.blueprint == "api" or request.path.startswith("/api/") or request.is_json


def json_error(status: int, code: str, message: str):
    """The API's error body, ``{"error": {"code", "message"}}``, with ``status``."""
    response = jsonify({"error": {"code": code, "message": str(message)}})
    response.status_code = status
    return response


def error_page(status: int, title: str | None = None):
    """The styled error page for ``status`` (403, 404 and 500 have their own)."""
    title = title or str(ERROR_TITLES.get(status, _l("请求无法完成")))
    template = f"errors/{status}.html" if status in (403, 404, 500) else "errors/generic.html"
    return render_template(template, status=status, title=title), status


def handle_http_error(error: HTTPException):
    status = error.code or 500
    if wants_json():
        code = (error.name or "error").lower().replace(" ", "_")
        response = json_error(status, code, str(ERROR_TITLES.get(status, _l("请求无法完成"))))
    elif status == 413:
        response = _upload_too_large()
    else:
        response = error_page(status)
    return _with_allow(response, error)


def _with_allow(response, error: HTTPException):
    """A 405 names the methods the URL does allow (RFC 9110), as werkzeug's own page does."""
    methods = getattr(error, "valid_methods", None)
    if not methods:
        return response
    response = make_response(response)
    response.headers["Allow"] = ", ".join(sorted(methods))
    return response


def _upload_too_large():
    """MAX_CONTENT_LENGTH exceeded: say so, with the limit, instead of a bare 413."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    if not limit:
        return error_page(413)
    mb = round(limit / 1024 / 1024, 1)
    return error_page(413, gettext("上传的文件太大（上限 %(mb)s MB），请拆分后重试。", mb=mb))


def handle_csrf_error(error: CSRFError):
    message = gettext("页面已过期或安全令牌无效，请刷新页面后重试。您填写的内容未提交。")
    if wants_json():
        return json_error(400, "csrf_failed", message)
    if expired_form := _rerender_expired_form(error):
        return expired_form
    return error_page(400, message)


def _rerender_expired_form(error: CSRFError):
    """A form page posted with an expired token (4 h): show the page again with the input
    kept and a message, instead of losing what was typed. The view's own form validation
    checks the token again and fails, so nothing is performed; only pages that also answer
    GET (a form page, not a bare action) are re-rendered."""
    if error.description != "The CSRF token has expired." or request.url_rule is None:
        return None
    if "GET" not in (request.url_rule.methods or ()) or request.endpoint is None:
        return None
    view = current_app.view_functions.get(request.endpoint)
    if view is None:
        return None
    flash(gettext("页面已过期（安全令牌超过4小时），请检查后再次提交。"), "warning")
    return current_app.make_response(view(**(request.view_args or {})))


def handle_domain_error(error: DomainError):
    """A service refused: JSON for the API, an error page for lookups, a flash for actions."""
    db.session.rollback()
    if wants_json():
        return json_error(error.status, error.code, error.message)
    view = current_app.view_functions.get(request.endpoint or "")
    endpoint = getattr(view, "refusal_endpoint", None)
    is_lookup = request.method in ("GET", "HEAD") and endpoint is None
    if is_lookup or error.status in LOOKUP_STATUSES:
        return error_page(error.status if error.status in ERROR_TITLES else 400, error.message)
    flash(error.message, "danger")
    return redirect(_after_refusal(endpoint))


def _after_refusal(endpoint: str | None) -> str:
    """Where a refused action goes back to: its declared endpoint, the referrer, or home."""
    if endpoint is not None:
        rule_args = next(iter(current_app.url_map.iter_rules(endpoint))).arguments
        args = {k: v for k, v in (request.view_args or {}).items() if k in rule_args}
        return url_for(endpoint, **args)
    return safe_next(request.referrer) or url_for("play.index")


def refusals_redirect_to(endpoint: str):
    """Stack on an action view: a refused service call flashes and redirects to ``endpoint``
    (built from the action's own URL arguments that ``endpoint`` takes)."""

    def decorator(view):
        view.refusal_endpoint = endpoint
        return view

    return decorator


def database_unavailable(error: Exception) -> bool:
    """Whether ``error`` says the database cannot answer *right now*: a lost or refused
    connection, a server shutting down or starting up, a pool with no free connection, or a
    SQLite lock held past the busy timeout. Other database errors (a constraint, SQLite's "no
    such table") are bugs and stay 500s."""
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.orig
    if type(cause).__module__.startswith("sqlite3"):
        return str(cause).startswith(("database is locked", "database is busy"))
    return True  # PostgreSQL's operational errors: connection, shutdown, start-up, timeouts


def handle_database_error(error: SQLAlchemyError):
    """503 with Retry-After while the database is unavailable; any other database error is
    an unexpected one."""
    if not database_unavailable(error):
        return handle_unexpected_error(error)
    # One line, not a traceback: a restart produces one per request, and nothing is broken.
    current_app.logger.warning("Database unavailable on %s: %s", request.path, error)
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session.remove()
    if wants_json():
        response = json_error(503, "database_unavailable", str(ERROR_TITLES[503]))
    else:
        response = make_response(error_page(503))
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def close_session_quietly(_error: BaseException | None = None) -> None:
    """End the request's database session even if its connection is gone.

    The ROLLBACK that closes a session fails when the database died after the view's last
    statement (a crash, a restart); raised from a teardown it would turn a finished response
    (an answer already committed) into a 500. The connection is invalidated by then, so the
    session is discarded and the pool opens a new connection for the next request.
    """
    try:
        db.session.remove()
    except SQLAlchemyError as error:
        current_app.logger.warning("Database session closed on a lost connection: %s", error)
        db.session.registry.clear()


def handle_unexpected_error(error: Exception):
    """Never show a stack trace: log it, roll back, answer with the styled 500 page."""
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    current_app.logger.exception("Unhandled error on %s", request.path)
    db.session.rollback()
    if current_app.testing and current_app.config.get("PROPAGATE_TEST_ERRORS", True):
        raise error
    if wants_json():
        return json_error(500, "server_error", str(ERROR_TITLES[500]))
    return error_page(500)
