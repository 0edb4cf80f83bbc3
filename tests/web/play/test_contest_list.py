"""The contest list: open / upcoming / closed with a controllable clock, badges, visibility."""

from __future__ import annotations

from datetime import timedelta

from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.play import start


def test_home_is_the_contest_list_for_students_only(client, factories, clock):
    assert "学生注册" in client.get("/").get_data(as_text=True)  # anonymous: the introduction
    factories.student("student")
    client.post("/auth/login", data={"username": "student", "password": "passw0rd!"})
    page = client.get("/").get_data(as_text=True)
    assert "正在进行" in page and "即将开始" in page and "错题本" in page


def test_contests_need_login(client):
    response = client.get("/contests")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_states_follow_the_clock(client, factories, student, clock):
    factories.contest(title="开放中的比赛")
    factories.contest(
        title="明天的比赛",
        themed_day="telecom",
        opens_at=NOW + timedelta(days=1),
        closes_at=NOW + timedelta(days=1, hours=2),
    )
    factories.contest(
        title="昨天的比赛",
        themed_day="law",
        opens_at=NOW - timedelta(days=1),
        closes_at=NOW - timedelta(hours=20),
    )
    page = client.get("/contests").get_data(as_text=True)
    open_part, rest = page.split("即将开始", 1)
    upcoming_part, closed_part = rest.split("已结束", 1)
    assert "开放中的比赛" in open_part and "距结束还有" in open_part
    assert "明天的比赛" in upcoming_part and "data-countdown-to=" in upcoming_part
    assert "昨天的比赛" in closed_part and "未参加" in closed_part
    # Themed-day badges carry the Chinese labels.
    assert "校园日" in page and "电信日" in page and "法治日" in page

    clock.move_to(NOW + timedelta(days=1, minutes=5))
    page = client.get("/contests").get_data(as_text=True)
    open_part = page.split("即将开始", 1)[0]
    assert "明天的比赛" in open_part and "开放中的比赛" not in open_part


def test_closed_contest_links_to_results(client, factories, student, clock):
    contest = factories.contest(title="做过的比赛")
    attempt = start(client, contest)
    submit(attempt, now=NOW, grace_seconds=GRACE)
    clock.move_to(NOW + timedelta(hours=3))
    page = client.get("/contests").get_data(as_text=True)
    closed_part = page.split("已结束", 1)[1]
    assert f"/attempts/{attempt.id}/result" in closed_part


def test_open_attempt_shows_resume(client, factories, student, clock):
    contest = factories.contest()
    attempt = start(client, contest)
    page = client.get("/contests").get_data(as_text=True)
    assert "继续答题" in page and f"/attempts/{attempt.id}" in page


def test_contests_of_other_organizations_are_hidden(client, factories, student, clock):
    admin = factories.admin()  # may restrict to any unit
    other = factories.organization("四川省/别的中学/高三(9)班")
    factories.contest(
        title="外校比赛", access="organizations", organization_ids=[other.id], owner=admin
    )
    own = factories.organization("四川省/广元中学")
    factories.contest(
        title="本校比赛", access="organizations", organization_ids=[own.id], owner=admin
    )
    page = client.get("/contests").get_data(as_text=True)
    assert "本校比赛" in page and "外校比赛" not in page


def test_contest_page_shows_rules(client, factories, student, clock):
    contest = factories.contest(show_answers="after_close", attempts_allowed=2)
    page = client.get(f"/contests/{contest.id}").get_data(as_text=True)
    assert "10分钟" in page and "4题" in page
    assert "允许2次，您已使用0次" in page
    assert "比赛结束后公布答案与解析" in page
    assert "开始答题" in page


def test_upcoming_contest_cannot_be_started(client, factories, student, clock):
    contest = factories.contest(
        opens_at=NOW + timedelta(hours=1), closes_at=NOW + timedelta(hours=3)
    )
    page = client.get(f"/contests/{contest.id}").get_data(as_text=True)
    assert "比赛尚未开始" in page and "data-countdown-to" in page
    response = client.post(f"/contests/{contest.id}/start", follow_redirects=True)
    assert "比赛当前未开放" in response.get_data(as_text=True)
