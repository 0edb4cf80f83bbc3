"""A student on a phone (390×844) in a real browser (Debian's chromium, never downloaded).

One journey, issue 12 items 7, 10 and 11: register (and be logged in), join a themed-day
contest, answer, reload mid-quiz (answers and deadline kept), go offline and come back (the
waiting answer is saved), hand in, read the results; then, once the contest is over, the
错题本, practice, the certificate and the score card (drawn on a canvas, saved as a PNG).

Every page fails the test on a console error, a script error or a request that is not to
127.0.0.1 (no CDN, no web font, no analytics). The contest's end is reached with an injected
clock (time-machine, which the server thread shares), never by sleeping.
``QUIZ_SCREENSHOTS=1`` writes the results, the 错题本 and the score card to docs/screenshots/
(the quiz, the boards and the certificate on a phone come from the neighbouring files).
Skipped without /usr/bin/chromium unless QUIZ_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, timedelta
from urllib.parse import urlsplit

import pytest

from quiz.extensions import db
from quiz.timeutil import utcnow
from tests.e2e.server import answer_card, e2e_app, picture, quiz_card, require_chromium
from tests.factories import Factories
from tests.helpers.live_server import serve

require_chromium()
sync_api = pytest.importorskip("playwright.sync_api")
time_machine = pytest.importorskip("time_machine")
pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
CARD = (720, 1080)
ARTICLE = (
    "测试文章。2021年四川省国家网络安全宣传周于10月11日在成都开幕。\n\n"
    "活动期间，全省将举办校园日、电信日等六个主题日活动。校园日当天，各地学校开展网络安全主题班会。\n\n"
    "主办方提醒，不要随意点击陌生链接。"
)
QUESTIONS = [
    ("single_choice", "2021年四川省国家网络安全宣传周在哪座城市开幕？", ["成都", "绵阳", "广元", "南充"], [0]),
    ("single_choice", "宣传周期间，各地学校开展了什么主题活动？", ["网络安全主题班会", "运动会", "文艺汇演", "家长会"], [0]),
    ("multiple_choice", "下列哪些属于本次宣传周的主题日？", ["校园日", "电信日", "植树日", "法治日", "环保日"], [0, 1, 3]),
    ("true_false", "主办方提醒，可以随意点击陌生链接。", ["正确", "错误"], [1]),
    ("fill_blank", "本次宣传周共设____个主题日。", [], ["六", "6"]),
]  # fmt: skip
CLASS = "四川省/广元中学/高一(1)班"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app with a class to register into and a 校园日 contest that closes in 30 minutes."""
    app = e2e_app(tmp_path_factory.mktemp("e2e-student"))
    now = utcnow()
    with app.app_context():
        factories = Factories(app)
        factories.organization(CLASS)
        factories.source(text=ARTICLE)
        for qtype, stem, options, answer in QUESTIONS:
            factories.question(type=qtype, stem=stem, options=options, answer=answer)
        mix = {"single_choice": 2, "multiple_choice": 1, "true_false": 1, "fill_blank": 1}
        contest = factories.contest(
            title="校园日网络安全知识竞赛",
            now=now,
            closes_at=now + timedelta(minutes=30),
            themed_day="campus",
            question_count=5,
            type_counts=mix,
            with_questions=False,
        )
        ids = {"contest_id": contest.id, "closes_at": contest.closes_at}
        db.session.remove()
    with serve(app, dispose_engine=True) as url:
        yield {"url": url, **ids}


