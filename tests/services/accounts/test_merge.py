"""Merging two units of one level: members, sub-units and references move, then the source goes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import ContestOrganization, Organization, User
from quiz.services import DomainError, Forbidden
from quiz.services.accounts.merge import merge
from quiz.services.accounts.organizations import find_by_path
from tests.helpers.audit import audit

pytestmark = pytest.mark.db

OLD, NEW = "四川省/旧校区", "四川省/新校区"


def test_members_and_unclashing_sub_units_move_across(factories):
    target = factories.organization(NEW)
    factories.organization(f"{OLD}/高一(2)班")
    member = factories.student(organization=OLD)
    source = find_by_path(OLD)
    source_id = source.id
    report = merge(factories.admin(), source, target)
    assert (report.members, report.units) == (1, 1)
    assert db.session.get(Organization, source_id) is None
    assert find_by_path(f"{NEW}/高一(2)班") is not None
    assert db.session.get(User, member.id).organization_id == target.id


def test_namesake_sub_units_are_merged_recursively(factories):
    old_class = factories.organization(f"{OLD}/高一(1)班")
    new_class = factories.organization(f"{NEW}/高一（1）班")  # the same class after NFKC
    student = factories.student(organization=old_class)
    old_class_id = old_class.id
    report = merge(factories.admin(), find_by_path(OLD), find_by_path(NEW))
    assert (report.members, report.units) == (1, 0)
    assert db.session.get(Organization, old_class_id) is None
    assert db.session.get(User, student.id).organization_id == new_class.id


def test_references_follow_and_duplicate_links_are_dropped(factories):
    old, new = factories.organization(OLD), factories.organization(NEW)
    admin = factories.admin()
    both = factories.contest(owner=admin, access="organizations", organization_ids=[old.id, new.id])
    only_old = factories.contest(owner=admin, access="organizations", organization_ids=[old.id])
    only_old.organization_id = old.id
    db.session.commit()
    merge(admin, old, new)
    links = db.session.execute(
        select(ContestOrganization.contest_id, ContestOrganization.organization_id)
    ).all()
    assert sorted(links) == [(both.id, new.id), (only_old.id, new.id)]
    assert only_old.organization_id == new.id


def test_the_merge_is_audited(factories):
    old, new = factories.organization(OLD), factories.organization(NEW)
    factories.student(organization=old)
    admin = factories.admin()
    old_id = old.id
    merge(admin, old, new)
    [entry] = audit("organization.merge")
    assert entry.actor_id == admin.id and entry.target_id == new.id
    assert entry.details == {
        "source": OLD,
        "source_id": old_id,
        "target": NEW,
        "moved_members": 1,
        "moved_units": 0,
    }


def test_a_unit_cannot_merge_into_itself(factories):
    unit = factories.organization(OLD)
    with pytest.raises(DomainError) as refused:
        merge(factories.admin(), unit, unit)
    assert refused.value.code == "same_node"


def test_only_units_of_one_level_merge(factories):
    klass = factories.organization(f"{OLD}/高一(1)班")
    with pytest.raises(DomainError) as refused:
        merge(factories.admin(), klass, find_by_path(OLD))
    assert refused.value.code == "level_mismatch"
    assert find_by_path(f"{OLD}/高一(1)班") is not None


def test_both_units_must_be_in_the_organizers_scope(factories):
    mine = factories.organization("四川省/广元中学/高一(1)班")
    theirs = factories.organization("四川省/成都七中/高一(1)班")
    organizer = factories.organizer()
    for source, target in ((mine, theirs), (theirs, mine)):
        with pytest.raises(Forbidden):
            merge(organizer, source, target)
    assert find_by_path("四川省/广元中学/高一(1)班") is not None
