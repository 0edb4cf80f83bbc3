"""Preview (recorded nowhere), the live monitor, an attempt's logs, extend and void."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt, AuditLog, IntegrityEvent
from quiz.services import attempts
from quiz.services.contests.papers import build_paper
from tests.clock import GRACE, NOW

pytestmark = pytest.mark.db


def attempt_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(Attempt))


def start(contest, student, now=NOW):
    return attempts.start_attempt(
        contest, student, now=now, grace_seconds=GRACE, paper_builder=build_paper
    )[0]


def test_preview_shows_a_paper_without_recording_anything(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    response = client.get(f"/admin/contests/{contest.id}/preview")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert html.count('class="card question"') == 4 and "甲" in html
    assert "正确答案" not in html
    # No timer, no autosave: only what every page loads (the time formatter, the ☰ menu).
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts == ["/static/js/time.js", "/static/js/menu.js"]
    assert html.count("<script") == len(scripts)
    seed = html.split("seed=")[1].split("&")[0].split('"')[0]
    with_key = client.get(f"/admin/contests/{contest.id}/preview?seed={seed}&key=1")
    key_html = with_key.get_data(as_text=True)
    assert "正确答案" in key_html and "72万元" in key_html  # the fill-in key
    # The same seed shows the same paper, so the toggle keeps the questions in place.
    stems = [part.split("</p>")[0] for part in html.split("<p>")[2::2]]
    assert all(stem in key_html for stem in stems)
    assert attempt_rows() == 0


def test_monitor_page_and_json(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    alice = factories.student("alice", display_name="<b>小红</b>")
    attempt = start(contest, alice)
    item = attempt.paper[0]
    attempts.save_answer(
        attempt,
        item["question_id"],
        choice=None if item["type"] == "fill_blank" else item["key"],
        text=item["key"][0] if item["type"] == "fill_blank" else None,
        now=NOW,
        grace_seconds=GRACE,
    )
    page = client.get(f"/admin/contests/{contest.id}/monitor").get_data(as_text=True)
    assert "&lt;b&gt;小红&lt;/b&gt;" in page and "js/monitor.js" in page
    assert f'data-url="/admin/contests/{contest.id}/monitor.json"' in page
    data = client.get(f"/admin/contests/{contest.id}/monitor.json").get_json()
    [row] = data["attempts"]
    assert row["status"] == "in_progress" and row["status_label"] == "答题中"
    assert row["answered"] == 1 and row["questions"] == 4 and row["score"] == 10
    assert row["seconds_left"] == 600 and row["organization"] == "四川省/广元中学/高一(1)班"
    assert row["url"] == f"/admin/attempts/{attempt.id}"
    assert data["counts"]["in_progress"] == 1


def test_monitor_shows_an_overdue_attempt_as_expired_without_writing(
    clock, client, factories, organizer
):
    contest = factories.contest(owner=organizer, now=NOW)
    attempt = start(contest, factories.student())
    clock.shift(minutes=10, seconds=GRACE + 1)  # past the deadline and the grace
    data = client.get(f"/admin/contests/{contest.id}/monitor.json").get_json()
    [row] = data["attempts"]
    assert row["status"] == "expired" and row["seconds_left"] is None
    assert row["time_used_ms"] == 600_000
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).status == "in_progress"
    assert db.session.get(Attempt, attempt.id).finished_at is None


def test_attempt_page_shows_the_integrity_log_in_shanghai_time(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    attempt = start(contest, factories.student())
    db.session.add_all(
        [
            IntegrityEvent(
                attempt_id=attempt.id,
                kind="hidden",
                client_time=NOW + timedelta(seconds=30),
                server_time=NOW + timedelta(seconds=31),
            ),
            IntegrityEvent(
                attempt_id=attempt.id,
                kind="visible",
                client_time=NOW + timedelta(seconds=42),
                server_time=NOW + timedelta(seconds=43),
                away_ms=12000,
            ),
        ]
    )
    attempt.focus_losses, attempt.focus_away_ms = 1, 12000
    db.session.commit()
    html = client.get(f"/admin/attempts/{attempt.id}").get_data(as_text=True)
    assert "2026-10-11 10:00:31" in html and "2026-10-11 10:00:30" in html
    assert "页面隐藏" in html and "页面恢复" in html and "12000" in html
    assert "1次，共离开12.0秒" in html
    monitor = client.get(f"/admin/contests/{contest.id}/monitor.json").get_json()
    assert monitor["attempts"][0]["focus_losses"] == 1
    assert monitor["attempts"][0]["focus_away_ms"] == 12000


def test_extend_is_recorded_and_shown(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    attempt = start(contest, factories.student())
    old_deadline = attempt.deadline
    response = client.post(f"/admin/attempts/{attempt.id}/extend", data={"minutes": "5"})
    assert response.status_code == 302
    db.session.expire_all()
    assert attempt.deadline == old_deadline + timedelta(minutes=5)
    entry = db.session.scalars(select(AuditLog).where(AuditLog.action == "attempt.extend")).one()
    assert entry.actor_id == organizer.id and entry.target_id == attempt.id
    assert entry.details["seconds"] == 300
    html = client.get(f"/admin/attempts/{attempt.id}").get_data(as_text=True)
    assert "延长5分钟" in html and organizer.display_name in html
    assert "2026-10-11 10:00:00" in html  # when, in Shanghai time


def test_extend_validates_minutes(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    attempt = start(contest, factories.student())
    response = client.post(f"/admin/attempts/{attempt.id}/extend", data={"minutes": "0"})
    assert response.status_code == 422
    assert "延长时间须在1到1440分钟之间" in response.get_data(as_text=True)


def test_void_is_recorded_and_shown(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    attempt = start(contest, factories.student())
    missing = client.post(f"/admin/attempts/{attempt.id}/void", data={"reason": ""})
    assert missing.status_code == 422 and "请填写作废原因" in missing.get_data(as_text=True)
    response = client.post(f"/admin/attempts/{attempt.id}/void", data={"reason": "代答"})
    assert response.status_code == 302
    db.session.expire_all()
    assert attempt.status == "voided"
    entry = db.session.scalars(select(AuditLog).where(AuditLog.action == "attempt.void")).one()
    assert entry.actor_id == organizer.id and entry.details["reason"] == "代答"
    html = client.get(f"/admin/attempts/{attempt.id}").get_data(as_text=True)
    assert "原因：代答" in html and "已作废" in html
    data = client.get(f"/admin/contests/{contest.id}/monitor.json").get_json()
    assert data["attempts"][0]["status"] == "voided" and data["counts"]["voided"] == 1


def test_extend_refused_for_a_finished_attempt(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    attempt = start(contest, factories.student())
    attempts.submit(attempt, now=NOW, grace_seconds=GRACE)
    response = client.post(f"/admin/attempts/{attempt.id}/extend", data={"minutes": "5"})
    assert response.status_code == 409
    assert "只能为进行中的答题延时" in response.get_data(as_text=True)


def test_preview_reports_candidates_excluded_as_shared_context(clock, client, factories, organizer):
    contest = factories.contest(owner=organizer, now=NOW)
    # Most stems print 广元市: a question answered by 广元市 would be given away, so never drawn.
    for n in range(4):
        factories.question(stem=f"广元市第{n}届活动的主题是什么？", days=("campus",))
    factories.question(type="fill_blank", stem="本届活动在____举办。", answer=["广元市"])
    html = client.get(f"/admin/contests/{contest.id}/preview").get_data(as_text=True)
    assert "本场题池共9题：其中1题的答案是多数题干都会出现的背景信息" in html
    assert "另有0对题目" in html
    assert html.count('class="card question"') == 4 and "本届活动在" not in html
