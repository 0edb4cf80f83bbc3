"""Plain helpers of the browser tests: Debian's chromium, the skip rule, the test app.

Chromium is never downloaded: Playwright drives /usr/bin/chromium. Without it the browser
tests are skipped, except under ``QUIZ_REQUIRE_BROWSER=1`` (CI), where that is a failure.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from quiz import create_app
from quiz.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


DOCS = Path(__file__).resolve().parents[2] / "docs"


def screenshot_path(name: str) -> Path:
    """Where ``QUIZ_SCREENSHOTS=1`` writes ``name``: the checkout's docs/screenshots/.

    Outside a checkout (the suite run against an installed wheel) there is no docs/ to update,
    so the picture goes to a temporary folder instead.
    """
    folder = DOCS if DOCS.is_dir() else Path(tempfile.gettempdir()) / "quiz-e2e"
    return folder / "screenshots" / name


def picture(page, name: str, *, full_page: bool = False) -> None:
    """Write a screenshot of ``page`` as docs/screenshots/``name``, only under
    ``QUIZ_SCREENSHOTS=1`` (CI must not rewrite tracked files on every run). The PNG is
    reduced to a 256-colour palette with Pillow when it is installed: the README's pictures
    stay small (a phone screen is ~40 KB instead of ~150 KB)."""
    if not os.environ.get("QUIZ_SCREENSHOTS"):
        return
    path = screenshot_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is a test dependency here
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def require_chromium() -> None:
    """Call at module level: skip the module without chromium (fail when it is required)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("QUIZ_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing and QUIZ_REQUIRE_BROWSER=1", pytrace=False)
        pytest.skip(f"{CHROMIUM} not installed", allow_module_level=True)


def e2e_app(folder: Path):
    """An app on a fresh SQLite file in ``folder``, with its tables created."""
    app = create_app(
        {
            "SECRET_KEY": "e2e-secret",
            "DATABASE_URL": f"sqlite:///{folder / 'e2e.sqlite3'}",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        db.create_all()
    return app


#: What a page may load: the test server itself, and what the page makes in memory.
LOCAL_PREFIXES = ("http://127.0.0.1:", "data:", "blob:")


def non_local(url: str) -> bool:
    """Whether a request leaves the machine (a CDN, a font service, a tracker): never allowed."""
    return not url.startswith(LOCAL_PREFIXES)


def watched_page(browser, **options):
    """A zh-CN context and its page, recording script errors, CSP refusals and every request
    that leaves 127.0.0.1 in a list the test asserts empty.

    Failed loads (offline on purpose, a 401) are not script errors. Returns
    ``(context, page, errors)``; ``options`` go to ``browser.new_context``.
    """
    context = browser.new_context(locale="zh-CN", **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            errors.append(f"non-local request: {request.url}") if non_local(request.url) else None
        ),
    )
    return context, page, errors


def quiz_card(page, number: int):
    """The quiz page's card of question ``number`` (1-based)."""
    return page.locator(".q-card").nth(number - 1)


def answer_card(page, number: int, *, option: int = 0, text: str = "六") -> None:
    """Answer question ``number`` (1-based) on the quiz page: a choice or the blank's text."""
    page.locator(".quiz-nav-item").nth(number - 1).click()
    card = quiz_card(page, number)
    blank = card.locator("input.q-blank")
    if blank.count():
        blank.fill(text)
        blank.press("Tab")  # blur saves at once
    else:
        card.locator(".q-option").nth(option).click()
