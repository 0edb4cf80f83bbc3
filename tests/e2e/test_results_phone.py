"""The results page on a phone (Debian's chromium through Playwright, never downloaded).

A 10-question paper drawn from the seed bank: with every source paragraph collapsed (the
highlighted sentence shows, the paragraph is a <details>), the page fits in four 390×844
screens; opening a paragraph shows it with the same highlight. Skipped without
/usr/bin/chromium unless QUIZ_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quiz.extensions import db
from quiz.services import demo
from quiz.services.attempts import lifecycle
from quiz.timeutil import utcnow
from tests.e2e.server import e2e_app, require_chromium, watched_page
from tests.factories import Factories
from tests.helpers.live_server import serve

require_chromium()

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
MIX = {"single_choice": 4, "true_false": 3, "fill_blank": 2}  # the 10th: any type


#: The paper's draw seed. A start draws with a random one; the page's height depends on which
#: ten questions come up, so the test pins one draw to measure the same page every run.
PAPER_SEED = 2021


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app with the seed bank, a student and a 10-question 法治日 contest."""
    pinned = pytest.MonkeyPatch()
    pinned.setattr(lifecycle, "secrets", SimpleNamespace(randbits=lambda _bits: PAPER_SEED))
    app = e2e_app(tmp_path_factory.mktemp("e2e-results"))
    with app.app_context():
        assert "失败" not in " ".join(demo.load_seed_bank())
        factories = Factories(app)
        factories.student("student", display_name="王小明")
        contest_id = factories.contest(
            title="法治日知识竞赛",
            now=utcnow(),
            themed_day="law",
            question_count=10,
            type_counts=MIX,
            with_questions=False,
            show_answers="after_submit",
        ).id
        db.session.remove()
    with serve(app, dispose_engine=True) as url:
        yield {"url": url, "contest_id": contest_id}
    pinned.undo()


def test_ten_question_results_fit_in_four_phone_screens(live_server, browser):
    base = live_server["url"]
    context, page, errors = watched_page(browser, viewport=PHONE)
    page.goto(f"{base}/auth/login")
    page.fill("input[name=username]", "student")
    page.fill("input[name=password]", "passw0rd!")
    page.click("input[type=submit], button[type=submit]")
    page.goto(f"{base}/contests/{live_server['contest_id']}")
    page.click("button:has-text('开始答题')")
    page.wait_for_url("**/attempts/*")
    page.wait_for_selector("#quiz.is-ready")
    total = page.locator(".q-card").count()
    assert total == 10
    for number in range(total):  # the first option everywhere: some right, some wrong
        page.locator(".quiz-nav-item").nth(number).click()
        card = page.locator(".q-card").nth(number)
        blank = card.locator("input.q-blank")
        if blank.count():
            blank.fill("六")
            blank.press("Tab")
        else:
            card.locator(".q-option").nth(0).click()
        sync_api.expect(card.locator(".q-save")).to_contain_text("已保存")
    page.click("#quiz-submit")
    page.click("#quiz-confirm")
    page.wait_for_url("**/result")

    items = page.locator(".result-item")
    assert items.count() == 10
    # Every row has its sentence highlighted; the paragraphs start collapsed.
    assert page.locator(".source-sentence mark").count() == 10
    details = page.locator("details.source-more")
    assert details.count() > 0
    assert all(not details.nth(i).evaluate("d => d.open") for i in range(details.count()))
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 4 * PHONE["height"], f"{height}px is {height / PHONE['height']:.1f} screens"
    print(f"results page: {height} px = {height / PHONE['height']:.2f} screens of 844 px")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]

    # On demand: the paragraph opens with the sentence highlighted inside it.
    first = details.first
    first.locator("summary").click()
    assert first.evaluate("d => d.open")
    sentence = first.locator(".source-sentence mark").text_content().rstrip("…")
    assert first.locator(".source-para mark").text_content().startswith(sentence)
    assert "," not in sentence  # the seed's ASCII commas read as Chinese ones
    assert not errors, errors
    print(f"results page: {height}px = {height / PHONE['height']:.2f} screens")  # noqa: T201
    context.close()
