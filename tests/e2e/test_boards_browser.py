"""Leaderboards in a real browser (Debian's chromium through Playwright, never downloaded).

* A contest board updates without a reload a few seconds after a submission, polling with
  ``If-None-Match``: polls while nothing changed get ``304``; names are masked (张*明).
* The projector: large type at 1920×1080, the chosen school highlighted, top N, and it advances
  from one themed day to the next by itself.
* "我的排名" shows a logged-in student's rank on page 1 although their row is on page 2.

The live server is werkzeug in a thread on a temporary SQLite file, like test_quiz_browser.py
(the chromium constants, skip rule and server come from tests/e2e/server.py). Skipped without /usr/bin/chromium unless
QUIZ_REQUIRE_BROWSER=1. ``QUIZ_SCREENSHOTS=1`` rewrites docs/screenshots/projector.png.
"""

from __future__ import annotations

import os
import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Contest, Event, User
from quiz.services import attempts as attempt_service
from quiz.services.boards.ranking import mask_name
from quiz.services.contests.papers import build_paper
from quiz.timeutil import utcnow
from tests.e2e.server import e2e_app, require_chromium, screenshot_path, watched_page
from tests.factories import Factories
from tests.helpers.boards import attempt as finished_attempt
from tests.helpers.live_server import serve

require_chromium()
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.e2e

SCREENSHOT = screenshot_path("projector.png")
CLASS_A = "四川省/广元中学/高一(1)班"
CLASS_B = "四川省/成都七中/高二(3)班"
SURNAMES = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
GIVEN = "晓明子涵浩然欣怡俊杰雨萱思远嘉怡宇轩梓萱"
TELECOM_STUDENTS = 60  # more than one page (50) of the board
FAR_RANK = 57  # the logged-in student's place on the telecom board: page 2
NEW_STUDENT = "赵新宇"  # finishes during test 1


