"""The organization tree: names, levels, scope, create/rename/delete and the counted tree."""

from __future__ import annotations

import pytest

from quiz.services import Conflict, DomainError, Forbidden, NotFound
from quiz.services.accounts.organizations import (
    can_manage,
    check_name,
    choices,
    create_child,
    create_organization,
    ensure_path,
    find_by_path,
    find_child,
    get_managed,
    managed_ids,
    name_key,
    remove,
    rename,
    selectable_for_students,
    tree,
)
from tests.helpers.audit import audit

pytestmark = pytest.mark.db

SCHOOL = "四川省/广元中学"


def test_sibling_names_compare_under_nfkc_and_case_folding():
    assert name_key("高一（1）班") == name_key("高一(1)班")
    assert name_key("Class  A") == name_key("class a")
    assert name_key("高一(1)班") != name_key("高一(2)班")


def test_find_child_matches_the_compared_form(factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    school = find_by_path(SCHOOL)
    assert find_child(school, "高一（1）班").id == klass.id
    assert find_by_path(" 四川省 / 广元中学 /高一（1）班 ").id == klass.id
    assert find_by_path("四川省/没有这所学校") is None


def test_check_name_collapses_spaces():
    assert check_name("  高一   1班 ") == "高一 1班"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "请填写单位名称"),
        ("   ", "请填写单位名称"),
        ("甲/乙", "不能包含“/”"),
        ("长" * 81, "80个字"),
    ],
)
def test_check_name_refuses_unusable_names(name, message):
    with pytest.raises(DomainError) as refused:
        check_name(name)
    assert refused.value.code == "bad_name" and message in refused.value.message


def test_levels_follow_the_depth(app):
    region = create_organization("四川省", None)
    school = create_organization("广元中学", region)
    klass = create_organization("高一(1)班", school)
    assert (region.level, school.level, klass.level) == ("region", "school", "class")


