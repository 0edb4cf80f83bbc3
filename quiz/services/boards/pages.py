"""Leaderboards: per contest, per themed day of an event, and the week (sum of six days).

A board is read for a :class:`Viewer`. Organizers of the board see it live with full names of
the students in their scope; everyone else sees the *public* board — as of ``freeze_at`` when a
contest is frozen — with masked names (张*明), except their own row. Which rows count is decided
once, in :mod:`.ranking`; the rows come from the standings tables
(:mod:`.sources`) or Redis (:mod:`.redis_sets`), and open
attempts whose time ran out are merged in at read time without writing.

Every computed page is cached under the board's version token (see :mod:`~.state`), the
viewer's role class and the page; the viewer's own row and the name masking are applied per
request and never stored in a shared entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from quiz.bank.constants import THEMED_DAYS
from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Contest, EventStanding, Organization
from quiz.models.standings import WEEK
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.live import frozen_source, live_source
from quiz.services.boards.ranking import RULE_TEXT, WEEK_RULE_TEXT, Entry, mask_name
from quiz.services.boards.refs import BoardRef, Viewer, frozen_contests
from quiz.services.boards.sources import assemble_page, rank_of
from quiz.services.boards.state import BoardState, board_state
from quiz.timeutil import iso_utc

# --- the page ------------------------------------------------------------------------------


@dataclass
class BoardPage:
    """What the HTML page and the JSON API show."""

    rows: list[dict]
    me: dict | None
    total: int
    frozen: bool
    rule: str
    token: str
    offset: int
    limit: int
    frozen_at: str | None = None
    days: list[str] = field(default_factory=list)
    #: The viewer has a result that the frozen board does not show yet (handed in after the
    #: freeze): "你的成绩已记录，解封后显示", not "no score on this board".
    me_pending: bool = False

    def as_json(self) -> dict:
        data = {
            "rows": self.rows,
            "me": self.me,
            "me_pending": self.me_pending,
            "frozen": self.frozen,
            "frozen_at": self.frozen_at,
            "total": self.total,
            "offset": self.offset,
            "limit": self.limit,
            "rule": self.rule,
        }
        if self.days:
            data["days"] = [{"code": d, "name": THEMED_DAYS[d]} for d in self.days]
        return data


def source_for(state: BoardState, *, now, grace, cache: BoardCache):
    """(source, overlay) for the viewer's role class, cached under the board token."""
    ref, contests, frozen, token = state.ref, state.contests, state.frozen, state.token
    if frozen:
        key = ("frozen-source", ref.key, token)
        return cache.get_or_set(
            key, lambda: (frozen_source(ref, contests, frozen, now=now, grace=grace), {})
        )
    key = ("overlay", ref.key, token)
    return cache.get_or_set(
        key,
        lambda: live_source(
            ref, contests, now=now, grace=grace, version=state.version, overdue=state.overdue > 0
        ),
    )


def board_page(
    state: BoardState, *, offset: int, limit: int, now, grace, cache: BoardCache
) -> BoardPage:
    """One page of the board ``state`` describes, with the viewer's own row and the rule."""
    ref, viewer, frozen, token = state.ref, state.viewer, state.frozen, state.token
    source, overlay = source_for(state, now=now, grace=grace, cache=cache)
    key = ("page", ref.key, viewer.role_class, token, offset, limit)
    ranked_rows, total = cache.get_or_set(
        key, lambda: _with_days(ref, assemble_page(source, overlay, offset, limit))
    )
    mine = rank_of(source, overlay, viewer.user_id) if viewer.user_id else None
    if mine is not None:
        mine = _with_days(ref, ([mine], 1))[0][0]
    pending = bool(frozen) and mine is None and _counted_live(state, now=now, grace=grace)
    paths = org_paths([e for _r, e in ranked_rows] + ([mine[1]] if mine else []))
    return BoardPage(
        rows=[present(rank, e, viewer, paths, week=ref.kind == "week") for rank, e in ranked_rows],
        me=present(*mine, viewer, paths, week=ref.kind == "week") if mine else None,
        total=total,
        frozen=bool(frozen),
        frozen_at=iso_utc(min(c.freeze_at for c in frozen)) if frozen else None,
        rule=WEEK_RULE_TEXT if ref.kind == "week" else RULE_TEXT,
        token=token,
        offset=offset,
        limit=limit,
        days=list(THEMED_DAYS) if ref.kind == "week" else [],
        me_pending=pending,
    )