def _names():
    """Distinct, varied three-character names (never 赵新宇 nor 李远航)."""
    pairs = [GIVEN[i : i + 2] for i in range(0, len(GIVEN), 2)]
    for i in range(len(SURNAMES) * len(pairs)):
        yield SURNAMES[i % len(SURNAMES)] + pairs[(i + i // len(SURNAMES)) % len(pairs)]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app on 127.0.0.1:<free port>: an event with a campus contest (a real bank, so a
    student can take it) and a telecom contest with 60 finished students."""
    app = e2e_app(tmp_path_factory.mktemp("e2e-boards"))
    now = utcnow()
    with app.app_context():
        factories = Factories(app)
        school_a = factories.organization("四川省/广元中学")
        school_b = factories.organization("四川省/成都七中")
        event = Event(title="四川省网络安全宣传周", start_date=now.date().isoformat())
        db.session.add(event)
        db.session.commit()
        campus = factories.contest(title="校园日知识竞赛", now=now, event_id=event.id)
        telecom = Contest(
            event_id=event.id,
            title="电信日知识竞赛",
            themed_day="telecom",
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(hours=2),
        )
        db.session.add(telecom)
        db.session.commit()

        names = _names()
        # Campus: 12 students, scores below the 40 a perfect paper gets.
        for n in range(12):
            user = factories.student(
                f"c{n:02d}", display_name=next(names), organization=CLASS_B if n % 3 else CLASS_A
            )
            finished_attempt(campus, user, score=38 - 2 * n, used=5 + n)
        # Telecom: 60 students in decreasing order; "far" (李远航) is 57th.
        for n in range(TELECOM_STUDENTS):
            if n == FAR_RANK - 1:
                user = factories.student("far", display_name="李远航", organization=CLASS_A)
            else:
                user = factories.student(
                    f"t{n:02d}",
                    display_name=next(names),
                    organization=CLASS_A if n % 2 else CLASS_B,
                )
            finished_attempt(telecom, user, score=40 - 0.5 * n, used=5 + n % 20)
        ids = {
            "event_id": event.id,
            "campus_id": campus.id,
            "telecom_id": telecom.id,
            "school_a": school_a.id,
            "school_b": school_b.id,
        }
        db.session.remove()
    with serve(app, dispose_engine=True) as url:
        yield {"url": url, "app": app, **ids}


def _take_campus_contest(app, contest_id: int, *, name: str) -> None:
    """A new student starts the campus contest, answers everything right and hands in,
    through quiz.services.attempts (as the quiz API would)."""
    with app.app_context():
        user = Factories(app).student("newcomer", display_name=name, organization=CLASS_B)
        contest = db.session.get(Contest, contest_id)
        grace = float(app.config["ANSWER_GRACE_SECONDS"])
        attempt, created = attempt_service.start_attempt(
            contest, user, now=utcnow(), grace_seconds=grace, paper_builder=build_paper
        )
        assert created
        for item in attempt.paper:
            if item["type"] == "fill_blank":
                answer = {"text": item["key"][0]}
            else:
                answer = {"choice": list(item["key"])}
            attempt_service.save_answer(
                attempt, item["question_id"], now=utcnow(), grace_seconds=grace, **answer
            )
        result = attempt_service.submit(attempt, now=utcnow(), grace_seconds=grace)
        assert result.status == "submitted" and result.score == result.max_score
        db.session.remove()


def _names_on_page(page) -> list[str]:
    return page.locator("table[data-board] tbody tr td:nth-child(2)").all_text_contents()


def test_contest_board_updates_without_reload(live_server, browser):
    base, app = live_server["url"], live_server["app"]
    contest_id = live_server["campus_id"]
    api_path = f"/api/v1/contests/{contest_id}/leaderboard"
    context, page, errors = watched_page(browser)
    # Each poll of the board's JSON: (time, status, If-None-Match sent, ETag received).
    polls: list[tuple[float, int, str | None, str | None]] = []
    page.on(
        "response",
        lambda response: (
            polls.append(
                (
                    time.monotonic(),
                    response.status,
                    response.request.headers.get("if-none-match"),
                    response.headers.get("etag"),
                )
            )
            if api_path in response.url
            else None
        ),
    )
    page.goto(f"{base}/boards/contests/{contest_id}")
    assert page.locator("table[data-board]").get_attribute("data-poll") == "5"
    page.evaluate("window.__notReloaded = true")

    # Anonymous: every name is masked (张*明), no full name anywhere on the page.
    with app.app_context():
        full = db.session.scalars(select(User.display_name).where(User.username.like("c%"))).all()
        db.session.remove()
    shown = _names_on_page(page)
    assert len(shown) == 12
    assert sorted(shown) == sorted(mask_name(n) for n in full)
    assert all(re.fullmatch(r".\*.", name) for name in shown), shown
    html = page.content()
    assert not [n for n in full if n in html]
    # The podium: the table's first three rows (their masked names), in step with the table.
    podium = page.locator("[data-board-podium] .podium-name")
    assert podium.all_text_contents() == shown[:3]

    # The first poll (200) and at least one poll with nothing changed: 304 with the same ETag.
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline and not any(p[1] == 304 for p in polls):
        page.wait_for_timeout(200)
    assert polls and polls[0][1] == 200 and polls[0][3], polls
    etag = polls[0][3]
    unchanged = polls[1:]
    assert unchanged and all(p[1] == 304 and p[2] == etag for p in unchanged), polls

    # A new student finishes, server side: the row appears without a reload.
    before = len(polls)
    submitted = time.monotonic()
    _take_campus_contest(app, contest_id, name=NEW_STUDENT)
    first_row = page.locator("table[data-board] tbody tr").first
    sync_api.expect(first_row).to_contain_text(mask_name(NEW_STUDENT), timeout=12_000)
    appeared = time.monotonic() - submitted
    assert appeared < 10, f"the new row took {appeared:.1f} s"
    assert first_row.locator("td").first.text_content().strip() == "1"
    assert NEW_STUDENT not in page.content()
    assert len(_names_on_page(page)) == 13
    # board.js redrew the podium with the rows: the newcomer leads it.
    sync_api.expect(podium.first).to_have_text(mask_name(NEW_STUDENT))
    assert podium.all_text_contents() == _names_on_page(page)[:3]
    assert page.locator(".podium-1 .podium-rank").text_content() == "第1名"
    assert page.evaluate("window.__notReloaded === true")
    sync_api.expect(page.locator("[data-board-status]")).to_contain_text("已更新")

    # After the change: one full answer with a new ETag, then 304s again.
    deadline = time.monotonic() + 7
    while time.monotonic() < deadline and not any(p[1] == 304 for p in polls[before + 1 :]):
        page.wait_for_timeout(200)
    after = polls[before:]
    assert after[0][1] == 200 and after[0][2] == etag and after[0][3] != etag, after
    assert after[1:] and all(p[1] == 304 and p[2] == after[0][3] for p in after[1:]), after
    assert [p[1] for p in polls].count(200) == 2, polls

    # Many viewers, one cost: a second anonymous viewer gets the very same ETag, so the
    # server answers it from the same cached page and then with 304s.
    other = context.new_page()
    with other.expect_response(lambda r: api_path in r.url) as first:
        other.goto(f"{base}/boards/contests/{contest_id}")
    assert first.value.status == 200 and first.value.headers.get("etag") == after[0][3]
    other.close()
    assert not errors, errors
    context.close()


def test_projector_large_highlighted_and_advancing(live_server, browser):
    base = live_server["url"]
    school = live_server["school_b"]
    context, page, errors = watched_page(browser, viewport={"width": 1920, "height": 1080})
    # interval is clamped to ≥ 5 s by the route; top and school as in docs/boards.md.
    page.goto(
        f"{base}/boards/events/{live_server['event_id']}/projector?interval=5&school={school}&top=10"
    )
    stage = page.locator("[data-projector]")
    assert stage.get_attribute("data-interval") == "5"
    title = page.locator("[data-slide-title]")
    rows = page.locator("tbody[data-rows] tr")
    sync_api.expect(title).to_have_text("校园日")
    sync_api.expect(rows.first.locator("td")).to_have_count(5)

    def check_slide():
        # Top 10 of ≥ 12, names masked, rows of 成都七中 (and only they) highlighted.
        sync_api.expect(rows).to_have_count(10)
        highlighted = page.locator("tbody[data-rows] tr.highlight")
        assert highlighted.count() > 0
        for i in range(rows.count()):
            row = rows.nth(i)
            cells = row.locator("td").all_text_contents()
            assert re.fullmatch(r".\*.", cells[1]), cells
            is_b = "成都七中" in cells[2]
            assert ("highlight" in (row.get_attribute("class") or "")) == is_b, cells
        # Readable from the back of the hall: rows in ≥ 28 px type.
        size = rows.first.locator("td").nth(1).evaluate("td => getComputedStyle(td).fontSize")
        assert float(size.removesuffix("px")) >= 28, size
        # The whole slide fits the screen (a hall display cannot scroll): last row and footer.
        last = rows.nth(9).bounding_box()
        foot = page.locator(".projector-foot").bounding_box()
        assert last["y"] + last["height"] <= 1080, last
        assert foot["y"] + foot["height"] <= 1080, foot

    check_slide()
    assert page.locator("[data-dots]").text_content().startswith("●")

    # It advances by itself: the next themed day within two intervals.
    sync_api.expect(title).to_have_text("电信日", timeout=12_000)
    sync_api.expect(rows.first).to_contain_text("40")  # telecom's leader has 40 points
    check_slide()
    assert page.locator("[data-dots]").text_content().split(" ")[1] == "●"
    if os.environ.get("QUIZ_SCREENSHOTS"):
        # Only on request: CI must not rewrite a tracked file on every run.
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
    assert not errors, errors
    context.close()


def test_my_rank_from_page_two_shows_on_page_one(live_server, browser):
    base = live_server["url"]
    context, page, errors = watched_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/auth/login")
    page.fill("input[name=username]", "far")
    page.fill("input[name=password]", "passw0rd!")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(lambda url: "/auth/login" not in url)

    board = f"{base}/boards/contests/{live_server['telecom_id']}"
    page.goto(board)
    me = page.locator("[data-board-me]")
    sync_api.expect(me).to_contain_text(f"第 {FAR_RANK} 名")
    sync_api.expect(me).to_contain_text("李远航")  # their own name, in full
    assert page.locator("table[data-board] tbody tr").count() == 50
    assert page.locator("table[data-board] tbody tr.is-me").count() == 0
    # The live refresh keeps it (board.js rewrites the row from the JSON "me").
    sync_api.expect(page.locator("[data-board-status]")).to_contain_text("已更新")
    sync_api.expect(me).to_contain_text(f"第 {FAR_RANK} 名 · 李远航")

    page.goto(f"{board}?page=2")
    mine = page.locator("table[data-board] tbody tr.is-me")
    sync_api.expect(mine).to_have_count(1)
    assert mine.locator("td").first.text_content().strip() == str(FAR_RANK)
    assert "李远航" in mine.text_content()
    assert not errors, errors
    context.close()
