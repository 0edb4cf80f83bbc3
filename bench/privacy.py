"""Erasure and retention on a real board: 300 students on three themed days and the week.

Erases 30 students on request, then purges the rest with a 365-day retention a year after the
event, and checks that every board keeps its ranks, scores and times, that no erased name is
shown, and (with Redis) that the Redis boards equal the SQL ones. About a minute.

    python bench/privacy.py [DATABASE_URL [REDIS_URL]]    # default: a SQLite file in /tmp
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quiz import create_app  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.services.accounts import erase_personal_data, purge_expired  # noqa: E402
from quiz.services.boards import BoardRef, Viewer  # noqa: E402
from tests.clock import NOW  # noqa: E402
from tests.factories import Factories  # noqa: E402
from tests.helpers.app import base_config  # noqa: E402
from tests.helpers.boards import attempt, event_with, read  # noqa: E402

STUDENTS, ERASED = 300, 30


def main(database_url: str | None, redis_url: str | None) -> None:
    config = base_config(Path(tempfile.mkdtemp()))
    if database_url:
        config["DATABASE_URL"] = database_url
    app = create_app(config)
    with app.app_context():
        if database_url:
            db.drop_all()
        db.create_all()
        if redis_url:
            app.config.update(REDIS_URL=redis_url, REDIS_BOARD_PREFIX=f"bench:{uuid.uuid4().hex}:")
        try:
            report = run(app, redis_url)
        finally:  # leave no sorted sets behind
            _drop_redis_sets(app)
        db.session.remove()
        if database_url:  # a server database is left empty (SQLite: a temporary file)
            db.drop_all()
    print(report)


def run(app, redis_url) -> str:
    factories, rng = Factories(app), random.Random(11)
    event, contests = event_with(["campus", "law", "telecom"])
    users = [factories.student(display_name=f"学生{i:03d}") for i in range(STUDENTS)]
    for user in users:
        for contest in contests:
            if rng.random() < 0.85:
                score, used = rng.choice([10, 20, 30, 40]), rng.choice([60, 61, 90])
                attempt(contest, user, score=score, used=used)
    admin = factories.admin("root")
    refs = [BoardRef("contest", contest_id=c.id) for c in contests]
    refs.append(BoardRef("week", event_id=event.id))
    everyone = Viewer(is_admin=True, scope=None, live=True)

    def boards():
        return {
            ref.key: [(r["rank"], r["score"], r["time_used_ms"]) for r in rows(ref)] for ref in refs
        }

    def rows(ref):
        return read(ref, everyone, limit=STUDENTS + 100).rows

    def names():
        return [r["name"] for ref in refs for r in rows(ref)]

    before = boards()
    started = time.perf_counter()
    for user in users[:ERASED]:
        erase_personal_data(admin, user, now=NOW)
    per_erasure = (time.perf_counter() - started) / ERASED
    after, shown = boards(), names()
    erased_names = {f"学生{i:03d}" for i in range(ERASED)}
    redis_same = None
    if redis_url:
        app.config["REDIS_URL"] = None
        redis_same = (boards(), names()) == (after, shown)
        app.config["REDIS_URL"] = redis_url
    when = max(c.closes_at for c in contests) + timedelta(days=366)
    started = time.perf_counter()
    purged = purge_expired(365, now=when)
    purge_seconds = time.perf_counter() - started
    return (
        f"db={db.engine.dialect.name} redis={bool(redis_url)} board rows={sum(map(len, before.values()))}\n"
        f"erase {ERASED} on request: {per_erasure * 1000:.0f} ms each; boards identical={before == after}; "
        f"anonymous rows={sum(n.startswith('已注销用户-') for n in shown)}; "
        f"erased names shown={sum(n in erased_names for n in shown)}; redis==sql={redis_same}\n"
        f"purge (365 days, a year later): {len(purged.erased)} students in {purge_seconds:.1f} s; "
        f"again: {len(purge_expired(365, now=when).erased)}; boards identical={boards() == before}"
    )


def _drop_redis_sets(app) -> None:
    if not app.config.get("REDIS_URL"):
        return
    from quiz.services.boards import redis_sets

    client = redis_sets.client()
    for name in client.scan_iter(app.config["REDIS_BOARD_PREFIX"] + "*"):
        client.delete(name)


if __name__ == "__main__":
    main(*(sys.argv[1:3] + [None, None])[:2])
