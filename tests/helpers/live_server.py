"""A real threaded HTTP server around a test app (werkzeug), for browsers and concurrent clients."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from quiz.extensions import db


@contextmanager
def serve(app, *, dispose_engine: bool = False) -> Iterator[str]:
    """Serve ``app`` in a thread on 127.0.0.1:<free port>; yield its base URL.

    On exit every request thread is joined (their connections are back in the pool). A
    module-scoped app (the browser tests) also disposes its engine; a test's own app must not,
    because its fixture still holds a pooled connection that the app teardown closes.
    """
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
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
