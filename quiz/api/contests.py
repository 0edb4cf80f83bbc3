"""Contest endpoints: the list a student sees, unlocking by join code, starting an attempt."""

from __future__ import annotations

from flask import jsonify, session
from flask_login import current_user

from quiz.api import bp
from quiz.api.common import get_or_404, json_object, login_required
from quiz.api.serializers import attempt_json, contest_json
from quiz.extensions import limiter
from quiz.models import Contest
from quiz.services import DomainError
from quiz.services.attempts import catalog, start_attempt
from quiz.services.contests import build_paper, enter, require_entry
from quiz.timeutil import iso_utc, utcnow
from quiz.web.security import join_code_failed, join_code_key
from quiz.web.settings import grace_seconds, join_code_limit


@bp.get("/contests")
@login_required
def list_contests():
    """Contests visible to the user, with their state and the user's attempts."""
    now = utcnow()
    cards = catalog(current_user, session, now=now, grace_seconds=grace_seconds())
    contests = [contest_json(card, now=now) for card in cards]
    return jsonify({"contests": contests, "server_time": iso_utc(now)})


@bp.post("/contests/<int:contest_id>/join")
@limiter.shared_limit(
    join_code_limit, scope="join-code", key_func=join_code_key, deduct_when=join_code_failed
)
@login_required
def join_contest(contest_id: int):
    """Unlock a code-protected contest for this session with ``{"code": "…"}``."""
    contest = get_or_404(Contest, contest_id, "比赛不存在。")
    payload = json_object()
    # The document's shape whatever the contest: an open one needs no code (``{}``), but a code
    # sent must be a non-empty string (a code contest then checks it).
    code = payload.get("code")
    if "code" in payload and not (isinstance(code, str) and code):
        raise DomainError('请求须为 JSON：{"code": "参赛口令"}。', code="malformed")
    enter(contest, current_user, code, session)
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
