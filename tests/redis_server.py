"""A Redis server of the test's own, for tests that stop, restart or pause it.

The shared Redis (``QUIZ_TEST_REDIS_URL``) must never be stopped or paused: other test runs use
it. :func:`private_redis` starts ``redis-server`` on a free port of 127.0.0.1, without
persistence, as a child process, and always stops it at the end. The test is skipped where
``redis-server`` is not installed.
"""

from __future__ import annotations

import selectors
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

READY = b"Ready to accept connections"
START_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """One ``redis-server`` child process on a fixed port: stop it, start it again."""

    def __init__(self, executable: str):
        self.executable = executable
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the server (on the same port as before) and return once it accepts clients."""
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            bufsize=0,
        )  # fmt: skip
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        # Keep reading its log, so that a full pipe can never block the server.
        self._drain = threading.Thread(
            target=self._read_to_end, args=(self.process.stdout,), daemon=True
        )
        self._drain.start()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        output = b""
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while READY not in output:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(timeout=left):
                    raise RuntimeError(f"redis-server did not start: {output.decode()}")
                chunk = self.process.stdout.read(4096)
                if not chunk:  # it exited
                    raise RuntimeError(f"redis-server exited: {output.decode()}")
                output += chunk

    @staticmethod
    def _read_to_end(stream) -> None:
        while stream.read(4096):
            pass

    def stop(self) -> None:
        """Stop the server (SIGTERM; nothing is saved) and wait for it to exit."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
        drain = getattr(self, "_drain", None)
        if drain is not None:
            drain.join(timeout=5)
        process.stdout.close()

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=2)


@contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    """A running private Redis server; stopped (whatever happens) when the block ends."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed")
    server = PrivateRedis(executable)
    server.start()
    try:
        yield server
    finally:
        server.stop()
