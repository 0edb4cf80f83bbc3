"""Background jobs: big imports run by a thread of the web process (see runner's docstring)."""

from .runner import (
    STALE_AFTER,
    create_job,
    fail_stale,
    get_job,
    run_job,
    start_job,
)

__all__ = ["STALE_AFTER", "create_job", "fail_stale", "get_job", "run_job", "start_job"]
