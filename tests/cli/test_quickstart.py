"""``flask quickstart``: a demo organizer, classes, the seed bank and an open week, idempotent."""

from __future__ import annotations

import pytest

from quiz.models import Organization, User
from quiz.services.accounts.users import get_user_by_username

pytestmark = pytest.mark.db


def test_quickstart_prepares_everything_without_serving(app, runner, monkeypatch):
    monkeypatch.setattr("flask_migrate.upgrade", lambda *a, **k: None)  # tests use create_all
    result = runner.invoke(args=["quickstart", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "organizer" in result.output and "http://127.0.0.1:5000/" in result.output
    password = result.output.split("password:")[1].split()[0]
    from werkzeug.security import check_password_hash

    organizer: User = get_user_by_username("organizer")
    assert organizer.is_organizer and check_password_hash(organizer.password_hash, password)
    from quiz.extensions import db

    classes = db.session.execute(db.select(Organization).filter_by(level="class")).scalars().all()
    assert len(classes) >= 3
    # The seed bank is loaded, with its article's full text for the provenance view.
    from quiz.models import Question, Source

    assert "题库: 新增" in result.output
    bank_size = db.session.scalar(db.select(db.func.count()).select_from(Question))
    assert bank_size >= 20
    seed = db.session.get(Source, "sichuan-2021-cybersecurity-week")
    assert seed is not None and "广元" in seed.text
    # The six themed-day contests are open, so a newcomer can play at once.
    from quiz.models import Contest, Event
    from quiz.services.attempts.timing import OPEN, contest_state
    from quiz.timeutil import utcnow

    contests = db.session.execute(db.select(Contest)).scalars().all()
    assert sorted(c.themed_day for c in contests) == sorted(
        ["campus", "telecom", "law", "finance", "youth", "privacy"]
    )
    assert all(contest_state(utcnow(), c.opens_at, c.closes_at) == OPEN for c in contests)
    # Each day gets the largest paper its own approved questions fill, reported per day: the
    # days the seed covers well are not cut down to the thin days' size.
    from quiz.bank.constants import THEMED_DAYS
    from quiz.services.demo import DEMO_PAPER_SIZES

    sizes = {c.themed_day: c.question_count for c in contests}
    for day, size in sizes.items():
        assert size in DEMO_PAPER_SIZES and f"{THEMED_DAYS[day]} {size} 题" in result.output
    assert sizes["law"] == max(DEMO_PAPER_SIZES) and min(sizes.values()) < sizes["law"]
    # ... and the printed demo organizer manages them.
    assert all(c.organization_id == organizer.organization_id for c in contests)
    # Idempotent: running it again does not duplicate anything.
    second = runner.invoke(args=["quickstart", "--no-serve"])
    assert second.exit_code == 0
    assert "题库: 新增 0 题" in second.output
    again = db.session.execute(db.select(Organization).filter_by(level="class")).scalars().all()
    assert len(again) == len(classes)
    assert db.session.scalar(db.select(db.func.count()).select_from(Question)) == bank_size
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 1