def test_a_class_has_no_sub_units(factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    with pytest.raises(DomainError) as refused:
        create_organization("第一小组", klass)
    assert refused.value.code == "too_deep"


def test_sibling_names_are_unique(factories):
    school = factories.organization(SCHOOL)
    create_organization("高一(1)班", school)
    with pytest.raises(Conflict) as refused:
        create_organization("高一（1）班", school)
    assert refused.value.code == "duplicate_name"


def test_ensure_path_reuses_existing_nodes(factories):
    first = ensure_path(f"{SCHOOL}/高一(1)班")
    assert ensure_path(f"{SCHOOL}/高一（1）班").id == first.id


def test_ensure_path_refuses_an_empty_path(app):
    with pytest.raises(DomainError) as refused:
        ensure_path(" / ")
    assert refused.value.code == "bad_path"


def test_scope_is_the_organizers_unit_and_below(factories):
    mine = factories.organization(f"{SCHOOL}/高一(1)班")
    other = factories.organization("四川省/成都七中/高二(3)班")
    organizer = factories.organizer()
    scope = managed_ids(organizer)
    assert {find_by_path(SCHOOL).id, mine.id} == scope
    assert can_manage(organizer, mine) and not can_manage(organizer, other)
    assert not can_manage(organizer, None)


def test_admins_manage_everything_and_a_unitless_organizer_nothing(factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    assert managed_ids(factories.admin()) is None
    unitless = factories.organizer(unit=None)
    assert managed_ids(unitless) == set() and not can_manage(unitless, klass)


def test_get_managed_refuses_missing_and_foreign_units(factories):
    other = factories.organization("四川省/成都七中")
    organizer = factories.organizer()
    for missing in (None, 0, 999_999, 2**40, "1"):
        with pytest.raises(NotFound):
            get_managed(organizer, missing)
    with pytest.raises(Forbidden):
        get_managed(organizer, other.id)
    assert get_managed(organizer, organizer.organization_id).path == SCHOOL


def test_choices_are_the_units_in_scope_by_path(factories):
    factories.organization(f"{SCHOOL}/高一(2)班")
    factories.organization(f"{SCHOOL}/高一(1)班")
    factories.organization("四川省/成都七中/高二(3)班")
    organizer = factories.organizer()
    assert [path for _id, path in choices(organizer)] == [
        SCHOOL,
        f"{SCHOOL}/高一(1)班",
        f"{SCHOOL}/高一(2)班",
    ]


def test_students_pick_schools_and_classes_but_not_regions(factories):
    factories.organization(f"{SCHOOL}/高一(1)班")
    assert [path for _id, path in selectable_for_students()] == [SCHOOL, f"{SCHOOL}/高一(1)班"]


def test_an_organizer_creates_a_class_and_it_is_audited(factories):
    organizer = factories.organizer()
    school = find_by_path(SCHOOL)
    klass = create_child(organizer, school, "高二(5)班")
    assert klass.level == "class" and klass.parent_id == school.id
    [entry] = audit("organization.create")
    assert entry.actor_id == organizer.id and entry.details == {"path": f"{SCHOOL}/高二(5)班"}


def test_only_admins_create_regions(factories):
    with pytest.raises(Forbidden):
        create_child(factories.organizer(), None, "重庆市")
    assert create_child(factories.admin(), None, "重庆市").level == "region"


def test_no_unit_is_created_outside_the_scope(factories):
    other = factories.organization("四川省/成都七中")
    with pytest.raises(Forbidden):
        create_child(factories.organizer(), other, "高一(1)班")
    assert find_by_path("四川省/成都七中/高一(1)班") is None


def test_rename_keeps_names_unique_among_siblings(factories):
    factories.organization(f"{SCHOOL}/高一(1)班")
    second = factories.organization(f"{SCHOOL}/高一(2)班")
    organizer = factories.organizer()
    with pytest.raises(Conflict) as refused:
        rename(organizer, second, "高一（1）班")
    assert "同一上级下已有名为“高一（1）班”的单位" in refused.value.message
    assert second.name == "高一(2)班"


def test_rename_may_change_only_the_spelling_and_is_audited(factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    rename(factories.organizer(), klass, "高一（1）班")
    assert klass.name == "高一（1）班"
    [entry] = audit("organization.rename")
    assert entry.details == {"before": f"{SCHOOL}/高一(1)班", "after": f"{SCHOOL}/高一（1）班"}


def test_rename_outside_the_scope_is_forbidden(factories):
    other = factories.organization("四川省/成都七中")
    with pytest.raises(Forbidden):
        rename(factories.organizer(), other, "七中")


def test_remove_refuses_a_unit_with_members_or_sub_units(factories):
    klass = factories.organization(f"{SCHOOL}/高一(1)班")
    factories.student(organization=klass)
    organizer = factories.organizer()
    with pytest.raises(Conflict) as refused:
        remove(organizer, klass)
    assert refused.value.code == "not_empty"
    assert "下还有0个下级单位、1个账号" in refused.value.message
    with pytest.raises(Conflict, match="下还有1个下级单位、0个账号"):
        remove(factories.admin(), find_by_path("四川省/广元中学").parent)


def test_an_organizer_cannot_remove_their_own_unit(factories):
    organizer = factories.organizer(unit=f"{SCHOOL}/空班")
    with pytest.raises(Forbidden):
        remove(organizer, organizer.organization)


def test_remove_deletes_an_empty_unit_and_audits_it(factories):
    empty = factories.organization(f"{SCHOOL}/空班")
    remove(factories.organizer(), empty)
    assert find_by_path(f"{SCHOOL}/空班") is None
    assert audit("organization.delete")[0].details == {"path": f"{SCHOOL}/空班"}


def test_tree_counts_students_directly_and_below(factories):
    for klass, n in (("高一(1)班", 2), ("高一(2)班", 1)):
        for _ in range(n):
            factories.student(organization=f"{SCHOOL}/{klass}")
    factories.student(organization="四川省/成都七中/高二(3)班")
    [root] = tree(factories.admin())
    assert (root.org.name, root.students, root.total) == ("四川省", 0, 4)
    schools = {node.org.name: node for node in root.children}
    assert schools["广元中学"].total == 3
    assert [(c.org.name, c.students) for c in schools["广元中学"].children] == [
        ("高一(1)班", 2),
        ("高一(2)班", 1),
    ]


def test_an_organizer_sees_the_tree_from_their_unit(factories):
    factories.student(organization=f"{SCHOOL}/高一(1)班")
    factories.organization("四川省/成都七中")
    [root] = tree(factories.organizer())
    assert root.org.path == SCHOOL and root.total == 1
    assert tree(factories.organizer(unit=None)) == []
