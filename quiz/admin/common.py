"""Helpers shared by the admin views: scoped lookups, hashing config, secret-bearing responses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, current_app, flash, make_response, render_template
from flask_babel import gettext as _

from quiz.admin import bp
from quiz.services import DomainError
from quiz.services.spreadsheets import RowProblems

T = TypeVar("T")


def or_abort(lookup: Callable[..., T], *args) -> T:
    """Run a scoped lookup; out-of-scope ids become 403 and unknown ids 404 (never a leak)."""
    try:
        return lookup(*args)
    except DomainError as error:
        abort(error.status if error.status in (403, 404) else 400)


def hash_method() -> str:
    return current_app.config["PASSWORD_HASH_METHOD"]


def per_page() -> int:
    return int(current_app.config.get("ITEMS_PER_PAGE", 50))


def no_store(response):
    """Pages and files carrying passwords must not be kept by the browser or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


def render_secret(template: str, **context):
    return no_store(make_response(render_template(template, **context)))


def flash_upload_error(error: DomainError) -> list[str]:
    """Flash why an upload was refused; returns the bad rows to list under the form, if any."""
    flash(error.message, "danger")
    return error.lines if isinstance(error, RowProblems) else []


@bp.errorhandler(413)
def upload_too_large(error):
    """MAX_CONTENT_LENGTH exceeded: say so in Chinese instead of a bare 413."""
    from quiz.web import handle_http_error

    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    if not limit:
        return handle_http_error(error)
    title = _("上传的文件太大（上限 %(mb)s MB），请拆分后重试。", mb=round(limit / 1024 / 1024, 1))
    return render_template("errors/generic.html", status=413, title=title), 413
