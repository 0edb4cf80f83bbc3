"""Password hashing: argon2id for new hashes, werkzeug hashes still verified and upgraded.

A method is either ``argon2id:m=<KiB>,t=<passes>,p=<lanes>`` (production: OWASP's minimum,
m=19 MiB, t=2, p=1) or any werkzeug method (older installs, fast test hashes). A login for a
missing account verifies a dummy hash made with the same method, so a failure costs the same
whether or not the username exists.
"""

from __future__ import annotations

import functools

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash, generate_password_hash

PRODUCTION_METHOD = "argon2id:m=19456,t=2,p=1"


def parse_argon2(method: str) -> tuple[int, int, int] | None:
    """(memory KiB, time cost, parallelism) of an argon2id method string, or None."""
    name, _, params = method.partition(":")
    if name != "argon2id":
        return None
    values = dict(part.split("=", 1) for part in params.split(",") if "=" in part)
    defaults = dict(m="19456", t="2", p="1")
    return tuple(int(values.get(key, defaults[key])) for key in ("m", "t", "p"))


@functools.lru_cache(maxsize=8)
def _hasher(method: str) -> PasswordHasher | None:
    params = parse_argon2(method)
    if params is None:
        return None
    memory, time_cost, parallelism = params
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory, parallelism=parallelism, type=Type.ID
    )


def hash_password(password: str, method: str = PRODUCTION_METHOD) -> str:
    """Hash a new password with ``method`` (argon2id or a werkzeug method)."""
    hasher = _hasher(method)
    if hasher is None:
        return generate_password_hash(password, method=method)
    return hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches ``stored`` (an argon2 or a werkzeug hash)."""
    if stored.startswith("$argon2"):
        try:
            return PasswordHasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    return check_password_hash(stored, password)


def needs_rehash(stored: str, method: str) -> bool:
    """Whether a verified hash should be replaced by one made with ``method``."""
    hasher = _hasher(method)
    if hasher is None:  # a werkzeug method: upgrade only away from argon2-less old methods
        return not stored.startswith(method.split(":", 1)[0] + ":")
    if not stored.startswith("$argon2"):
        return True
    try:
        return hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return True


@functools.lru_cache(maxsize=8)
def dummy_hash(method: str) -> str:
    """A hash of a random secret made with ``method`` (made at start-up, reused)."""
    import secrets

    return hash_password(secrets.token_urlsafe(16), method)


def check_login(stored: str | None, password: str, method: str) -> bool:
    """The one verify path of a login: a missing account checks the dummy hash of ``method``."""
    if stored is None:
        verify_password(dummy_hash(method), password)
        return False
    return verify_password(stored, password)
