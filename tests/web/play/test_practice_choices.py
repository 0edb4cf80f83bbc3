"""Issue 12 item 4: /practice offers only what can be practised now and says when the rest opens;
students practise the questions of contests that have ended and of articles no contest uses."""

from __future__ import annotations

from datetime import timedelta

from quiz.extensions import db
from quiz.models import Source
from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import answer_all
from tests.helpers.play import right_answer, start


def test_a_day_a_running_contest_can_draw_is_not_offered_and_says_when(
    client, factories, student, clock
):
    contest = factories.contest(themed_day="law", title="法治日竞赛")
    factories.question(days=("telecom",))
    page = client.get("/practice").get_data(as_text=True)
    closes = (contest.closes_at + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    assert f"比赛进行中，{closes} 后可练习" in page
    assert 'href="/practice?day=law"' not in page  # no tile that leads to a refusal
    assert 'href="/practice?day=telecom"' in page and "可练习 1 题，每轮随机 1 题" in page
    assert "随机10题" not in page


def test_an_ended_contest_the_student_took_can_be_practised(client, factories, student, clock):
    done = factories.contest(title="已结束的校园日", closes_at=NOW + timedelta(minutes=30))
    attempt = start(client, done)
    answer_all(attempt, right=False, now=NOW + timedelta(minutes=2))
    submit(attempt, now=NOW + timedelta(minutes=2), grace_seconds=GRACE)
    inside = attempt.paper[0]["question_id"]
    outside = factories.question(days=("telecom",))
    clock.move_to(NOW + timedelta(hours=1))
    page = client.get("/practice").get_data(as_text=True)
    assert "已结束的比赛" in page and "已结束的校园日" in page
    url = f"/practice?from=contest&amp;contest={done.id}"
    assert url in page
    round_page = client.get(f"/practice?from=contest&contest={done.id}").get_data(as_text=True)
    assert "已结束的校园日练习" in round_page and 'id="practice-data"' in round_page
    question = db.session.get(type(outside), inside)
    ok = client.post(
        "/practice/check",
        json={
            "question_id": inside,
            "mode": "contest",
            "day": str(done.id),
            **right_answer(question),
        },
    )
    assert ok.status_code == 200 and ok.get_json()["correct"] is True
    refused = client.post(
        "/practice/check",
        json={"question_id": outside.id, "mode": "contest", "day": str(done.id), "choice": [0]},
    )
    assert refused.status_code == 404


def test_a_contest_the_student_did_not_take_is_not_theirs_to_practise(
    client, factories, student, clock
):
    other = factories.contest(title="别人的比赛", closes_at=NOW + timedelta(minutes=30))
    clock.move_to(NOW + timedelta(hours=1))
    assert "别人的比赛" not in client.get("/practice").get_data(as_text=True)
    page = client.get(f"/practice?from=contest&contest={other.id}").get_data(as_text=True)
    assert 'id="practice-data"' not in page


def test_an_article_no_contest_uses_is_offered(client, factories, student, clock):
    factories.source("gy-2021", text="文章。")
    db.session.get(Source, "gy-2021").title = "广元市网安周报道"
    question = factories.question(days=("finance",))
    question.source_id = "gy-2021"
    db.session.commit()
    page = client.get("/practice").get_data(as_text=True)
    assert "按文章练习" in page and "广元市网安周报道" in page
    assert "/practice?from=source&amp;source=gy-2021" in page
    ok = client.post(
        "/practice/check",
        json={
            "question_id": question.id,
            "mode": "source",
            "day": "gy-2021",
            **right_answer(question),
        },
    )
    assert ok.status_code == 200
