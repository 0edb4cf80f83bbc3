"""Configuration defaults.

Values are layered: these defaults, then ``instance/config.py``, then ``QUIZ_``-prefixed
environment variables (``QUIZ_SECRET_KEY``, ``QUIZ_DATABASE_URL``, ``QUIZ_REDIS_URL``, ...),
then the ``test_config`` mapping handed to :func:`quiz.create_app`.
"""

from __future__ import annotations

#: The placeholder key; the app refuses to serve with it outside debug and testing.
DEFAULT_SECRET_KEY = "dev-insecure-change-me"  # noqa: S105 (the placeholder we refuse)


class DefaultConfig:
    """Safe defaults for a single-machine install on SQLite."""

    SECRET_KEY = DEFAULT_SECRET_KEY
    # None means "SQLite file in the instance folder"; see quiz.__init__._database_uri.
    DATABASE_URL: str | None = None
    REDIS_URL: str | None = None
    SQLITE_BUSY_TIMEOUT_MS = 5000

    BABEL_DEFAULT_LOCALE = "zh_Hans_CN"
    BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"
    LANGUAGES = {"zh_Hans_CN": "中文", "en": "English"}

    # CSRF tokens expire after 4 h (a school day; the quiz page refreshes its token) and are
    # rotated at login. An expired form is re-rendered with its input and a message.
    WTF_CSRF_TIME_LIMIT = 4 * 3600
    # Without Redis, each worker re-reads a user's session version after this many seconds
    # (capped at 5): the delay before logout-everywhere or a reset reaches other workers.
    SESSION_VERSION_TTL_SECONDS = 5
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # set QUIZ_SESSION_COOKIE_SECURE=true behind HTTPS
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = 14 * 24 * 3600
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024  # uploads: rosters, bank files, articles

    # argon2id at OWASP's minimum (m=19 MiB, t=2, p=1); older werkzeug hashes are upgraded at
    # login. Tests lower the cost; tests/services/accounts/test_passwords.py covers this value.
    PASSWORD_HASH_METHOD = "argon2id:m=19456,t=2,p=1"  # noqa: S105 (an algorithm name)
    PASSWORD_MIN_LENGTH = 8

    # Per-IP login limit: a school lab behind one NAT address logs hundreds in per minute.
    LOGIN_IP_LIMIT = "600 per minute"
    # Per-account backoff: after this many failures the account waits, doubling each time.
    LOGIN_FAILURES_BEFORE_BACKOFF = 5
    LOGIN_BACKOFF_BASE_SECONDS = 30
    LOGIN_BACKOFF_MAX_SECONDS = 900
    RATELIMIT_HEADERS_ENABLED = True
    # Flask-Limiter's counters: None means REDIS_URL when it is set (shared by all workers),
    # else memory:// (each worker counts alone).
    RATELIMIT_STORAGE_URI: str | None = None
    # If Redis stops answering, the same limits are counted in the worker's memory (fresh
    # counters, per worker) until a health check — retried after 1, 2, 4 … s — finds it back:
    # logins and join codes stay throttled instead of failing with 500.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    # A hung (not refused) Redis costs at most this long before the fallback takes over.
    RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    # A Redis failure between a request's check and its after-the-response deduction (the join
    # form counts only wrong codes) is logged, not a 500; the next request uses the fallback.
    RATELIMIT_SWALLOW_ERRORS = True

    ITEMS_PER_PAGE = 50

    # Boards: units with fewer participants are listed but not ranked; computed pages kept per
    # worker; Redis key prefix of the sorted sets (when REDIS_URL is set).
    BOARD_MIN_PARTICIPANTS = 5
    BOARD_CACHE_SIZE = 256
    REDIS_BOARD_PREFIX = "quiz:board:"
    # A TrueType CJK font for PDF certificates (None: the first installed candidate, else the
    # built-in STSong-Light; see docs/boards.md).
    CERTIFICATE_FONT_PATH: str | None = None

    # Answers are accepted until deadline + this many seconds (network latency on school Wi-Fi).
    ANSWER_GRACE_SECONDS = 3
    # Retention of personal data (docs/privacy.md): `flask privacy purge` erases the name,
    # username and unit of students whose every contest closed more than this many days ago
    # (results stay on the boards, anonymized). 0 or None turns the purge off.
    RETENTION_DAYS: int | None = 365
    # Wrong join codes per student (or IP when anonymous), one budget for the API and the
    # contest page, in Redis when configured (shared by workers): codes must not be brute-forced.
    JOIN_CODE_LIMIT = "20 per minute"
    # Self-registrations per IP address (successful ones): a class registering in a lab fits,
    # a script minting accounts (each with a fresh join-code budget) does not. Rosters are
    # the way to add more; a class can also be closed to self-registration.
    REGISTER_IP_LIMIT = "40 per hour"
    # A hidden + blur pair (or a repeated report) within this window is one focus loss.
    FOCUS_PAIR_WINDOW_MS = 1000
