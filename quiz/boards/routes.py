"""Board pages: contest, themed day, week, organizations, and the projector.

Each page renders its first rows on the server (works without JavaScript) and carries the URL of
its JSON twin in ``data-api``; quiz/static/js/board.js polls that URL with ``If-None-Match`` and
redraws the rows when the board changes.
"""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from quiz.bank.constants import THEMED_DAYS
from quiz.boards import bp
from quiz.extensions import db
from quiz.models import Contest, Event
from quiz.services.boards import LEVELS, BoardRef, board_page, board_state, org_board_page
from quiz.services.results import issued_on_board
from quiz.timeutil import utcnow
from quiz.web.params import int_arg
from quiz.web.settings import board_cache, grace_seconds, min_participants

LEVEL_NAMES = {"region": _l("地区"), "school": _l("学校"), "class": _l("班级")}
PER_PAGE = 50


def _paging() -> tuple[int, int]:
    """(page number, offset) of a board page."""
    page = int_arg("page", 1, low=1, high=100000)
    return page, (page - 1) * PER_PAGE


def _state(ref: BoardRef):
    return board_state(ref, current_user, now=utcnow(), grace=grace_seconds())


def _render_board(state, title: str, api_endpoint: str, **context):
    """The board page; its JSON twin (polled by board.js) is ``api_endpoint`` for the same ids."""
    page, offset = _paging()
    data = board_page(
        state, offset=offset, limit=PER_PAGE, now=utcnow(), grace=grace_seconds(),
        cache=board_cache(),
    )  # fmt: skip
    return render_template(
        "boards/board.html",
        title=title,
        board=data,
        page=page,
        pages=max(1, -(-data.total // PER_PAGE)),
        api_url=url_for(api_endpoint, **request.view_args),
        live=state.viewer.live,
        themed_days=THEMED_DAYS,
        certificate_url=_certificate_url(state.ref, state.owner),
        **context,
    )


def _certificate_url(ref: BoardRef, owner) -> str | None:
    """The viewer's own certificate on this board, once it is issued (linked from their row)."""
    now, grace = utcnow(), grace_seconds()
    if ref.kind == "contest":
        attempt_id = issued_on_board(current_user, contest=owner, now=now, grace=grace)
        return url_for("play.certificate_page", attempt_id=attempt_id) if attempt_id else None
    board = ref.day if ref.kind == "day" else "week"
    found = issued_on_board(current_user, event=owner, board=board, now=now, grace=grace)
    return url_for("play.board_certificate", event_id=owner.id, board=board) if found else None


@bp.route("/")
def index():
    """All boards: each event (week, days, organizations, projector) and standalone contests."""
    events = db.session.execute(select(Event).order_by(Event.start_date.desc())).scalars().all()
    standalone = (
        db.session.execute(
            select(Contest).where(Contest.event_id.is_(None)).order_by(Contest.opens_at.desc())
        )
        .scalars()
        .all()
    )
    return render_template(
        "boards/index.html", events=events, standalone=standalone, themed_days=THEMED_DAYS
    )


@bp.route("/contests/<int:contest_id>")
def contest_board(contest_id: int):
    """A contest's leaderboard."""
    state = _state(BoardRef("contest", contest_id=contest_id))
    contest = state.owner
    context = {"contest": contest, "event": contest.event}
    return _render_board(state, contest.title, "api.contest_leaderboard", **context)


@bp.route("/events/<int:event_id>")
def week_board(event_id: int):
    """The week's leaderboard of an event: the six themed days summed."""
    state = _state(BoardRef("week", event_id=event_id))
    title = f"{state.owner.title} · 周总榜"
    return _render_board(state, title, "api.week_leaderboard", event=state.owner)


@bp.route("/events/<int:event_id>/days/<day>")
def day_board(event_id: int, day: str):
    """A themed day's leaderboard of an event."""
    state = _state(BoardRef("day", event_id=event_id, day=day))
    title = f"{state.owner.title} · {THEMED_DAYS[day]}"
    return _render_board(state, title, "api.day_leaderboard", event=state.owner, day=day)


def _render_orgs(state, title: str, api_endpoint: str, **context):
    """The units page; its JSON twin is ``api_endpoint`` for the same ids, level and day."""
    api_url = url_for(api_endpoint, **request.view_args)
    level = request.args.get("level", "school")
    if level not in LEVELS:
        abort(404)
    page, offset = _paging()
    viewer_org = current_user.organization_id if current_user.is_authenticated else None
    data = org_board_page(
        state, level, offset=offset, limit=PER_PAGE, now=utcnow(), grace=grace_seconds(),
        cache=board_cache(), min_participants=min_participants(), viewer_org_id=viewer_org,
    )  # fmt: skip
    ref = state.ref
    return render_template(
        "boards/orgs.html",
        title=title,
        board=data,
        level=level,
        level_names=LEVEL_NAMES,
        page=page,
        pages=max(1, -(-data["total"] // PER_PAGE)),
        api_url=f"{api_url}?level={level}" + (f"&day={ref.day}" if ref.kind == "day" else ""),
        themed_days=THEMED_DAYS,
        **context,
    )


@bp.route("/events/<int:event_id>/organizations")
def event_orgs(event_id: int):
    """Units ranked on the week, or on one themed day with ``?day=``."""
    day = request.args.get("day") or None
    if day is not None and day not in THEMED_DAYS:
        abort(404)
    ref = (
        BoardRef("day", event_id=event_id, day=day) if day else BoardRef("week", event_id=event_id)
    )
    state = _state(ref)
    label = THEMED_DAYS[day] if day else "周总榜"
    title = f"{state.owner.title} · {label} · 单位排名"
    return _render_orgs(state, title, "api.event_org_leaderboard", event=state.owner, day=day)


@bp.route("/contests/<int:contest_id>/organizations")
def contest_orgs(contest_id: int):
    """Units ranked on one contest."""
    state = _state(BoardRef("contest", contest_id=contest_id))
    title = f"{state.owner.title} · 单位排名"
    return _render_orgs(state, title, "api.contest_org_leaderboard", contest=state.owner)


@bp.route("/events/<int:event_id>/projector")
def projector(event_id: int):
    """Full-screen hall display: top N, the six days then the week, advancing every N seconds.

    ``?top=10&interval=15&school=<org id>``; the viewer's own school is highlighted by default.
    Names are always masked here, whoever is logged in.
    """
    event = db.session.get(Event, event_id) or abort(404)
    # Out-of-range values are clamped: a typo in a hall URL should still show a board.
    top = _clamped_arg("top", 10, low=1, high=50)
    interval = _clamped_arg("interval", 15, low=5, high=600)
    school = request.args.get("school", type=int)
    if school is None:
        school = _viewer_school_id()
    return render_template(
        "boards/projector.html",
        event=event,
        slides=_projector_slides(event_id),
        top=top,
        interval=interval,
        school=school,
    )


def _clamped_arg(name: str, default: int, *, low: int, high: int) -> int:
    """An integer query parameter clamped to [low, high]; the default if missing or not a number."""
    return min(max(request.args.get(name, default, type=int), low), high)


def _viewer_school_id() -> int | None:
    """The logged-in viewer's school: highlighted on the projector unless ?school= names one."""
    if current_user.is_authenticated and current_user.organization:
        node = current_user.organization.at_level("school")
        return node.id if node else None
    return None


def _projector_slides(event_id: int) -> list[dict]:
    """The six themed-day boards, then the week board, each with its JSON URL."""
    slides = [
        {
            "title": f"{THEMED_DAYS[day]}",
            "url": url_for("api.day_leaderboard", event_id=event_id, day=day),
        }
        for day in THEMED_DAYS
    ]
    slides.append({"title": "周总榜", "url": url_for("api.week_leaderboard", event_id=event_id)})
    return slides
