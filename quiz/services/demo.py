"""Demo data for ``quickstart``: organizations, a demo organizer, and what the app can serve."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask

from quiz.extensions import db
from quiz.models import Role
from quiz.services.accounts import NewUser, create_user, get_user_by_username, hash_password
from quiz.services.organizations import ensure_path

DEMO_ORGANIZER = "organizer"
DEMO_ORGANIZATIONS = (
    "四川省/广元市第一中学/高一(1)班",
    "四川省/广元市第一中学/高一(2)班",
    "四川省/广元市第一中学/高二(1)班",
    "四川省/成都市实验中学/初二(3)班",
    "四川省/成都市实验中学/初二(4)班",
)
DEMO_ORGANIZER_UNIT = "四川省"


@dataclass
class DemoReport:
    organizer_username: str
    organizer_password: str
    lines: list[str] = field(default_factory=list)


def prepare(app: Flask) -> DemoReport:
    """Idempotently create demo organizations and the demo organizer (with a fresh password)."""
    from quiz.services.accounts import generate_password

    for path in DEMO_ORGANIZATIONS:
        ensure_path(path)
    db.session.commit()
    password = generate_password()
    method = app.config["PASSWORD_HASH_METHOD"]
    organizer = get_user_by_username(DEMO_ORGANIZER)
    if organizer is None:
        create_user(
            NewUser(
                username=DEMO_ORGANIZER,
                display_name="演示组织者",
                password=password,
                role=Role.ORGANIZER,
                organization_id=ensure_path(DEMO_ORGANIZER_UNIT).id,
                is_test_account=True,
            ),
            hash_method=method,
        )
    else:
        organizer.password_hash = hash_password(password, method)
        organizer.failed_logins = 0
        organizer.locked_until = None
        db.session.commit()
    report = DemoReport(DEMO_ORGANIZER, password)
    report.lines.append(f"演示单位: {len(DEMO_ORGANIZATIONS)} 个班级已就绪")
    return report
