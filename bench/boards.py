"""Leaderboard benchmark: top-50 page + the viewer's own rank with N finished attempts.

    python bench/boards.py [--sizes 1000,10000,100000] [--repeat 30] [--redis redis://…]

For each size a fresh SQLite file gets one contest and N students with one finished attempt
each (bulk-inserted rows: attempts, standings), then times ``board_page`` for a viewer near the
bottom of the board with the page cache disabled (the work a new board version costs), once on
SQL and once on Redis (when reachable). Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from quiz import create_app  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.models import Attempt, Contest, Organization, Standing, User  # noqa: E402
from quiz.services.boards import redis_sets as redis_boards  # noqa: E402
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.pages import board_page
from quiz.services.boards.refs import BoardRef, Viewer
from quiz.services.boards.state import board_state

T0 = datetime(2026, 10, 11, 2, 0)


class SourceOnlyCache(BoardCache):
    """Caches the per-version source lookup, never a computed page (what a new version costs)."""

    def get_or_set(self, key, compute):
        if key[0] == "page":
            return compute()
        return super().get_or_set(key, compute)


def populate(n: int) -> tuple[int, int]:
    rng = random.Random(n)
    region = Organization(name="四川省", level="region")
    db.session.add(region)
    db.session.flush()
    schools = []
    for s in range(20):
        school = Organization(name=f"学校{s}", level="school", parent_id=region.id)
        db.session.add(school)
        db.session.flush()
        schools.append(school.id)
    contest = Contest(title="bench", opens_at=T0, closes_at=T0 + timedelta(days=1))
    db.session.add(contest)
    db.session.commit()
    users = [
        {
            "id": i + 1,
            "username": f"s{i}",
            "display_name": f"学生{i}",
            "password_hash": "x",
            "role": "student",
            "organization_id": schools[i % 20],
        }  # fmt: skip
        for i in range(n)
    ]
    db.session.execute(insert(User), users)
    attempts, standings = [], []
    for i in range(n):
        used = rng.randint(60_000, 600_000)
        start = T0 + timedelta(seconds=rng.randint(0, 3600))
        finished = start + timedelta(milliseconds=used)
        score = float(rng.randint(0, 10) * 10)
        attempts.append({"id": i + 1, "contest_id": contest.id, "user_id": i + 1, "number": 1,
                         "seed": i, "status": "submitted", "started_at": start,
                         "deadline": start + timedelta(minutes=10), "finished_at": finished,
                         "score": score, "max_score": 100.0, "paper": []})  # fmt: skip
        standings.append({"contest_id": contest.id, "user_id": i + 1, "attempt_id": i + 1,
                          "attempt_number": 1, "score": score, "max_score": 100.0,
                          "time_used_ms": used, "finished_at": finished, "region_id": region.id,
                          "school_id": schools[i % 20], "is_test": False})  # fmt: skip
    db.session.execute(insert(Attempt), attempts)
    db.session.execute(insert(Standing), standings)
    db.session.commit()
    return contest.id, n - 7  # a viewer near the bottom


def measure(contest_id: int, viewer_id: int, repeat: int) -> float:
    ref, cache = BoardRef("contest", contest_id=contest_id), SourceOnlyCache()
    now = T0 + timedelta(days=2)
    viewer = Viewer(user_id=viewer_id)

    def page_once():
        state = board_state(ref, viewer=viewer, now=now, grace=3)
        return board_page(state, offset=0, limit=50, now=now, grace=3, cache=cache)

    page_once()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        page = page_once()
        times.append((time.perf_counter() - start) * 1000)
        assert len(page.rows) == 50 and page.me is not None
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    print(f"{'attempts':>9} {'SQL ms':>8} {'Redis ms':>9}")
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            app = create_app({"TESTING": True, "SECRET_KEY": "bench",
                              "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"})  # fmt: skip
            with app.app_context():
                db.create_all()
                contest_id, viewer_id = populate(n)
                sql_ms = measure(contest_id, viewer_id, args.repeat)
                redis_ms = None
                app.config.update(
                    REDIS_URL=args.redis, REDIS_BOARD_PREFIX=f"bench:{uuid.uuid4().hex}:"
                )
                contest = db.session.get(Contest, contest_id)
                if redis_boards.rebuild_contest(contest):
                    redis_ms = measure(contest_id, viewer_id, args.repeat)
                    client = redis_boards.client()
                    for name in client.scan_iter(app.config["REDIS_BOARD_PREFIX"] + "*"):
                        client.delete(name)
                db.session.remove()
                db.engine.dispose()
        shown = f"{redis_ms:9.2f}" if redis_ms is not None else "      n/a"
        print(f"{n:>9} {sql_ms:8.2f} {shown}", flush=True)


if __name__ == "__main__":
    main()
