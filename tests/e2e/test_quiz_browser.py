"""The quiz page in a real browser (Debian's chromium through Playwright, never downloaded).

One journey: log in, open a contest, answer everything (each answer says 已保存), reload (the
answers are still there), lose the network (网络断开, the answer waits), get it back (saved),
hand in, see the results. Skipped without /usr/bin/chromium unless QUIZ_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import re

import pytest

from quiz.extensions import db
from quiz.timeutil import utcnow
from tests.e2e.server import (
    answer_card,
    e2e_app,
    picture,
    quiz_card,
    require_chromium,
    watched_page,
)
from tests.factories import Factories
from tests.helpers.live_server import serve

ARTICLE = (
    "测试文章。2021年四川省国家网络安全宣传周于10月11日在成都开幕。\n\n"
    "活动期间，全省将举办校园日、电信日等六个主题日活动。校园日当天，各地学校开展网络安全主题班会。\n\n"
    "主办方提醒，不要随意点击陌生链接。"
)

QUESTIONS = [
    (
        "single_choice",
        "2021年四川省国家网络安全宣传周在哪座城市开幕？",
        ["成都", "绵阳", "广元", "南充"],
        [0],
    ),
    (
        "single_choice",
        "宣传周期间，各地学校开展了什么主题活动？",
        ["网络安全主题班会", "运动会", "文艺汇演", "家长会"],
        [0],
    ),
    (
        "multiple_choice",
        "下列哪些属于本次宣传周的主题日？",
        ["校园日", "电信日", "植树日", "法治日", "环保日"],
        [0, 1, 3],
    ),
    ("true_false", "主办方提醒，可以随意点击陌生链接。", ["正确", "错误"], [1]),
    ("fill_blank", "本次宣传周共设____个主题日。", [], ["六", "6"]),
]

require_chromium()

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app on 127.0.0.1:<free port> (werkzeug in a thread) with a student and a contest."""
    app = e2e_app(tmp_path_factory.mktemp("e2e"))
    with app.app_context():
        factories = Factories(app)
        factories.source(text=ARTICLE)
        factories.student("student", display_name="王小明")
        for qtype, stem, options, answer in QUESTIONS:
            factories.question(type=qtype, stem=stem, options=options, answer=answer)
        mix = {"single_choice": 2, "multiple_choice": 1, "true_false": 1, "fill_blank": 1}

        def contest(title: str, **extra) -> int:
            return factories.contest(
                title=title,
                now=utcnow(),
                question_count=5,
                type_counts=mix,
                with_questions=False,
                **extra,
            ).id

        contest_id = contest("校园日知识竞赛")
        second_id = contest("校园日复赛")
        short_id = contest("限时四秒", time_limit_seconds=4)
        db.session.remove()
    with serve(app, dispose_engine=True) as url:
        yield {"url": url, "contest_id": contest_id, "second_id": second_id, "short_id": short_id}


def _phone(browser):
    """A phone-sized context and page that records script errors and CSP refusals."""
    return watched_page(browser, viewport={"width": 390, "height": 844})


def _log_in(page) -> None:
    page.fill("input[name=username]", "student")
    page.fill("input[name=password]", "passw0rd!")
    page.click("input[type=submit], button[type=submit]")


def _start(page, base: str, contest_id: int) -> None:
    page.goto(f"{base}/contests/{contest_id}")
    page.click("button:has-text('开始答题')")
    page.wait_for_url("**/attempts/*")
    page.wait_for_selector("#quiz.is-ready")


