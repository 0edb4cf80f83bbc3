"""Organization boards: regions, schools or classes ranked by their members' average.

A unit's score is the mean of its participants' counted results on the underlying board (a
contest, a themed day or the week); beside it are the participants, the enrolled students
(active, non-test student accounts in the unit and below) and the participation rate. Units with
fewer than ``BOARD_MIN_PARTICIPANTS`` participants (default 5) are listed unranked at the end.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Organization, Role, User
from quiz.services import DomainError
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.entries import org_level_map
from quiz.services.boards.pages import source_for
from quiz.services.boards.ranking import ORG_RULE_TEXT, unit_results
from quiz.services.boards.state import BoardState
from quiz.timeutil import iso_utc

LEVELS = ("region", "school", "class")
LEVEL_INDEX = {level: i for i, level in enumerate(LEVELS)}


def enrolled_counts(level: str) -> dict[int, int]:
    """Active, non-test students per unit at ``level`` (members of sub-units included)."""
    levels = org_level_map()
    rows = db.session.execute(
        select(User.organization_id, func.count())
        .where(
            User.role == Role.STUDENT,
            User.is_test_account.is_(False),
            User.is_active_account.is_(True),
            User.organization_id.is_not(None),
        )
        .group_by(User.organization_id)
    )
    counts: Counter[int] = Counter()
    for org_id, count in rows:
        unit = levels.get(org_id, (None, None, None))[LEVEL_INDEX[level]]
        if unit is not None:
            counts[unit] += count
    return dict(counts)


def _units(source, overlay, level: str, minimum: int):
    entries = [*source.all(set(overlay)), *overlay.values()]
    attribute = f"{level}_id"
    return unit_results(entries, lambda e: getattr(e, attribute), enrolled_counts(level), minimum)


def org_board_page(
    state: BoardState,
    level: str,
    *,
    offset: int,
    limit: int,
    now,
    grace: float,
    cache: BoardCache,
    min_participants: int,
    viewer_org_id: int | None = None,
) -> dict:
    """One page of the organization board at ``level`` with the viewer's own unit."""
    if level not in LEVELS:
        raise DomainError("level 须为 region、school 或 class。", code="bad_parameter")
    ref, viewer, frozen, token = state.ref, state.viewer, state.frozen, state.token
    source, overlay = source_for(state, now=now, grace=grace, cache=cache)
    key = ("org", ref.key, viewer.role_class, token, level, min_participants)
    units = cache.get_or_set(key, lambda: _units(source, overlay, level, min_participants))
    page = units[offset : offset + limit]
    mine_id = None
    if viewer_org_id is not None:
        mine_id = org_level_map().get(viewer_org_id, (None,) * 3)[LEVEL_INDEX[level]]
    mine = next((u for u in units if u.org_id == mine_id), None) if mine_id else None
    paths = _unit_paths({u.org_id for u in page} | ({mine.org_id} if mine else set()))
    return {
        "rows": [_present(u, paths, mine_id) for u in page],
        "me": _present(mine, paths, mine_id) if mine else None,
        "frozen": bool(frozen),
        "frozen_at": iso_utc(min(c.freeze_at for c in frozen)) if frozen else None,
        "total": len(units),
        "offset": offset,
        "limit": limit,
        "level": level,
        "min_participants": min_participants,
        "rule": ORG_RULE_TEXT + f"（最低参与人数：{min_participants}）",
        "token": token,
    }


def _unit_paths(ids: set[int]) -> dict[int, tuple[str, str]]:
    """(name, parent path) for each unit id."""
    if not ids:
        return {}
    rows = {
        org_id: (name, parent)
        for org_id, name, parent in db.session.execute(
            select(Organization.id, Organization.name, Organization.parent_id)
        )
    }

    def path(org_id):
        if org_id not in rows:
            return ""
        name, parent = rows[org_id]
        return f"{path(parent)}/{name}" if parent in rows else name

    return {i: (rows[i][0], path(rows[i][1]) if rows[i][1] else "") for i in ids if i in rows}


def _present(unit, paths, mine_id) -> dict:
    name, parent = paths.get(unit.org_id, ("", ""))
    return {
        "rank": unit.rank,
        "ranked": unit.ranked,
        "name": name,
        "organization": parent,
        "org_id": unit.org_id,
        "score": unit.average,
        "time_used_ms": unit.average_time_ms,
        "participants": unit.participants,
        "enrolled": unit.enrolled,
        "participation_rate": unit.participation_rate,
        "is_me": unit.org_id == mine_id,
    }
