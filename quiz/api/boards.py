"""Leaderboard API: contest, themed-day, week and organization boards, with ETags.

Every board answers ``{"rows", "me", "frozen", "total", "rule", …}`` and takes ``limit``
(1–200, default 50) and ``offset``. Responses carry an ETag derived from the board's version
token, the viewer and the page; a poll with a matching ``If-None-Match`` gets ``304`` after one
cheap version lookup, so many viewers polling one board cost little more than one.
``?audience=public`` shows the public (masked, frozen) view even to an organizer: the projector.
"""

from __future__ import annotations

from flask import jsonify, make_response, request
from flask_login import current_user

from quiz.api import bp
from quiz.services.boards import BoardRef, board_page, board_state, org_board_page
from quiz.timeutil import utcnow
from quiz.web.params import etag_for, paging
from quiz.web.settings import board_cache, grace_seconds, min_participants


def _board_response(ref: BoardRef, *, level: str | None = None):
    offset, limit = paging()
    now, grace = utcnow(), grace_seconds()
    projector = request.args.get("audience") == "public"
    state = board_state(ref, current_user, projector=projector, now=now, grace=grace)
    viewer = state.viewer
    etag = etag_for(
        ref.key, viewer.role_class, viewer.projector, state.token, viewer.user_id,
        offset, limit, level, min_participants(),
    )  # fmt: skip
    if request.if_none_match.contains_weak(etag.strip('"')):
        return _conditional(make_response("", 304), etag)
    page = dict(offset=offset, limit=limit, now=now, grace=grace, cache=board_cache())
    if level is None:
        body = board_page(state, **page).as_json()
    else:
        viewer_org = current_user.organization_id if current_user.is_authenticated else None
        body = org_board_page(
            state, level, min_participants=min_participants(), viewer_org_id=viewer_org, **page
        )
        body.pop("token", None)
    return _conditional(make_response(jsonify(body)), etag)


def _conditional(response, etag: str):
    response.headers["ETag"] = etag
    # Per viewer (own row, names): browsers may keep it but must revalidate; proxies may not.
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Vary"] = "Cookie"
    return response


@bp.get("/contests/<int:contest_id>/leaderboard")
def contest_leaderboard(contest_id: int):
    """A contest's board: each student's counted attempt (best/first/last)."""
    return _board_response(BoardRef("contest", contest_id=contest_id))


@bp.get("/events/<int:event_id>/days/<day>/leaderboard")
def day_leaderboard(event_id: int, day: str):
    """A themed day's board: each student's best result among that day's contests."""
    return _board_response(BoardRef("day", event_id=event_id, day=day))


@bp.get("/events/<int:event_id>/leaderboard")
def week_leaderboard(event_id: int):
    """The week's board: the sum of the six themed days (a missing day counts 0)."""
    return _board_response(BoardRef("week", event_id=event_id))


@bp.get("/events/<int:event_id>/organizations/leaderboard")
def event_org_leaderboard(event_id: int):
    """Units ranked by members' average on the week (or ``?day=`` a themed day)."""
    day = request.args.get("day")
    ref = (
        BoardRef("day", event_id=event_id, day=day) if day else BoardRef("week", event_id=event_id)
    )
    return _board_response(ref, level=request.args.get("level", "school"))


@bp.get("/contests/<int:contest_id>/organizations/leaderboard")
def contest_org_leaderboard(contest_id: int):
    """Units ranked by members' average on one contest."""
    return _board_response(
        BoardRef("contest", contest_id=contest_id), level=request.args.get("level", "school")
    )
