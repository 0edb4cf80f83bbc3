"""Boards and certificates on a phone (390×844) in a real browser (Debian's chromium).

* Every board page (contest, its units, the week, each themed day, the event's units at each
  level) fits the screen: ``document.scrollingElement.scrollWidth ≤ 390``; a wide table scrolls
  inside its own box with the name column held in place, and no header cell wraps (得/分).
* Long unit paths show a short name; the full path opens on tap (a ``<details>``, no script).
* The student's certificate: reachable from the own row on the board, the QR code keeps its
  size on a phone, the page fits the screen, and it prints on one A4 landscape page.
* The contest form shows only the award cut-offs its rule uses.

Skipped without /usr/bin/chromium unless QUIZ_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Contest, Event
from quiz.timeutil import utcnow
from tests.e2e.server import e2e_app, picture, require_chromium, watched_page
from tests.factories import Factories
from tests.helpers.boards import attempt as finished_attempt
from tests.helpers.live_server import serve

require_chromium()
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
LONG_CLASS = "四川省成都市/四川省成都市第七中学高新校区/高二年级(13)班（信息技术实验班）"
OTHER_CLASS = "四川省广元市/广元市利州区第一初级中学/初三(2)班"
NAMES = [
    *[
        "张晓明",
        "王子涵",
        "李浩然",
        "赵欣怡",
        "刘俊杰",
        "陈雨萱",
        "杨思远",
        "黄嘉怡",
        "周宇轩",
        "吴梓萱",
        "徐晓明",
        "孙子涵",
    ]
]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """An event of six closed themed-day contests (12 students each, two long unit paths)."""
    app = e2e_app(tmp_path_factory.mktemp("e2e-phone"))
    now = utcnow()
    with app.app_context():
        factories = Factories(app)
        event = Event(title="四川省2026年国家网络安全宣传周", start_date=now.date().isoformat())
        db.session.add(event)
        db.session.commit()
        contests = []
        for day, name in THEMED_DAYS.items():
            contest = Contest(
                event_id=event.id,
                title=f"{name}知识竞赛",
                themed_day=day,
                opens_at=now - timedelta(hours=3),
                closes_at=now - timedelta(hours=1),
                award_rule="rank_count",
                award_cut_1=1,
                award_cut_2=3,
            )
            db.session.add(contest)
            contests.append(contest)
        db.session.commit()
        users = [
            factories.student(
                f"s{n:02d}",
                display_name=NAMES[n],
                organization=LONG_CLASS if n % 2 else OTHER_CLASS,
            )
            for n in range(len(NAMES))
        ]
        for contest in contests:
            for n, user in enumerate(users):
                finished_attempt(contest, user, score=40 - 2 * n, used=100 + 7 * n)
        factories.organizer("teacher", unit="四川省广元市/广元市利州区第一初级中学")
        ids = {"event_id": event.id, "contest_id": contests[0].id}
        db.session.remove()
    with serve(app, dispose_engine=True) as url:
        yield {"url": url, "app": app, **ids}


def _board_paths(ids) -> list[str]:
    event, contest = ids["event_id"], ids["contest_id"]
    paths = [
        f"/boards/contests/{contest}",
        f"/boards/events/{event}",
        *(f"/boards/events/{event}/days/{day}" for day in THEMED_DAYS),
    ]
    for level in ("region", "school", "class"):
        paths += [
            f"/boards/contests/{contest}/organizations?level={level}",
            f"/boards/events/{event}/organizations?level={level}",
            f"/boards/events/{event}/organizations?level={level}&day=law",
        ]
    return paths


def _phone(browser):
    return watched_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)


#: Each header cell's height against one line of its text (padding left out).
HEADER_LINES = """() => Array.from(document.querySelectorAll('table th')).map(th => {
  const style = getComputedStyle(th);
  const inner = th.getBoundingClientRect().height - parseFloat(style.paddingTop)
    - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
  return [th.textContent.trim(), inner / parseFloat(style.lineHeight)];
})"""


def test_every_board_fits_a_phone(live_server, browser):
    context, page, errors = _phone(browser)
    problems = []
    for path in _board_paths(live_server):
        page.goto(live_server["url"] + path)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        headers = page.evaluate(HEADER_LINES)
        assert headers, path
        tall = [(text, round(lines, 2)) for text, lines in headers if lines > 1.3]
        if width > PHONE["width"] or tall:
            problems.append((path, width, tall))
    assert not problems, problems
    assert not errors, errors
    context.close()


def test_week_board_scrolls_in_its_box_and_keeps_the_names(live_server, browser):
    context, page, errors = _phone(browser)
    page.goto(f"{live_server['url']}/boards/events/{live_server['event_id']}")
    wrap = page.locator(".board-wrap")
    # The table is wider than the phone (six day columns) and scrolls inside its box.
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")
    name = page.locator("table[data-board] tbody tr").first.locator("td.col-name")
    before = name.bounding_box()
    wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_timeout(100)
    after = name.bounding_box()
    assert after["x"] == pytest.approx(before["x"], abs=1), (before, after)
    assert after["x"] >= 0 and after["x"] + after["width"] <= PHONE["width"]
    picture(page, "board-week-phone.png")
    assert not errors, errors
    context.close()


def test_units_show_a_short_name_and_the_full_path_on_tap(live_server, browser):
    context, page, errors = _phone(browser)
    page.goto(f"{live_server['url']}/boards/contests/{live_server['contest_id']}")
    picture(page, "board-contest-phone.png")
    first = page.locator("table[data-board] tbody tr").first
    org = first.locator("td.col-org details.org-path")
    summary = org.locator("summary")
    assert summary.text_content() == "广元市利州区第一初级中学"
    full = org.locator(".org-full")
    assert not full.is_visible()
    summary.tap()
    sync_api.expect(full).to_be_visible()
    assert full.text_content() == OTHER_CLASS
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    # The live refresh (board.js) draws the same cells.
    sync_api.expect(page.locator("[data-board-status]")).to_contain_text("已更新")
    redrawn = page.locator("table[data-board] tbody tr").first.locator("td.col-org summary")
    assert redrawn.text_content() == "广元市利州区第一初级中学"
    # A path tapped open stays open through the refresh.
    redrawn_full = page.locator("table[data-board] tbody tr").first.locator(".org-full")
    sync_api.expect(redrawn_full).to_be_visible()
    # The two unit boards have two names.
    contest_nav = page.locator("nav.board-nav").nth(0).locator("a").all_text_contents()
    event_nav = page.locator("nav.board-nav").nth(1).locator("a").all_text_contents()
    assert contest_nav == ["本场排名", "本场单位排名"]
    assert "全周单位排名" in event_nav and "单位排名" not in event_nav
    assert not errors, errors
    context.close()


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/auth/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "passw0rd!")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(lambda url: "/auth/login" not in url)


def test_certificate_from_the_own_row_on_a_phone_and_in_print(live_server, browser):
    base = live_server["url"]
    context, page, errors = _phone(browser)
    _login(page, base, "s00")
    page.goto(f"{base}/boards/contests/{live_server['contest_id']}")
    mine = page.locator("table[data-board] tbody tr.is-me")
    sync_api.expect(mine).to_have_count(1)
    # board.js redraws the row (and its link) from the JSON
    sync_api.expect(page.locator("[data-board-status]")).to_contain_text("已更新")
    mine.locator("a.cert-link").tap()
    page.wait_for_url(lambda url: "/certificates/" in url)
    sync_api.expect(page.locator("h1.certificate-award")).to_have_text("一等奖")
    assert "第1名" in page.locator(".certificate-facts").text_content()
    assert "40分" in page.locator(".certificate-facts").text_content()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    qr = page.locator(".certificate-qr svg").bounding_box()
    assert qr["width"] >= 100 and qr["height"] >= 100, qr  # was 0 px on a phone
    picture(page, "certificate-phone.png")

    # In print: the sheet alone (no menu, no buttons), QR code kept, one landscape A4 page.
    page.emulate_media(media="print")
    assert not page.locator(".topbar").is_visible()
    assert not page.locator(".certificate-actions").is_visible()
    qr = page.locator(".certificate-qr svg").bounding_box()
    assert qr["width"] >= 80, qr
    pdf = page.pdf(landscape=True, format="A4", print_background=True, prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, pages
    page.emulate_media(media="screen")

    # The day and week certificates are linked from the own row of those boards too.
    page.goto(f"{base}/boards/events/{live_server['event_id']}")
    page.locator("table[data-board] tbody tr.is-me a.cert-link").tap()
    page.wait_for_url(lambda url: url.endswith("/week"))
    sync_api.expect(page.locator("h1.certificate-award")).to_have_text("一等奖")
    assert "240分" in page.locator(".certificate-facts").text_content()
    assert not errors, errors
    context.close()


def test_the_contest_form_shows_the_cut_offs_a_rule_uses(live_server, browser):
    context, page, errors = _phone(browser)
    _login(page, live_server["url"], "teacher")
    page.goto(f"{live_server['url']}/admin/contests/new")
    cuts = [page.locator(f"[data-award-cut='{n}']") for n in (1, 2, 3)]
    assert [c.is_visible() for c in cuts] == [False, False, False]  # no awards by default
    page.select_option("select[name=award_rule]", "rank_count")
    assert [c.is_visible() for c in cuts] == [True, True, True]
    page.select_option("select[name=award_rule]", "score_percent")
    assert [c.is_visible() for c in cuts] == [True, True, False]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert not errors, errors
    context.close()
