"""Who manages which contests and events: an organizer their own unit and below, an admin all."""

from __future__ import annotations

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Contest, Event, User
from quiz.services import Forbidden, NotFound
from quiz.services.accounts import managed_ids


def manageable(user: User) -> tuple[list[Event], list[Contest]]:
    """Events and standalone contests ``user`` manages, newest first."""
    scope = managed_ids(user)
    events = select(Event).order_by(Event.start_date.desc(), Event.id.desc())
    standalone = select(Contest).where(Contest.event_id.is_(None)).order_by(Contest.opens_at.desc())
    if scope is not None:
        events = events.where(Event.organization_id.in_(scope))
        standalone = standalone.where(Contest.organization_id.in_(scope))
    return list(db.session.scalars(events)), list(db.session.scalars(standalone))


def require_manageable(contest: Contest | None, user: User) -> Contest:
    """Organizers manage contests of their own unit (or below); admins manage all."""
    return _in_scope(contest, user, missing="比赛不存在。", refused="您无权管理该比赛。")


def require_manageable_event(event: Event | None, user: User) -> Event:
    """The same scope rule for events."""
    return _in_scope(event, user, missing="活动不存在。", refused="您无权管理该活动。")


def _in_scope(owned, user: User, *, missing: str, refused: str):
    """``owned`` (a contest or event) if it belongs to ``user``'s unit or below."""
    if owned is None:
        raise NotFound(missing)
    scope = managed_ids(user)
    if scope is not None and owned.organization_id not in scope:
        raise Forbidden(refused)
    return owned


def get_managed_contest(contest_id: int, user: User) -> Contest:
    """The contest ``contest_id`` if ``user`` manages it; NotFound / Forbidden otherwise."""
    return require_manageable(db.session.get(Contest, contest_id), user)


def get_managed_event(event_id: int, user: User) -> Event:
    """The event ``event_id`` if ``user`` manages it; NotFound / Forbidden otherwise."""
    return require_manageable_event(db.session.get(Event, event_id), user)
