"""Domain services: rules over the models. They take values and ``now``, never ``request``."""


class DomainError(Exception):
    """A rule was broken; ``message`` is shown to the user (Chinese), ``code`` is for the API."""

    code = "invalid"
    status = 422

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Forbidden(DomainError):
    code = "forbidden"
    status = 403


class Conflict(DomainError):
    code = "conflict"
    status = 409
