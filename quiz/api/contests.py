"""Contest endpoints: the list a student sees, unlocking by join code, starting an attempt."""

from __future__ import annotations

from flask import current_app, jsonify, session
from flask_limiter.util import get_remote_address
from flask_login import current_user

from quiz.api import bp
from quiz.api.common import get_or_404, json_object, login_required
from quiz.api.serializers import attempt_json, contest_json
from quiz.extensions import limiter
from quiz.models import Contest
from quiz.services.attempts import catalog, start_attempt
from quiz.services.contests import build_paper, enter, require_entry
from quiz.timeutil import iso_utc, utcnow
from quiz.web.settings import grace_seconds


def _join_limit() -> str:
    return current_app.config["API_JOIN_LIMIT"]


def _user_or_ip() -> str:
    """Throttle per account, so a class behind one NAT address does not share one budget."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


@bp.get("/contests")
@login_required
def list_contests():
    """Contests visible to the user, with their state and the user's attempts."""
    now = utcnow()
    cards = catalog(current_user, session, now=now, grace_seconds=grace_seconds())
    contests = [contest_json(card, now=now) for card in cards]
    return jsonify({"contests": contests, "server_time": iso_utc(now)})


@bp.post("/contests/<int:contest_id>/join")
@limiter.limit(_join_limit, key_func=_user_or_ip)
@login_required
def join_contest(contest_id: int):
    """Unlock a code-protected contest for this session with ``{"code": "…"}``."""
    contest = get_or_404(Contest, contest_id, "比赛不存在。")
    enter(contest, current_user, json_object().get("code"), session)
    return jsonify({"contest_id": contest.id, "entered": True})


@bp.post("/contests/<int:contest_id>/attempts")
@login_required
def start(contest_id: int):
    """Start an attempt (201) or resume the open one (200): the paper as this student sees it."""
    now, grace = utcnow(), grace_seconds()
    contest = get_or_404(Contest, contest_id, "比赛不存在。")
    require_entry(contest, current_user, session)
    attempt, created = start_attempt(
        contest, current_user, now=now, grace_seconds=grace, paper_builder=build_paper
    )
    return jsonify(attempt_json(attempt, now=now, grace_seconds=grace)), 201 if created else 200
