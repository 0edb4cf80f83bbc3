"""Who manages which contests and events: an organizer their unit and below, an admin all."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.models import Event
from quiz.services import Forbidden, NotFound
from quiz.services.contests.scope import (
    get_managed_contest,
    get_managed_event,
    manageable,
    require_manageable,
)
from tests.clock import NOW

pytestmark = pytest.mark.db


def event_of(organization_id, title="网安周", start="2026-10-11") -> Event:
    event = Event(title=title, start_date=start, organization_id=organization_id)
    db.session.add(event)
    db.session.commit()
    return event


def test_an_organizer_manages_contests_of_their_unit_and_below(factories):
    organizer = factories.organizer()  # 四川省/广元中学
    klass = factories.organization("四川省/广元中学/高一(1)班")
    contest = factories.contest(owner=organizer)
    contest.organization_id = klass.id
    db.session.commit()
    assert get_managed_contest(contest.id, organizer) is contest


def test_another_schools_contest_is_forbidden(factories):
    theirs = factories.contest(owner=factories.organizer(unit="四川省/成都七中"))
    with pytest.raises(Forbidden):
        get_managed_contest(theirs.id, factories.organizer())


def test_a_contest_of_no_unit_is_for_admins_only(factories):
    contest = factories.contest(owner=factories.admin())
    assert contest.organization_id is None
    with pytest.raises(Forbidden):
        require_manageable(contest, factories.organizer())
    assert require_manageable(contest, factories.admin()) is contest


def test_missing_contests_and_events_are_not_found(factories):
    admin = factories.admin()
    with pytest.raises(NotFound, match="比赛不存在"):
        get_managed_contest(999, admin)
    with pytest.raises(NotFound, match="活动不存在"):
        get_managed_event(999, admin)


def test_events_follow_the_same_rule(factories):
    organizer = factories.organizer()
    mine = event_of(organizer.organization_id)
    theirs = event_of(factories.organization("四川省/成都七中").id)
    assert get_managed_event(mine.id, organizer) is mine
    with pytest.raises(Forbidden, match="您无权管理该活动"):
        get_managed_event(theirs.id, organizer)


def test_manageable_lists_events_and_standalone_contests_newest_first(factories):
    organizer = factories.organizer()
    old = event_of(organizer.organization_id, "去年", "2025-10-11")
    new = event_of(organizer.organization_id, "今年", "2026-10-11")
    event_of(factories.organization("四川省/成都七中").id, "外校")
    earlier = factories.contest(owner=organizer, title="早", now=NOW)
    later = factories.contest(owner=organizer, title="晚", now=NOW + timedelta(hours=2))
    in_event = factories.contest(owner=organizer, title="周内", event_id=new.id)
    factories.contest(owner=factories.organizer(unit="四川省/成都七中"), title="外校比赛")
    events, standalone = manageable(organizer)
    assert [e.id for e in events] == [new.id, old.id]
    assert [c.id for c in standalone] == [later.id, earlier.id]
    assert in_event.id not in {c.id for c in standalone}


def test_an_admin_manages_everything(factories):
    event_of(factories.organization("四川省/成都七中").id)
    factories.contest(owner=factories.organizer(unit="四川省/绵阳中学"))
    events, standalone = manageable(factories.admin())
    assert len(events) == 1 and len(standalone) == 1