def test_answer_reload_offline_submit(live_server, browser):
    base = live_server["url"]
    context, page, errors = _phone(browser)
    page.goto(f"{base}/auth/login")
    _log_in(page)
    _start(page, base, live_server["contest_id"])
    total = page.locator(".q-card").count()
    assert total == 5
    sync_api.expect(page.locator("#quiz-clock")).to_have_text(re.compile(r"^(09|10):\d\d$"))

    for number in range(1, total + 1):
        answer_card(page, number)
        sync_api.expect(quiz_card(page, number).locator(".q-save")).to_contain_text("已保存")
        if number == 3:
            # Mid-way, so the navigator shows answered, current and unanswered questions.
            picture(page, "quiz-page.png")
    sync_api.expect(page.locator("#quiz-progress-text")).to_have_text(f"{total} / {total}")

    # Reload: the server's answers come back.
    page.reload()
    page.wait_for_selector("#quiz.is-ready")
    for number in range(1, total + 1):
        card = quiz_card(page, number)
        blank = card.locator("input.q-blank")
        if blank.count():
            assert blank.input_value() == "六"
        else:
            assert card.locator("input").nth(0).is_checked()
        assert "已保存" in card.locator(".q-save").text_content()

    # Offline: the answer waits (and says so), then goes out when the network is back.
    choice = next(
        n for n in range(1, total + 1) if not quiz_card(page, n).locator("input.q-blank").count()
    )
    context.set_offline(True)
    answer_card(page, choice, option=1)
    sync_api.expect(quiz_card(page, choice).locator(".q-save")).to_contain_text("网络断开")
    sync_api.expect(page.locator("#quiz-offline")).to_be_visible()
    context.set_offline(False)
    sync_api.expect(quiz_card(page, choice).locator(".q-save")).to_contain_text("已保存")
    assert quiz_card(page, choice).locator("input").nth(1).is_checked()

    # Leaving the page is reported (blur, then focus with the time away).
    with page.expect_response("**/events") as left:
        page.evaluate("window.dispatchEvent(new Event('blur'))")
    assert left.value.ok and left.value.json()["focus_losses"] == 1
    with page.expect_response("**/events") as returned:
        page.evaluate("window.dispatchEvent(new Event('focus'))")
    assert returned.value.ok

    # Submit: the summary says everything is answered; confirm; the results page.
    page.click("#quiz-submit")
    sync_api.expect(page.locator("#quiz-dialog-summary")).to_have_text("全部题目均已作答。")
    page.click("#quiz-confirm")
    page.wait_for_url("**/result")
    sync_api.expect(page.locator(".score-value").first).to_be_visible()
    assert "答案与解析" in page.content()
    assert not errors, errors
    context.close()


def test_expired_token_and_session_keep_the_answer(live_server, browser):
    base = live_server["url"]
    context, page, errors = _phone(browser)
    page.goto(f"{base}/auth/login")
    _log_in(page)
    _start(page, base, live_server["second_id"])
    quiz_url = page.url

    # The first save meets an expired CSRF token: a fresh token is fetched and the save retried.
    refused = []

    def expire_once(route):
        if not refused:
            refused.append(route.request.url)
            body = '{"error": {"code": "csrf_failed", "message": "expired"}}'
            route.fulfill(status=400, content_type="application/json", body=body)
        else:
            route.continue_()

    page.route("**/api/v1/attempts/*/answers/*", expire_once)
    answer_card(page, 1)
    sync_api.expect(quiz_card(page, 1).locator(".q-save")).to_contain_text("已保存")
    assert refused
    page.unroute("**/api/v1/attempts/*/answers/*")

    # The session ends (cookies gone): the answer is kept, a login link explains what to do.
    context.clear_cookies()
    answer_card(page, 2, option=1, text="6")
    alert = page.locator("#quiz-alert")
    sync_api.expect(alert).to_contain_text("登录已过期")
    alert.locator("a").click()
    page.wait_for_url(re.compile(r"/auth/login\?next=(/|%2F)attempts"))
    _log_in(page)
    page.wait_for_url(quiz_url)
    page.wait_for_selector("#quiz.is-ready")
    page.locator(".quiz-nav-item").nth(1).click()
    sync_api.expect(quiz_card(page, 2).locator(".q-save")).to_contain_text("已保存")

    # The server has it: a fresh load (nothing left in localStorage) still shows it.
    assert (
        page.evaluate(
            "Object.keys(JSON.parse(localStorage.getItem('quiz:pending:' + "
            "JSON.parse(document.getElementById('quiz-data').textContent)"
            ".attempt_id) || '{}')).length"
        )
        == 0
    )
    page.reload()
    page.wait_for_selector("#quiz.is-ready")
    card = quiz_card(page, 2)
    blank = card.locator("input.q-blank")
    if blank.count():
        assert blank.input_value() == "6"
    else:
        assert card.locator("input").nth(1).is_checked()
    assert not errors, errors
    context.close()


def test_time_up_submits_automatically(live_server, browser):
    base = live_server["url"]
    context, page, errors = _phone(browser)
    page.goto(f"{base}/auth/login")
    _log_in(page)
    _start(page, base, live_server["short_id"])
    answer_card(page, 1)
    sync_api.expect(quiz_card(page, 1).locator(".q-save")).to_contain_text("已保存")
    # The next answer is still pending when the time runs out: its save is held on the way.
    held = []
    page.route(
        "**/api/v1/attempts/*/answers/*",
        lambda route: held.append(route) if not held else route.continue_(),
    )
    answer_card(page, 2, option=1, text="七")
    # At 0 s the page says so, sends what is pending (the server takes it within the grace)
    # and only then hands in and opens the results (the limit is 4 s).
    sync_api.expect(page.locator("#quiz-alert")).to_contain_text("答题时间到", timeout=15_000)
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_url("**/result", timeout=15_000)
    sync_api.expect(page.locator(".score-value").first).to_be_visible()
    given = page.locator(".result-item").nth(1).locator(".answer-pair dd").first
    assert given.text_content() != "未作答"  # the pending answer was stored, then graded
    assert not errors, errors
    context.close()
