"""API authentication: CSRF token, login, logout, current user."""

from __future__ import annotations

from flask import current_app, g, jsonify, request
from flask_login import current_user, logout_user
from flask_wtf.csrf import generate_csrf

from quiz.api import bp
from quiz.api.common import login_required
from quiz.extensions import limiter
from quiz.services.accounts import LoginThrottled, authenticate
from quiz.timeutil import utcnow
from quiz.web.errors import json_error
from quiz.web.security import start_session
from quiz.web.settings import backoff_policy, hash_method, login_ip_limit


def user_json(user) -> dict:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "organization": user.organization.path if user.organization else None,
        "must_change_password": user.must_change_password,
    }


@bp.get("/csrf")
def csrf_token():
    """A CSRF token for this session, to send back in the X-CSRFToken header."""
    return jsonify({"csrf_token": generate_csrf()})


@bp.post("/auth/login")
@limiter.limit(login_ip_limit, deduct_when=lambda r: r.status_code != 200)
def login():
    """Log in with JSON ``{"username", "password"}``: 200 user, 401 bad credentials, 429 throttled."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not all(
        isinstance(payload.get(key), str) and payload.get(key) for key in ("username", "password")
    ):
        return json_error(422, "malformed", '请求须为 JSON：{"username": …, "password": …}。')
    try:
        user = authenticate(
            payload["username"],
            payload["password"],
            now=utcnow(),
            policy=backoff_policy(),
            hash_method=hash_method(),
            source=request.remote_addr or "unknown",
        )
    except LoginThrottled as throttled:
        response = json_error(429, "throttled", throttled.message)
        g.retry_after = throttled.retry_after
        return response
    if user is None:
        return json_error(401, "bad_credentials", "用户名或密码不正确。")
    start_session(user, remember=bool(payload.get("remember")))
    current_app.logger.info("api login %s", user.username)
    return jsonify({"user": user_json(user), "csrf_token": generate_csrf()})


@bp.post("/auth/logout")
def logout():
    """End the session."""
    logout_user()
    return jsonify({"ok": True})


@bp.get("/me")
@login_required
def me():
    """The logged-in user, or 401."""
    return jsonify({"user": user_json(current_user)})
