"""Who sees what: freeze per role, masked names per viewer, organization boards."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.extensions import db
from quiz.services.boards.cache import BoardCache
from quiz.services.boards.freeze import set_freeze
from quiz.services.boards.organizations import org_board_page
from quiz.services.boards.refs import BoardRef, Viewer, viewer_for
from quiz.services.boards.state import board_state
from tests.clock import GRACE, NOW
from tests.helpers.boards import LATER, attempt, event_with, read

pytestmark = pytest.mark.db


@pytest.fixture
def frozen_setup(factories, contest):
    organizer = factories.organizer()  # 四川省/广元中学
    contest.organization_id = organizer.organization_id
    db.session.commit()
    early = factories.student(display_name="王小明")
    late = factories.student(display_name="李四海", organization="四川省/成都七中/高二(3)班")
    attempt(contest, early, score=10, start=NOW, used=60)
    attempt(contest, late, score=40, start=NOW, used=1200 - 660)  # finishes at NOW + 9 min
    set_freeze(contest, NOW + timedelta(minutes=5), actor=organizer, now=NOW + timedelta(minutes=6))
    return contest, organizer, early, late


def test_public_sees_the_board_as_of_the_freeze(frozen_setup):
    contest, _organizer, early, _late = frozen_setup
    ref = BoardRef("contest", contest_id=contest.id)
    page = read(ref, Viewer(user_id=early.id), now=LATER)
    assert page.frozen and page.total == 1 and page.rows[0]["score"] == 10
    assert page.frozen_at == "2026-10-11T02:05:00Z"


def test_late_student_sees_no_rank_while_frozen(frozen_setup):
    contest, _organizer, _early, late = frozen_setup
    page = read(BoardRef("contest", contest_id=contest.id), Viewer(user_id=late.id), now=LATER)
    assert page.me is None
    # ... but is told the score is kept ("你的成绩已记录，解封后显示"), not that there is none.
    assert page.me_pending and page.as_json()["me_pending"] is True


def test_pending_is_only_for_a_result_handed_in_after_the_freeze(frozen_setup, factories):
    contest, _organizer, early, _late = frozen_setup
    ref = BoardRef("contest", contest_id=contest.id)
    assert not read(ref, Viewer(user_id=early.id), now=LATER).me_pending  # on the board
    nobody = factories.student(display_name="赵六")
    assert not read(ref, Viewer(user_id=nobody.id), now=LATER).me_pending  # no result at all
    assert not read(ref, Viewer(), now=LATER).me_pending  # anonymous


def test_a_late_result_is_pending_on_the_frozen_week_and_day_boards(factories):
    event, (campus,) = event_with(["campus"])
    organizer = factories.organizer()
    campus.organization_id = organizer.organization_id
    db.session.commit()
    late = factories.student(display_name="李四海")
    attempt(campus, late, score=30, start=NOW, used=600)  # finishes at NOW + 10 min
    set_freeze(campus, NOW + timedelta(minutes=5), actor=organizer, now=NOW + timedelta(minutes=6))
    for ref in (
        BoardRef("week", event_id=event.id),
        BoardRef("day", event_id=event.id, day="campus"),
    ):
        page = read(ref, Viewer(user_id=late.id), now=LATER)
        assert page.frozen and page.me is None and page.me_pending, ref


def test_organizer_of_the_contest_sees_live(frozen_setup):
    contest, organizer, _early, _late = frozen_setup
    viewer = viewer_for(organizer, contest)
    page = read(BoardRef("contest", contest_id=contest.id), viewer, now=LATER)
    assert viewer.live and not page.frozen and page.total == 2


def test_other_organizer_and_projector_see_public(frozen_setup, factories):
    contest, organizer, _early, _late = frozen_setup
    stranger = factories.organizer(unit="四川省/绵阳中学")
    ref = BoardRef("contest", contest_id=contest.id)
    assert read(ref, viewer_for(stranger, contest), now=LATER).frozen
    assert read(ref, viewer_for(organizer, contest, projector=True), now=LATER).frozen


def test_unfreezing_reveals_the_final_board(frozen_setup):
    contest, organizer, early, _late = frozen_setup
    cache = BoardCache()
    ref = BoardRef("contest", contest_id=contest.id)
    assert read(ref, Viewer(user_id=early.id), now=LATER, cache=cache).total == 1
    set_freeze(contest, None, actor=organizer, now=LATER)
    page = read(ref, Viewer(user_id=early.id), now=LATER, cache=cache)
    assert not page.frozen and page.total == 2 and page.me["rank"] == 2


def test_future_freeze_time_is_live_until_it_passes(frozen_setup):
    contest, organizer, early, _late = frozen_setup
    set_freeze(contest, NOW + timedelta(minutes=50), actor=organizer, now=NOW)
    ref = BoardRef("contest", contest_id=contest.id)
    assert not read(ref, Viewer(user_id=early.id), now=NOW + timedelta(minutes=20)).frozen
    assert read(ref, Viewer(user_id=early.id), now=LATER).frozen


def test_names_are_masked_except_for_self_and_scoped_organizers(frozen_setup, factories):
    contest, organizer, early, late = frozen_setup
    set_freeze(contest, None, actor=organizer, now=LATER)
    ref = BoardRef("contest", contest_id=contest.id)

    def names(viewer):
        return sorted(row["name"] for row in read(ref, viewer, now=LATER).rows)

    assert names(Viewer()) == ["李*海", "王*明"]
    assert names(Viewer(user_id=early.id)) == ["李*海", "王小明"]
    # The organizer of 广元中学 may name their own student, not the one from 成都七中.
    assert names(viewer_for(organizer, contest)) == ["李*海", "王小明"]
    assert names(viewer_for(factories.admin(), contest)) == ["李四海", "王小明"]
    assert names(viewer_for(factories.admin(), contest, projector=True)) == ["李*海", "王*明"]


def test_organization_board_averages_with_participation_minimum(factories):
    event, contests = event_with(["campus"])
    class_a, class_b = "四川省/广元中学/高一(1)班", "四川省/成都七中/高二(3)班"
    a_students = [factories.student(organization=class_a) for _ in range(4)]
    b_students = [factories.student(organization=class_b) for _ in range(2)]
    factories.student(organization=class_a)  # enrolled, did not take part
    tester = factories.student(organization=class_a, is_test_account=True)
    for student, score in zip(a_students, [40, 30, 20, 10], strict=True):
        attempt(contests[0], student, score=score)
    for student in b_students:
        attempt(contests[0], student, score=40)
    attempt(contests[0], tester, score=40)
    state = board_state(
        BoardRef("week", event_id=event.id),
        viewer=Viewer(user_id=b_students[0].id),
        now=LATER,
        grace=GRACE,
    )
    board = org_board_page(
        state, "school",
        offset=0, limit=50, now=LATER, grace=GRACE, cache=BoardCache(), min_participants=3,
        viewer_org_id=b_students[0].organization_id,
    )  # fmt: skip
    rows = [
        (r["name"], r["rank"], r["score"], r["participants"], r["enrolled"]) for r in board["rows"]
    ]
    assert rows == [("广元中学", 1, 25, 4, 5), ("成都七中", None, 40, 2, 2)]
    assert board["rows"][0]["participation_rate"] == 0.8
    assert board["me"]["name"] == "成都七中" and not board["me"]["ranked"]
    assert "最低参与人数：3" in board["rule"]
