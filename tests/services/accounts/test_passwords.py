"""Passwords: argon2id at OWASP's minimum, upgrade on login, and an equal-cost dummy check."""

from __future__ import annotations

from quiz.config import DefaultConfig

CHEAP = "argon2id:m=8,t=1,p=1"


def test_production_setting_is_argon2id_at_owasp_minimum():
    from quiz.services.accounts.passwords import hash_password, parse_argon2

    assert parse_argon2(DefaultConfig.PASSWORD_HASH_METHOD) == (19 * 1024, 2, 1)
    hashed = hash_password("passw0rd!", DefaultConfig.PASSWORD_HASH_METHOD)
    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_dummy_hash_uses_the_configured_setting_and_is_verified(monkeypatch):
    from quiz.services.accounts import passwords

    production = DefaultConfig.PASSWORD_HASH_METHOD
    assert passwords.dummy_hash(production).startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    checked = []
    real = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: checked.append(h) or real(h, p))
    assert passwords.check_login(None, "guess", CHEAP) is False
    assert checked == [passwords.dummy_hash(CHEAP)]


def test_older_werkzeug_hash_is_upgraded_on_login(app, factories):
    from werkzeug.security import generate_password_hash

    from quiz.extensions import db
    from quiz.services.accounts import BackoffPolicy, authenticate
    from quiz.timeutil import utcnow

    app.config["PASSWORD_HASH_METHOD"] = CHEAP
    student = factories.student(username="old")
    student.password_hash = generate_password_hash("passw0rd!", method="pbkdf2:sha256:1000")
    db.session.commit()
    user = authenticate("old", "passw0rd!", now=utcnow(), policy=BackoffPolicy(), hash_method=CHEAP)
    assert user is not None and user.password_hash.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    again = authenticate(
        "old", "passw0rd!", now=utcnow(), policy=BackoffPolicy(), hash_method=CHEAP
    )
    assert again is not None
