"""Creating and editing contests through the form: times, validation messages, the lock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog, Contest
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW
from tests.helpers.admin import contest_form

pytestmark = pytest.mark.db


def contests() -> list[Contest]:
    return list(db.session.scalars(select(Contest).order_by(Contest.id)))


def test_create_contest_stores_shanghai_times_in_utc(client, organizer, campus_bank):
    response = client.post("/admin/contests/new", data=contest_form())
    assert response.status_code == 302, response.get_data(as_text=True)
    [contest] = contests()
    assert contest.opens_at == datetime(2026, 10, 11, 1, 0)  # 09:00 in Shanghai
    assert contest.closes_at == datetime(2026, 10, 11, 13, 0)
    assert contest.time_limit_seconds == 600 and contest.question_count == 4
    assert contest.draw_rules["types"] == {"single_choice": 2, "true_false": 1, "fill_blank": 1}
    assert contest.organization_id == organizer.organization_id
    assert contest.created_by_id == organizer.id
    audit = db.session.scalars(select(AuditLog).where(AuditLog.action == "contest.create")).one()
    assert audit.target_id == contest.id and audit.actor_id == organizer.id
    # The edit form shows the times back in Shanghai.
    page = client.get(f"/admin/contests/{contest.id}/edit").get_data(as_text=True)
    assert 'value="2026-10-11T09:00"' in page and 'value="2026-10-11T21:00"' in page


def test_new_contest_form_renders(client, organizer):
    page = client.get("/admin/contests/new")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "比赛名称" in html and "js/contest_form.js" in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"closes_at": "2026-10-11T08:00"}, "结束时间必须晚于开始时间"),
        ({"time_limit_minutes": "0"}, "答题时限必须大于0"),
        ({"time_limit_minutes": "十"}, "请输入整数"),
        ({"opens_at": "明天"}, "请输入有效的日期和时间"),
        ({"title": ""}, "请填写比赛名称"),
        ({"access": "code"}, "请设置参赛口令"),
        ({"access": "organizations"}, "请至少选择一个可参赛的单位"),
        (
            {"count_single_choice": "5", "question_count": "7"},
            "题库中已通过的题目不足：单选题缺3题",
        ),
        ({"count_single_choice": "3", "count_true_false": "2"}, "各题型数量之和超过了题目总数"),
        ({"question_count": "6", "count_single_choice": "4"}, "单选题缺2题"),
        ({"themed_day": "moon"}, "未知的主题日"),
        ({"freeze_at": "2026-10-12T09:00"}, "封榜时间须在比赛开始和结束之间"),
    ],
)
def test_refusals_are_shown_in_chinese(client, organizer, campus_bank, overrides, message):
    response = client.post("/admin/contests/new", data=contest_form(**overrides))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert contests() == []


def test_generate_code_fills_the_form_without_saving(client, organizer):
    response = client.post(
        "/admin/contests/new", data=contest_form(generate_code="生成新口令", submit=None)
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and contests() == []
    value = html.split('id="join_code"')[1].split('value="')[1].split('"')[0]
    assert len(value) == 6 and value.isalnum()
    assert '<input checked id="access-2" name="access" type="radio" value="code">' in html


def test_join_code_and_chosen_units(client, organizer, campus_bank, factories):
    own_class = factories.organization("四川省/广元中学/高二(3)班")
    response = client.post(
        "/admin/contests/new",
        data=contest_form(access="organizations", organization_ids=[str(own_class.id)]),
    )
    assert response.status_code == 302
    [contest] = contests()
    assert [link.organization_id for link in contest.allowed_organizations] == [own_class.id]
    client.post(
        f"/admin/contests/{contest.id}/edit", data=contest_form(access="code", join_code="ａｂｃ12")
    )
    db.session.expire_all()
    assert contest.join_code == "ABC12" and contest.allowed_organizations == []


def test_units_outside_the_organizers_scope_are_refused(client, organizer, campus_bank, factories):
    other = factories.organization("四川省/成都七中")
    response = client.post(
        "/admin/contests/new",
        data=contest_form(access="organizations", organization_ids=[str(other.id)]),
    )
    assert response.status_code == 403
    assert "所选单位不在您的管理范围内" in response.get_data(as_text=True)
    assert contests() == []


def test_fixed_set_of_hand_picked_questions(client, organizer, campus_bank):
    ids = [str(q.id) for q in campus_bank]
    page = client.get("/admin/contests/new").get_data(as_text=True)
    assert campus_bank[0].stem in page and 'id="question-search"' in page
    short = client.post(
        "/admin/contests/new",
        data=contest_form(draw_mode="fixed", fixed_question_ids=ids[:3], question_count="4"),
    )
    assert short.status_code == 422
    assert "固定题目数（3）与题目数量（4）不一致" in short.get_data(as_text=True)
    ok = client.post(
        "/admin/contests/new", data=contest_form(draw_mode="fixed", fixed_question_ids=ids)
    )
    assert ok.status_code == 302
    [contest] = contests()
    assert [link.question_id for link in contest.fixed_questions] == [q.id for q in campus_bank]
    assert contest.draw_rules == {"types": {}, "difficulty": {}} or contest.draw_mode == "fixed"
    # Re-ordering the hand-picked set renumbers positions without tripping the unique key.
    reordered = list(reversed(ids))
    assert (
        client.post(
            f"/admin/contests/{contest.id}/edit",
            data=contest_form(draw_mode="fixed", fixed_question_ids=reordered),
        ).status_code
        == 302
    )
    db.session.expire_all()
    assert [str(link.question_id) for link in contest.fixed_questions] == reordered


def test_draft_questions_cannot_be_hand_picked(client, organizer, campus_bank, factories):
    draft = factories.question(status="draft")
    ids = [str(q.id) for q in campus_bank[:3]] + [str(draft.id)]
    response = client.post(
        "/admin/contests/new", data=contest_form(draw_mode="fixed", fixed_question_ids=ids)
    )
    assert response.status_code == 422
    assert "固定题目只能从已通过审核的题目中选择" in response.get_data(as_text=True)


def start(contest, student, now):
    return attempts.start_attempt(
        contest, student, now=now, grace_seconds=GRACE, paper_builder=build_paper
    )[0]


def test_changing_the_draw_is_refused_once_students_have_attempts(
    clock, client, factories, organizer
):
    contest = factories.contest(owner=organizer, now=NOW)
    start(contest, factories.student(), NOW)
    page = client.get(f"/admin/contests/{contest.id}/edit").get_data(as_text=True)
    assert 'id="locked-notice"' in page and "已有1次答题" in page
    changed = client.post(
        f"/admin/contests/{contest.id}/edit",
        data=contest_form(question_count="3", count_single_choice="1"),
    )
    assert changed.status_code == 409
    assert "已有学生答题，不能再修改题目数量" in changed.get_data(as_text=True)
    db.session.expire_all()
    assert contest.question_count == 4
    # Times and the title may still change (e.g. to extend the closing time).
    later = (NOW + timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M")
    same_draw = contest_form(title="校园日（延长）", opens_at="2026-10-11T09:59", closes_at=later)
    assert client.post(f"/admin/contests/{contest.id}/edit", data=same_draw).status_code == 302
    db.session.expire_all()
    assert contest.title == "校园日（延长）"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"award_rule": "rank_count"}, "请填写一等奖的评奖线。"),
        ({"award_rule": "score_percent", "award_cut_2": "60"}, "请填写优秀的评奖线。"),
        (
            {"award_rule": "rank_count", "award_cut_1": "10", "award_cut_2": "5"},
            "二等奖、三等奖的名次线须依次大于前一等奖（名额按累计计算）。",
        ),
        (
            {"award_rule": "rank_percent", "award_cut_1": "10", "award_cut_2": "150"},
            "百分比须在1到100之间。",
        ),
        (
            {"award_rule": "score_percent", "award_cut_1": "60", "award_cut_2": "90"},
            "合格线须低于优秀线。",
        ),
        ({"award_rule": "rank_count", "award_cut_1": "三"}, "请输入整数。"),
        ({"award_rule": "rank_count", "award_cut_1": "0"}, "评奖线须为1到100000之间的整数"),
        ({"award_rule": "lottery"}, "评奖方式无效。"),
    ],
)
def test_award_rule_errors_are_chinese(client, organizer, campus_bank, overrides, message):
    response = client.post("/admin/contests/new", data=contest_form(**overrides))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert contests() == []


def test_award_rule_is_saved_and_shown_back(client, organizer, campus_bank):
    form = contest_form(award_rule="rank_percent", award_cut_1="5", award_cut_2="15")
    response = client.post("/admin/contests/new", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)
    [contest] = contests()
    assert (contest.award_rule, contest.award_cut_1, contest.award_cut_2, contest.award_cut_3) == (
        "rank_percent",
        5,
        15,
        None,
    )
    page = client.get(f"/admin/contests/{contest.id}/edit").get_data(as_text=True)
    assert (
        '<option selected value="rank_percent">' in page or 'value="rank_percent" selected' in page
    )
    assert 'name="award_cut_1"' in page and 'value="15"' in page
    # a score rule keeps two levels: a third cut-off left over from a rank rule is dropped
    form = contest_form(
        award_rule="score_percent", award_cut_1="90", award_cut_2="60", award_cut_3="9"
    )
    assert client.post(f"/admin/contests/{contest.id}/edit", data=form).status_code == 302
    db.session.refresh(contest)
    assert (contest.award_rule, contest.award_cut_1, contest.award_cut_2, contest.award_cut_3) == (
        "score_percent",
        90,
        60,
        None,
    )