class Watch:
    """Every console error, script error and non-local request of a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.offline = False
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # Only while the network is cut on purpose may a load fail (the waiting save).
        if self.offline and message.text.startswith("Failed to load resource"):
            return
        self.errors.append(f"{message.text} @ {message.location.get('url')}")

    def _request(self, request) -> None:
        url = request.url
        if url.startswith("data:"):
            return
        if url.startswith("blob:"):  # the saved score card: a blob of the page's own origin
            url = url[len("blob:") :]
        if urlsplit(url).hostname != "127.0.0.1":
            self.foreign.append(url)

    def check(self, where: str) -> None:
        assert not self.errors, (where, self.errors)
        assert not self.foreign, (where, self.foreign)


def _kept(page, number: int, *, option: int = 0, text: str = "六") -> bool:
    """Whether question ``number`` shows the answer :func:`_answer` gave it."""
    card = quiz_card(page, number)
    blank = card.locator("input.q-blank")
    if blank.count():
        return blank.input_value() == text
    return card.locator("input").nth(option).is_checked()


def _quiz_data(page) -> dict:
    return json.loads(page.locator("#quiz-data").text_content())


def _fits(page) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], page.url


def test_a_student_on_a_phone(live_server, browser):
    base = live_server["url"]
    context = browser.new_context(
        viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True, accept_downloads=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch = Watch(page)

    # Register: the student is logged in at once.
    page.goto(f"{base}/auth/register")
    page.fill("input[name=username]", "xiaoming01")
    page.fill("input[name=display_name]", "王小明")
    unit = page.locator("select[name=organization_id] option", has_text="高一").first
    page.select_option("select[name=organization_id]", value=unit.get_attribute("value"))
    page.fill("input[name=password]", "passw0rd!")
    page.fill("input[name=confirm]", "passw0rd!")
    page.click("input[type=submit], button[type=submit]")
    sync_api.expect(page.locator(".flash")).to_contain_text("注册成功")
    watch.check("register")

    # Join the themed-day contest from the home page.
    page.get_by_role("link", name=re.compile("校园日网络安全知识竞赛")).first.click()
    page.wait_for_url(f"**/contests/{live_server['contest_id']}")
    page.click("button:has-text('开始答题')")
    page.wait_for_url("**/attempts/*")
    page.wait_for_selector("#quiz.is-ready")
    total = page.locator(".q-card").count()
    assert total == 5
    _fits(page)
    for number in range(1, 4):
        # The first question is answered wrongly: it goes into the 错题本.
        answer_card(page, number, option=1 if number == 1 else 0)
        sync_api.expect(quiz_card(page, number).locator(".q-save")).to_contain_text("已保存")
    watch.check("quiz")

    # Reload mid-quiz: the answers and the deadline are the server's, kept.
    deadline = _quiz_data(page)["deadline"]
    page.reload()
    page.wait_for_selector("#quiz.is-ready")
    assert _quiz_data(page)["deadline"] == deadline
    sync_api.expect(page.locator("#quiz-clock")).to_have_text(re.compile(r"^(09|10):\d\d$"))
    assert _kept(page, 1, option=1) and _kept(page, 2) and _kept(page, 3)
    sync_api.expect(page.locator("#quiz-progress-text")).to_have_text(f"3 / {total}")
    watch.check("reload")

    # Offline: the answer waits and says so; back online it is saved.
    watch.offline = True
    context.set_offline(True)
    answer_card(page, 4)
    sync_api.expect(quiz_card(page, 4).locator(".q-save")).to_contain_text("网络断开")
    sync_api.expect(page.locator("#quiz-offline")).to_be_visible()
    context.set_offline(False)
    sync_api.expect(quiz_card(page, 4).locator(".q-save")).to_contain_text("已保存")
    watch.offline = False
    answer_card(page, 5)
    sync_api.expect(quiz_card(page, 5).locator(".q-save")).to_contain_text("已保存")
    page.reload()  # the server has the answer given offline
    page.wait_for_selector("#quiz.is-ready")
    assert _kept(page, 4) and _kept(page, 5)
    watch.check("offline")

    # Hand in and read the results.
    page.click("#quiz-submit")
    sync_api.expect(page.locator("#quiz-dialog-summary")).to_have_text("全部题目均已作答。")
    page.click("#quiz-confirm")
    page.wait_for_url("**/result")
    sync_api.expect(page.locator(".score-value").first).to_be_visible()
    result_url = page.url
    assert "证书将于比赛结束、成绩公布后发放" in page.content()
    _fits(page)
    watch.check("result")

    # The contest is over (the clock moves, the server thread with it): certificate issued.
    after = live_server["closes_at"].replace(tzinfo=UTC) + timedelta(minutes=2)
    with time_machine.travel(after, tick=True):
        page.goto(result_url)
        sync_api.expect(page.locator("a:has-text('查看证书')")).to_be_visible()
        sync_api.expect(page.locator(".result-item").first).to_be_visible()
        picture(page, "result-phone.png")
        _fits(page)
        watch.check("result after the close")

        # The 错题本 holds the wrong answer; its practice checks an answer.
        page.goto(f"{base}/review")
        sync_api.expect(page.locator(".review-entry").first).to_be_visible()
        picture(page, "review-phone.png")
        _fits(page)
        page.click("a:has-text('练习错题')")
        page.wait_for_selector("#practice-card .q-option, #practice-card input.q-blank")
        option = page.locator("#practice-card .q-option")
        if option.count():
            option.first.click()
        else:
            page.fill("#practice-card input.q-blank", "六")
        page.click("#practice-check")
        sync_api.expect(page.locator("#practice-feedback")).to_be_visible()
        watch.check("practice")
        page.goto(f"{base}/practice")
        sync_api.expect(page.locator("a.tile").first).to_be_visible()
        _fits(page)
        watch.check("practice choice")

        # The certificate, from the result page.
        page.goto(result_url)
        page.click("a:has-text('查看证书')")
        page.wait_for_url(re.compile(r"/certificates/\d+$"))
        sync_api.expect(page.locator(".certificate-award")).to_be_visible()
        assert "王小明" in page.locator(".certificate-name").text_content()
        _fits(page)
        watch.check("certificate")

        # The score card, from the result page too: drawn, the phone's width, saved as PNG.
        page.goto(result_url)
        page.click("a:has-text('成绩卡')")
        page.wait_for_url(re.compile(r"/certificates/\d+/card$"))
        canvas = page.locator("#score-card-canvas[data-drawn]")
        sync_api.expect(canvas).to_be_visible()
        size = canvas.evaluate("c => [c.width, c.height]")
        assert tuple(size) == CARD
        box = canvas.bounding_box()
        assert 0 < box["width"] <= PHONE["width"]
        assert box["height"] == pytest.approx(box["width"] * CARD[1] / CARD[0], abs=2)
        _fits(page)
        colours = canvas.evaluate(
            """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              const seen = new Set();
              for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] + ',' + d[i+1] + ',' + d[i+2]);
              return seen.size; }"""
        )
        assert colours > 20, colours  # text, the band's gradient and the QR, not a blank
        sync_api.expect(page.locator("#score-card-save")).to_be_enabled()
        with page.expect_download() as saving:
            page.click("#score-card-save")
        download = saving.value
        assert download.suggested_filename.endswith(".png")
        with open(download.path(), "rb") as saved:
            data = saved.read()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            assert image.size == CARD
            # The QR as the server made it: the finder pattern's centre (dark) and the ring
            # inside its border (light), past a four-module quiet zone, 220 px at (250, 760).
            rows = json.loads(page.locator("#score-card-data").text_content())["qr"]
            cell = 220 / (len(rows) + 8)
            grey = image.convert("L")

            def module(row: int, col: int) -> int:
                return grey.getpixel((int(250 + (col + 4.5) * cell), int(760 + (row + 4.5) * cell)))

            assert module(3, 3) < 80 and module(1, 1) > 180 and module(0, 0) < 80
        picture(page, "score-card.png", full_page=True)
        watch.check("score card")
    context.close()
