"""JSON error responses: ``{"error": {"code", "message"}}`` with the right status."""

from __future__ import annotations

from flask import jsonify

from quiz.services import DomainError


def api_error(status: int, code: str, message: str):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def from_domain_error(error: DomainError):
    return api_error(error.status, error.code, error.message)
