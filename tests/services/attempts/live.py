"""A small JSON client for concurrency tests against a real server (tests.helpers.live_server).

The app under test is served by werkzeug's threaded server on 127.0.0.1 (a free port), so every
request runs in its own thread with its own app context and database session, as under
gunicorn. :class:`Browser` is one browser tab: the standard library's HTTP client with its own
cookie jar and CSRF token; :meth:`Browser.tab` opens another tab of the same session.
"""

from __future__ import annotations

import json
import threading
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.request import HTTPCookieProcessor, Request, build_opener


class Browser:
    """One browser tab talking JSON to the API: cookies kept, CSRF token sent."""

    def __init__(self, base_url: str, jar: CookieJar | None = None, csrf: str | None = None):
        self.base_url = base_url
        self.jar = jar if jar is not None else CookieJar()
        self.csrf = csrf
        self._opener = build_opener(HTTPCookieProcessor(self.jar))

    def request(self, method: str, path: str, payload=None) -> tuple[int, object]:
        """(status, parsed JSON body — or the text when the body is not JSON)."""
        headers = {"Accept": "application/json"}
        data = None
        if payload is not None:
            data = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        if self.csrf:
            headers["X-CSRFToken"] = self.csrf
        url = self.base_url + path  # always http://127.0.0.1:<port>/… (built by serve())
        request = Request(url, data=data, method=method, headers=headers)  # noqa: S310
        try:
            with self._opener.open(request, timeout=60) as response:
                return response.status, _parse(response.read(), response.headers)
        except HTTPError as error:
            return error.code, _parse(error.read(), error.headers)

    def login(self, username: str, password: str) -> Browser:
        """Log in through the API (GET /csrf, POST /auth/login); returns self."""
        status, body = self.request("GET", "/api/v1/csrf")
        assert status == 200, body
        self.csrf = body["csrf_token"]
        status, body = self.request(
            "POST", "/api/v1/auth/login", {"username": username, "password": password}
        )
        assert status == 200, body
        self.csrf = body["csrf_token"]
        return self

    def tab(self) -> Browser:
        """Another tab of the same logged-in session (a copy of the cookies, its own socket)."""
        jar = CookieJar()
        for cookie in self.jar:
            jar.set_cookie(cookie)
        return Browser(self.base_url, jar, self.csrf)


def _parse(raw: bytes, headers):
    if headers.get_content_type() == "application/json" and raw:
        return json.loads(raw)
    return raw.decode("utf-8", errors="replace")


def at_once(*calls):
    """Run the callables in threads released together by a barrier; their results in order.

    An exception in a call is returned in its place (the test then shows it), never swallowed.
    """
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # reported to the test, which asserts on the results
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
