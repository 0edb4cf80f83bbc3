"""Security headers on every response, the start of a login session, and the forced change of
an organizer-issued password."""

from __future__ import annotations

from flask import g, redirect, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, login_user

from quiz.web.errors import json_error

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)

# Endpoints a user who must change their password may still reach.
PASSWORD_CHANGE_ALLOWED = {
    "auth.change_password",
    "auth.logout",
    "auth.logout_everywhere",
    "static",
    "favicon",
    "set_language",
    "api.csrf_token",
    "api.logout",
    "api.me",
}


def start_session(user, *, remember: bool = False) -> None:
    """Log ``user`` in with a fresh CSRF token (one from before the login, or from another
    user of this browser, no longer works)."""
    session.pop("csrf_token", None)
    g.pop("csrf_token", None)
    login_user(user, remember=remember)


def join_code_key() -> str:
    """The join-code budget's key: the student's account id (a class shares one NAT address,
    and the session version must not reset it), the address when anonymous."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{request.remote_addr}"


def join_code_failed(response) -> bool:
    """Only wrong codes spend the budget (success: 200 from the API, 302 from the page)."""
    return response.status_code not in (200, 302)


def own_retry_after(response):
    """Keep a view's own ``Retry-After`` (the login backoff's wait, also in its message):
    Flask-Limiter would replace it with its window's reset. Registered before the limiter, so
    it runs after it."""
    wait = g.get("retry_after")
    if wait is not None:
        response.headers["Retry-After"] = str(wait)
    return response


def security_headers(response):
    """CSP (scripts and styles only from this site), no sniffing, no framing."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def force_password_change():
    """Organizer-issued passwords must be replaced before anything else is used."""
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and request.endpoint not in PASSWORD_CHANGE_ALLOWED
    ):
        if request.blueprint == "api":
            return json_error(403, "password_change_required", gettext("请先修改初始密码。"))
        return redirect(url_for("auth.change_password"))
    return None
