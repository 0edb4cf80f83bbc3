"""A real threaded HTTP server around a test app (werkzeug), for browsers and concurrent clients."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from werkzeug.serving import WSGIRequestHandler, make_server

from quiz.extensions import db

# The response iterable of the request this thread is serving (threaded=True: one thread each).
_current = threading.local()


def _remembering(app):
    """Wrap ``app`` so the request handler can close its response iterable itself."""

    def wsgi(environ, start_response):
        iterable = app(environ, start_response)
        _current.iterable = iterable
        return iterable

    return wsgi


class _ClosingRequestHandler(WSGIRequestHandler):
    """Closes the response iterable even when the browser drops the connection.

    werkzeug closes it at the end of a ``finally`` that first drains the socket; when the
    browser has already reset the connection (a page navigates away mid-request), the drain
    raises and ``close()`` is skipped, so a static file's handle is left to the garbage
    collector and its ResourceWarning fails whichever test happens to be running.
    """

    def run_wsgi(self) -> None:
        _current.iterable = None
        try:
            super().run_wsgi()
        finally:
            iterable, _current.iterable = _current.iterable, None
            if hasattr(iterable, "close"):
                iterable.close()  # closing twice is harmless; a skipped close is the leak


@contextmanager
def serve(app, *, dispose_engine: bool = False) -> Iterator[str]:
    """Serve ``app`` in a thread on 127.0.0.1:<free port>; yield its base URL.

    On exit every request thread is joined (their connections are back in the pool). A
    module-scoped app (the browser tests) also disposes its engine; a test's own app must not,
    because its fixture still holds a pooled connection that the app teardown closes.
    """
    server = make_server(
        "127.0.0.1", 0, _remembering(app), threaded=True, request_handler=_ClosingRequestHandler
    )
    server.daemon_threads = False  # so that server_close() waits for every request thread
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
        if dispose_engine:
            with app.app_context():
                db.engine.dispose()