def _counted_live(state: BoardState, *, now, grace) -> bool:
    """Whether the viewer has a row on the live board (asked only when the frozen one has
    none for them: one lookup for that viewer, never a whole board)."""
    if not state.viewer.user_id:
        return False
    source, overlay = live_source(
        state.ref,
        state.contests,
        now=now,
        grace=grace,
        version=state.version,
        overdue=True,  # state.overdue counted the frozen board's, not the live one's
    )
    return rank_of(source, overlay, state.viewer.user_id) is not None


def _with_days(ref: BoardRef, page):
    """Week rows carry their per-day scores (a missing day is shown as 0)."""
    ranked_rows, total = page
    if ref.kind != "week" or not ranked_rows:
        return ranked_rows, total
    missing = [e.user_id for _r, e in ranked_rows if not e.days]
    found: dict[int, dict[str, float]] = defaultdict(dict)
    if missing:
        rows = db.session.execute(
            select(EventStanding.user_id, EventStanding.day, EventStanding.score).where(
                EventStanding.event_id == ref.event_id,
                EventStanding.day != WEEK,
                EventStanding.user_id.in_(missing),
            )
        )
        for user_id, day, score in rows:
            found[user_id][day] = score
    filled = [(r, e if e.days else replace(e, days=found[e.user_id])) for r, e in ranked_rows]
    return filled, total


def org_paths(entries) -> dict[int, str]:
    """Display paths (地区/学校/班级) of the organizations of these entries."""
    ids = {i for e in entries for i in (e.region_id, e.school_id, e.class_id) if i}
    if not ids:
        return {}
    rows = db.session.execute(
        select(Organization.id, Organization.name).where(Organization.id.in_(ids))
    )
    return {org_id: name for org_id, name in rows}


def entry_path(entry: Entry, names: dict[int, str]) -> str:
    parts = [names.get(i) for i in (entry.region_id, entry.school_id, entry.class_id) if i]
    return "/".join(p for p in parts if p)


def entry_short(entry: Entry, names: dict[int, str]) -> str:
    """The short unit name a phone shows: the school (a class name alone, 高一(1)班, names
    one class in every school), else the deepest unit known."""
    for org_id in (entry.school_id, entry.class_id, entry.region_id):
        if org_id and names.get(org_id):
            return names[org_id]
    return ""


def present(rank: int, entry: Entry, viewer: Viewer, names: dict[int, str], *, week=False) -> dict:
    """A row as shown to ``viewer``: masked unless they may see this student's full name."""
    row = {
        "rank": rank,
        "name": entry.name if viewer.sees_full_name(entry) else mask_name(entry.name),
        "organization": entry_path(entry, names),
        "organization_short": entry_short(entry, names),
        "school_id": entry.school_id,
        "score": entry.score,
        "time_used_ms": entry.time_used_ms,
        "submitted_at": iso_utc(entry.submitted_at),
        "is_me": viewer.user_id is not None and entry.user_id == viewer.user_id,
    }
    if week:
        row["days"] = {day: entry.days.get(day, 0) for day in THEMED_DAYS}
    return row


def contest_rank(contest: Contest, user, *, now, grace: float, cache: BoardCache) -> int | None:
    """The student's rank on the contest's public board right now (the submit response and
    the results page use it); None while the board is frozen or the student is not on it."""
    viewer = Viewer(user_id=user.id)
    if frozen_contests([contest], viewer, now):
        return None
    ref = BoardRef("contest", contest_id=contest.id)
    state = board_state(ref, viewer=viewer, now=now, grace=grace)
    page = board_page(state, offset=0, limit=1, now=now, grace=grace, cache=cache)
    return page.me["rank"] if page.me else None


def attempt_rank(attempt, *, now, grace: float, cache: BoardCache) -> int | None:
    """Rank shown after an attempt: its student's place on the board (None for previews, voids
    and test accounts, which never appear on boards, and while the board is frozen)."""
    if attempt.is_preview or attempt.status == AttemptStatus.VOIDED or attempt.user.is_test_account:
        return None
    return contest_rank(attempt.contest, attempt.user, now=now, grace=grace, cache=cache)
