"""Issue 11 item 1: practice, review and results never disclose a key a running contest can draw."""

from __future__ import annotations

from datetime import timedelta

from quiz.extensions import db
from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import answer_all
from tests.helpers.play import right_answer, start


def test_day_practice_refuses_a_question_an_open_contest_of_another_day_draws(
    client, factories, student, clock
):
    contest = factories.contest(themed_day="law", title="法治日竞赛")
    shared = factories.question(days=("law", "telecom"))  # drawable by the open law contest
    own = factories.question(days=("telecom",))
    assert contest.themed_day == "law"
    leaked = client.post(
        "/practice/check",
        json={"question_id": shared.id, "mode": "day", "day": "telecom", **right_answer(shared)},
    )
    assert leaked.status_code == 404, leaked.get_json()
    ok = client.post(
        "/practice/check",
        json={"question_id": own.id, "mode": "day", "day": "telecom", **right_answer(own)},
    )
    assert ok.status_code == 200 and ok.get_json()["key"]
    page = client.get("/practice?day=telecom").get_data(as_text=True)
    # When the law-tagged questions become practicable: the contest's close, Asia/Shanghai.
    closes = (contest.closes_at + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    assert closes in page


def test_review_withholds_a_key_an_open_contest_can_still_draw(client, factories, student, clock):
    done = factories.contest(title="已结束的校园日", closes_at=NOW + timedelta(minutes=30))
    attempt = start(client, done)
    answer_all(attempt, right=False, now=NOW + timedelta(minutes=2))
    submit(attempt, now=NOW + timedelta(minutes=2), grace_seconds=GRACE)
    qid = attempt.paper[0]["question_id"]
    explanation = attempt.paper[0]["explanation"]
    # Once the first contest closed, a later one on the same day opens: it can draw the question.
    clock.move_to(NOW + timedelta(hours=1))
    factories.contest(title="下午场", now=NOW + timedelta(hours=1), with_questions=False)
    detail = client.get(f"/review/{qid}").get_data(as_text=True)
    assert explanation not in detail
    response = client.post(
        "/practice/check", json={"question_id": qid, "mode": "review", "choice": [0]}
    )
    assert response.status_code == 404
    results = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert explanation not in results
    db.session.expire_all()
