"""Keyboard and accessibility on a 390×844 phone (Debian's chromium through Playwright).

* The ☰ menu opens from the keyboard (a real button), so 错题本, 练习, 排行榜, 退出 and English
  can be reached by Tab; Escape closes it and gives focus back.
* After 下一题 the keyboard is on the next question's first option.
* The submit dialog traps focus (Tab and Shift+Tab stay on its buttons; Escape returns).
* Fields the quiz script builds have labels; times it shows are Beijing time whatever the
  phone's zone (the context runs in New York); no request of any page answers 404 (favicon).

Skipped without /usr/bin/chromium unless QUIZ_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.timeutil import to_local, utcnow
from tests.e2e.server import e2e_app, non_local, require_chromium
from tests.factories import Factories
from tests.helpers.live_server import serve

require_chromium()
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.e2e

QUESTIONS = [
    ("single_choice", "宣传周在哪座城市开幕？", ["成都", "绵阳", "广元", "南充"], [0]),
    ("single_choice", "学校开展了什么活动？", ["主题班会", "运动会", "文艺汇演", "家长会"], [0]),
    ("multiple_choice", "哪些属于主题日？", ["校园日", "电信日", "植树日", "法治日"], [0, 1, 3]),
    ("true_false", "可以随意点击陌生链接。", ["正确", "错误"], [1]),
]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """A student and an open four-question contest, served on 127.0.0.1:<free port>."""
    app = e2e_app(tmp_path_factory.mktemp("e2e-keyboard"))
    with app.app_context():
        factories = Factories(app)
        factories.student("student", display_name="王小明")
        for qtype, stem, options, answer in QUESTIONS:
            factories.question(type=qtype, stem=stem, options=options, answer=answer)
        contest_id = factories.contest(
            title="键盘答题",
            now=utcnow(),
            question_count=4,
            type_counts={"single_choice": 2, "multiple_choice": 1, "true_false": 1},
            with_questions=False,
        ).id
        db.session.remove()
    with serve(app, dispose_engine=True) as url:
        yield {"url": url, "contest_id": contest_id}


@pytest.fixture
def phone(browser):
    """A 390×844 page in New York time that records script errors and every 4xx/5xx answer."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", timezone_id="America/New_York"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script: {error}"))
    page.on(
        "console",
        lambda m: (
            page.problems.append(f"console on {page.url}: {m.text[:80]}")
            if m.type == "error"
            else None
        ),
    )
    page.on(
        "response",
        lambda r: page.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on(
        "request",
        lambda r: page.problems.append(f"non-local request: {r.url}") if non_local(r.url) else None,
    )
    yield page
    context.close()


def _focused(page) -> str:
    """What has focus, as ``tag#id.class "text"`` (enough to tell buttons and links apart)."""
    return page.evaluate(
        """() => { const e = document.activeElement; if (!e) return '';
        return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
          (e.className ? '.' + String(e.className).split(' ').join('.') : '') +
          ' "' + (e.innerText || e.value || '').trim().slice(0, 20) + '"'; }"""
    )


def _log_in_by_keyboard(page, base: str) -> None:
    page.goto(f"{base}/auth/login")
    page.focus("input[name=username]")
    page.keyboard.type("student")
    page.keyboard.press("Tab")
    page.keyboard.type("passw0rd!")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/")


def _tab_to(page, pattern: str, limit: int = 40, *, back: bool = False) -> str:
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = _focused(page)
        if re.search(pattern, now):
            return now
    raise AssertionError(f"Tab never reached {pattern!r} (last: {now})")


def test_the_phone_menu_opens_and_every_entry_is_reachable_by_keyboard(live_server, phone):
    base = live_server["url"]
    _log_in_by_keyboard(phone, base)
    toggle = phone.locator(".nav-toggle")
    nav = phone.locator("#site-nav")
    sync_api.expect(nav).to_be_hidden()
    phone.evaluate("document.activeElement.blur()")
    _tab_to(phone, r"^button\.nav-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    phone.keyboard.press("Enter")
    sync_api.expect(nav).to_be_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    reached = []
    for entry in ("比赛", "错题本", "练习", "排行榜", "王小明", "退出", "English"):
        reached.append(_tab_to(phone, f'"{entry}"', limit=3))
    assert len(reached) == 7, reached
    # Escape closes the menu and puts the keyboard back on ☰; Space opens it again.
    phone.keyboard.press("Escape")
    sync_api.expect(nav).to_be_hidden()
    assert _focused(phone).startswith("button.nav-toggle")
    phone.keyboard.press("Space")
    sync_api.expect(nav).to_be_visible()
    # The entries work from the keyboard: 错题本 opens.
    _tab_to(phone, '"错题本"', limit=3)
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/review")
    assert not phone.problems, phone.problems


def test_a_keyboard_only_quiz_moves_focus_and_traps_it_in_the_dialog(live_server, phone):
    base = live_server["url"]
    _log_in_by_keyboard(phone, base)
    phone.goto(f"{base}/contests/{live_server['contest_id']}")
    _tab_to(phone, '"开始答题"')
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/attempts/*")
    phone.wait_for_selector("#quiz.is-ready")

    # Every field the script built has a label (the options are wrapped, the blank has for=).
    unlabelled = phone.evaluate(
        """() => [...document.querySelectorAll('#quiz input')].filter(i =>
            !i.closest('label') && !(i.id && document.querySelector('label[for="' + i.id + '"]'))
            && !i.getAttribute('aria-label')).map(i => i.outerHTML)"""
    )
    assert not unlabelled

    cards = phone.locator(".q-card")
    for number in range(1, cards.count()):
        card = cards.nth(number - 1)
        # Answer from the keyboard: Space picks the focused option.
        card.locator("input").first.focus()
        phone.keyboard.press("Space")
        sync_api.expect(card.locator(".q-save")).to_contain_text("已保存")
        _tab_to(phone, r"^button#quiz-next")
        phone.keyboard.press("Enter")
        shown = cards.nth(number)
        sync_api.expect(shown).to_be_visible()
        first = shown.locator("input").first
        assert phone.evaluate("(e) => e === document.activeElement", first.element_handle())

    # The saved time is Beijing time as YYYY-MM-DD HH:MM, though this phone is in New York.
    saved = cards.nth(0).locator(".q-save").text_content()
    stamp = re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", saved)
    assert stamp, saved
    beijing = [
        to_local(utcnow() + timedelta(minutes=d)).strftime("%Y-%m-%d %H:%M") for d in (-1, 0)
    ]
    assert stamp.group(0) in beijing, (saved, beijing)
    assert not re.search(r"\d\d:\d\d:\d\d|T\d\d:", saved)

    # The dialog: opened from the keyboard, focus inside, Tab/Shift+Tab cycle its two buttons.
    _tab_to(phone, r"^button#quiz-submit")
    phone.keyboard.press("Enter")
    sync_api.expect(phone.locator("#quiz-dialog")).to_be_visible()
    seen = {_focused(phone).split(" ")[0]}
    for key in ["Tab"] * 5 + ["Shift+Tab"] * 5:
        phone.keyboard.press(key)
        seen.add(_focused(phone).split(" ")[0])
    assert seen == {"button#quiz-cancel.btn", "button#quiz-confirm.btn.btn-primary"}, seen
    # A click outside the box (on the page behind) does not take the keyboard out of it.
    phone.locator("#quiz-dialog").click(position={"x": 5, "y": 5})
    assert phone.evaluate("document.getElementById('quiz-dialog').contains(document.activeElement)")
    phone.locator("#quiz-dialog-title").click()
    assert phone.evaluate("document.getElementById('quiz-dialog').contains(document.activeElement)")
    phone.keyboard.press("Escape")
    sync_api.expect(phone.locator("#quiz-dialog")).to_be_hidden()
    assert _focused(phone).startswith("button#quiz-submit")
    # And hand in from the keyboard: the whole quiz, from login to results, without a mouse.
    phone.keyboard.press("Enter")
    sync_api.expect(phone.locator("#quiz-dialog")).to_be_visible()
    _tab_to(phone, r"^button#quiz-confirm", limit=3)
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/result")
    sync_api.expect(phone.locator(".score-value").first).to_be_visible()
    assert not phone.problems, phone.problems


def test_no_page_request_answers_404_and_the_favicon_is_there(live_server, phone):
    base = live_server["url"]
    # Fetched, not opened: chromium's own image viewer page would break the CSP, not ours.
    favicon = phone.request.get(f"{base}/favicon.ico")
    assert favicon.status == 200 and favicon.headers["content-type"] == "image/vnd.microsoft.icon"
    _log_in_by_keyboard(phone, base)
    for path in ("/", "/contests", "/review", "/practice", "/boards/", "/auth/password"):
        phone.goto(base + path)
        icon = phone.locator("link[rel=icon]").get_attribute("href")
        assert phone.request.get(base + icon).status == 200
    assert not phone.problems, phone.problems
