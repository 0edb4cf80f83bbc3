"""Domain services: rules over the models. They take values and ``now``, never ``request``."""

#: Ids are 32-bit integers in PostgreSQL, and SQLite refuses anything past 64 bits. A larger id
#: (a tampered form, URL or JSON body) names nothing: look-ups treat it as missing, never a 500.
MAX_ID = 2**31 - 1


def storable_id(value) -> bool:
    """True if ``value`` could be a row id (a positive integer in the database's range)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


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
