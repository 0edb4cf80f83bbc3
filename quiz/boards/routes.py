"""Board pages: contest, themed day, week, organizations, and the projector.

Each page renders its first rows on the server (works without JavaScript) and carries the URL of
its JSON twin in ``data-api``; quiz/static/js/board.js polls that URL with ``If-None-Match`` and
redraws the rows when the board changes.
"""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.bank.constants import THEMED_DAYS
from quiz.boards import bp, common
from quiz.extensions import db
from quiz.models import Contest, Event
from quiz.services import DomainError
from quiz.services.boards import LEVELS, BoardRef, board_page, org_board_page

LEVEL_NAMES = {"region": _l("地区"), "school": _l("学校"), "class": _l("班级")}
PER_PAGE = 50


def _page_args() -> tuple[int, int]:
    try:
        page = common.int_arg("page", 1, low=1, high=100000)
    except DomainError:
        abort(400)
    return page, (page - 1) * PER_PAGE


def _render_board(ref: BoardRef, title: str, api_url: str, **context):
    page, offset = _page_args()
    try:
        viewer = common.viewer(ref)
        data = board_page(
            ref,
            viewer,
            offset=offset,
            limit=PER_PAGE,
            now=common.now(),
            grace=common.grace(),
            cache=common.cache(),
        )
    except DomainError as error:
        abort(error.status)
    return render_template(
        "boards/board.html",
        title=title,
        board=data,
        page=page,
        pages=max(1, -(-data.total // PER_PAGE)),
        api_url=api_url,
        live=viewer.live,
        themed_days=THEMED_DAYS,
        **context,
    )


@bp.route("/")
def index():
    """All boards: each event (week, days, organizations, projector) and standalone contests."""
    from sqlalchemy import select

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


def _event_or_404(event_id: int) -> Event:
    event = db.session.get(Event, event_id)
    if event is None:
        abort(404)
    return event


@bp.route("/contests/<int:contest_id>")
def contest_board(contest_id: int):
    """A contest's leaderboard."""
    contest = db.session.get(Contest, contest_id) or abort(404)
    return _render_board(
        BoardRef("contest", contest_id=contest_id),
        contest.title,
        url_for("api.contest_leaderboard", contest_id=contest_id),
        contest=contest,
        event=contest.event,
    )


@bp.route("/events/<int:event_id>")
def week_board(event_id: int):
    """The week's leaderboard of an event: the six themed days summed."""
    event = _event_or_404(event_id)
    return _render_board(
        BoardRef("week", event_id=event_id),
        f"{event.title} · 周总榜",
        url_for("api.week_leaderboard", event_id=event_id),
        event=event,
    )


@bp.route("/events/<int:event_id>/days/<day>")
def day_board(event_id: int, day: str):
    """A themed day's leaderboard of an event."""
    event = _event_or_404(event_id)
    if day not in THEMED_DAYS:
        abort(404)
    return _render_board(
        BoardRef("day", event_id=event_id, day=day),
        f"{event.title} · {THEMED_DAYS[day]}",
        url_for("api.day_leaderboard", event_id=event_id, day=day),
        event=event,
        day=day,
    )


def _render_orgs(ref: BoardRef, title: str, api_url: str, **context):
    level = request.args.get("level", "school")
    if level not in LEVELS:
        abort(404)
    page, offset = _page_args()
    try:
        data = org_board_page(
            ref,
            level,
            common.viewer(ref),
            offset=offset,
            limit=PER_PAGE,
            now=common.now(),
            grace=common.grace(),
            cache=common.cache(),
            min_participants=common.min_participants(),
            viewer_org_id=common.viewer_org_id(),
        )
    except DomainError as error:
        abort(error.status)
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
    event = _event_or_404(event_id)
    day = request.args.get("day") or None
    if day is not None and day not in THEMED_DAYS:
        abort(404)
    ref = (
        BoardRef("day", event_id=event_id, day=day) if day else BoardRef("week", event_id=event_id)
    )
    label = THEMED_DAYS[day] if day else "周总榜"
    return _render_orgs(
        ref,
        f"{event.title} · {label} · 单位排名",
        url_for("api.event_org_leaderboard", event_id=event_id),
        event=event,
        day=day,
    )


@bp.route("/contests/<int:contest_id>/organizations")
def contest_orgs(contest_id: int):
    """Units ranked on one contest."""
    contest = db.session.get(Contest, contest_id) or abort(404)
    return _render_orgs(
        BoardRef("contest", contest_id=contest_id),
        f"{contest.title} · 单位排名",
        url_for("api.contest_org_leaderboard", contest_id=contest_id),
        contest=contest,
    )


@bp.route("/events/<int:event_id>/projector")
def projector(event_id: int):
    """Full-screen hall display: top N, the six days then the week, advancing every N seconds.

    ``?top=10&interval=15&school=<org id>``; the viewer's own school is highlighted by default.
    Names are always masked here, whoever is logged in.
    """
    event = _event_or_404(event_id)
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
