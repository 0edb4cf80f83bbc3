"""Big imports run as background jobs; their progress page survives a reload, owner/admin only."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Job, JobState, User
from quiz.services.accounts import ROSTER_JOB_ROWS
from quiz.services.accounts.organizations import find_by_path
from tests.helpers.admin import text, upload

SCHOOL = "四川省/广元中学"


def roster(rows: int) -> bytes:
    return ("姓名,班级\n" + "".join(f"学生{n},高一1班\n" for n in range(rows))).encode()


def wait_for_jobs():
    for thread in threading.enumerate():
        if thread.name.startswith("job-"):
            thread.join(timeout=60)
    db.session.expire_all()


def big_import(client):
    response = upload(
        client,
        "/admin/roster",
        "名单.csv",
        roster(ROSTER_JOB_ROWS + 1),
        school_id=find_by_path(SCHOOL).id,
        prefix="big",
    )
    assert response.status_code == 302 and "/admin/jobs/" in response.headers["Location"]
    return response.headers["Location"]


def test_a_big_roster_runs_as_a_job_and_offers_the_passwords_once(client, organizer):
    location = big_import(client)
    wait_for_jobs()
    job = db.session.scalar(select(Job))
    assert (job.kind, job.state, job.done, job.total) == ("roster", "succeeded", 101, 101)
    assert job.owner_id == organizer.id and job.finished_at is not None
    students = select(func.count()).where(User.role == "student")
    assert db.session.scalar(students) == ROSTER_JOB_ROWS + 1

    for _reload in range(2):  # the page reads the row: a reload shows the same
        page = text(client.get(location))
        assert "导入完成" in page and 'http-equiv="refresh"' not in page
        assert "js/job.js" in page and "<script>" not in page
    status = client.get(location + ".json").get_json()
    assert status["state"] == "succeeded" and status["finished"] and status["done"] == 101
    result = client.get(status["next_url"])
    assert text(result).count('class="secret"') == ROSTER_JOB_ROWS + 1
    assert 'class="secret"' not in text(client.get(status["next_url"]))  # once, as before
    assert client.post(status["next_url"] + "/download").status_code == 200


def test_a_running_job_page_refreshes_itself(client, organizer, factories):
    from quiz.services.jobs import create_job
    from quiz.timeutil import utcnow

    job = create_job("roster", organizer, total=200, now=utcnow())
    job.state, job.done = JobState.RUNNING, 50
    db.session.commit()
    page = text(client.get(f"/admin/jobs/{job.id}"))
    assert 'http-equiv="refresh"' in page and "正在导入" in page
    assert client.get(f"/admin/jobs/{job.id}.json").get_json()["done"] == 50


def test_other_organizers_cannot_see_a_job_but_admins_can(client, auth, factories):
    factories.organizer("teacher")
    auth.login("teacher")
    location = big_import(client)
    wait_for_jobs()
    auth.logout()
    factories.organizer("other", unit="四川省/成都七中")
    auth.login("other")
    assert client.get(location).status_code == 404
    assert client.get(location + ".json").status_code == 404
    auth.logout()
    factories.admin("root")
    auth.login("root")
    status = client.get(location + ".json").get_json()
    assert status["state"] == "succeeded" and status["next_url"] is None  # not the admin's


def test_students_and_anonymous_are_refused(client, auth, factories):
    from quiz.services.jobs import create_job
    from quiz.timeutil import utcnow

    job = create_job("roster", factories.organizer("teacher"), total=1, now=utcnow())
    assert client.get(f"/admin/jobs/{job.id}.json").status_code in (302, 401)
    factories.student("kid")
    auth.login("kid")
    assert client.get(f"/admin/jobs/{job.id}").status_code == 403
