"""The week: an event with one contest per themed day, created in one action."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Contest, Event, User
from quiz.models.audit import record
from quiz.services import DomainError
from quiz.services.contests.editing import prepare
from quiz.services.contests.values import DEFAULT_TYPE_COUNTS, ContestValues
from quiz.timeutil import from_local

DEFAULT_WEEK_TITLE = "四川省2021年国家网络安全宣传周"


def week_type_counts(question_count: int) -> dict[str, int]:
    """The default mix of types, scaled down for shorter papers (the rest is any type)."""
    if question_count >= sum(DEFAULT_TYPE_COUNTS.values()):
        return dict(DEFAULT_TYPE_COUNTS)
    scale = question_count / sum(DEFAULT_TYPE_COUNTS.values())
    return {k: int(v * scale) for k, v in DEFAULT_TYPE_COUNTS.items() if int(v * scale)}


def create_week(
    *,
    title: str,
    start: date,
    actor: User | None,
    open_now: bool = False,
    now: datetime,
    time_limit_seconds: int = 600,
    question_count: int = 10,
    question_counts: dict[str, int] | None = None,
    organization_id: int | None = None,
) -> Event:
    """An event with the six themed-day contests, one day each from ``start`` (Asia/Shanghai).

    Each contest has ``question_count`` questions, unless ``question_counts`` gives its day
    another size (a day the bank covers thinly gets a shorter paper, not every day).
    ``open_now`` opens all six at once for a week from ``now`` (rehearsals and demos). The
    event belongs to ``organization_id`` when given (scripts), else to the actor's unit.
    """
    title = (title or "").strip() or DEFAULT_WEEK_TITLE
    if organization_id is None and actor is not None:
        organization_id = actor.organization_id
    event = Event(
        title=title,
        start_date=start.isoformat(),
        organization_id=organization_id,
        created_by_id=actor.id if actor else None,
    )
    db.session.add(event)
    db.session.flush()
    for offset, (code, name) in enumerate(THEMED_DAYS.items()):
        day = start + timedelta(days=offset)
        count = (question_counts or {}).get(code, question_count)
        opens_at = from_local(datetime.combine(day, time(0, 0)))
        closes_at = from_local(datetime.combine(day, time(23, 59, 59)))
        if open_now:
            opens_at, closes_at = now - timedelta(minutes=1), now + timedelta(days=7)
        values = ContestValues(
            title=f"{name}知识竞赛",
            description=f"{title} · {name}",
            themed_day=code,
            opens_at=opens_at,
            closes_at=closes_at,
            time_limit_seconds=time_limit_seconds,
            question_count=count,
            type_counts=week_type_counts(count),
            event_id=event.id,
        )
        contest = Contest(created_by_id=event.created_by_id, organization_id=event.organization_id)
        try:
            prepare(contest, values, actor)
        except DomainError as error:
            raise DomainError(f"{name}：{error.message}", code=error.code) from error
        db.session.add(contest)
    record(actor, "event.create_week", "event", event.id, title=title, start=start.isoformat())
    db.session.commit()
    return event


def event_contests(event: Event) -> list[Contest]:
    """An event's contests by opening time, then in the seed article's order of days."""
    order = {code: i for i, code in enumerate(THEMED_DAYS)}
    return sorted(event.contests, key=lambda c: (c.opens_at, order.get(c.themed_day, 99), c.id))
