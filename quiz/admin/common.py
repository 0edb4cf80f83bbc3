"""Helpers shared by the admin views: responses that carry secrets, and upload refusals."""

from __future__ import annotations

from flask import flash, make_response, render_template

from quiz.services import DomainError
from quiz.services.spreadsheets import RowProblems


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
