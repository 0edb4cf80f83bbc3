"""错题本 and practice: wrong answers are collected; practice grades without attempts."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from quiz.extensions import db
from quiz.models import Question, ReviewItem
from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import answer_all, attempt_count
from tests.helpers.play import right_answer, start


def _wrong_attempt(client, factories, **contest_options):
    contest = factories.contest(**contest_options)
    attempt = start(client, contest)
    answer_all(attempt, right=False, now=NOW + timedelta(minutes=2))
    submit(attempt, now=NOW + timedelta(minutes=2), grace_seconds=GRACE)
    return contest, attempt


def _practice_data(html: str) -> dict:
    match = re.search(r'id="practice-data">(.*?)</script>', html, re.S)
    assert match, html
    return json.loads(match.group(1))


def test_review_lists_wrong_answers_with_the_last_answer(client, factories, student, clock):
    _, attempt = _wrong_attempt(client, factories)
    page = client.get("/review").get_data(as_text=True)
    for item in attempt.paper:
        assert item["stem"] in page
    assert "不知道" in page  # the fill-in answer given
    assert "查看答案与原文段落" in page
    qid = attempt.paper[0]["question_id"]
    detail = client.get(f"/review/{qid}").get_data(as_text=True)
    assert "<mark>测试文章。</mark>" in detail and attempt.paper[0]["explanation"] in detail


def test_review_filters_by_day(client, factories, student, clock):
    _wrong_attempt(client, factories)
    assert "错题本是空的" in client.get("/review?day=finance").get_data(as_text=True)
    assert "错题本是空的" not in client.get("/review?day=campus").get_data(as_text=True)


def test_review_hides_answers_not_yet_disclosed(client, factories, student, clock):
    _, attempt = _wrong_attempt(client, factories, show_answers="after_close")
    page = client.get("/review").get_data(as_text=True)
    assert "答案尚未公布" in page
    qid = attempt.paper[0]["question_id"]
    detail = client.get(f"/review/{qid}").get_data(as_text=True)
    assert attempt.paper[0]["explanation"] not in detail
    practice = client.get("/practice?from=review").get_data(as_text=True)
    assert "practice-data" not in practice
    response = client.post(
        "/practice/check", json={"question_id": qid, "mode": "review", "choice": [0]}
    )
    assert response.status_code == 404


def test_review_practice_masters_a_question_without_attempts(client, factories, student, clock):
    _, attempt = _wrong_attempt(client, factories)
    before = attempt_count()
    data = _practice_data(client.get("/practice?from=review").get_data(as_text=True))
    assert len(data["questions"]) == 4
    assert all("key" not in q and "answer" not in q for q in data["questions"])
    question = db.session.get(Question, data["questions"][0]["id"])
    response = client.post(
        "/practice/check",
        json={"question_id": question.id, "mode": "review", **right_answer(question)},
    )
    body = response.get_json()
    assert response.status_code == 200 and body["correct"] and body["mastered"]
    assert body["explanation"] == question.explanation
    assert body["source"]["sentence"] == "测试文章。"
    db.session.expire_all()
    item = db.session.execute(db.select(ReviewItem).filter_by(question_id=question.id)).scalar_one()
    assert item.mastered_at is not None
    assert attempt_count() == before  # practice never creates attempts


def test_day_practice_waits_until_the_days_contest_closed(client, factories, student, clock):
    factories.contest()  # campus, open now
    page = client.get("/practice?day=campus").get_data(as_text=True)
    assert "比赛结束后即可练习" in page and "practice-data" not in page
    clock.move_to(NOW + timedelta(hours=3))
    client.get("/contests")
    data = _practice_data(client.get("/practice?day=campus").get_data(as_text=True))
    assert 1 <= len(data["questions"]) <= 10
    question = db.session.get(Question, data["questions"][0]["id"])
    wrong = (
        {"text": "错"}
        if question.type == "fill_blank"
        else {"choice": [next(i for i in range(len(question.options)) if i not in question.answer)]}
    )
    body = client.post(
        "/practice/check",
        json={"question_id": question.id, "mode": "day", "day": "campus", **wrong},
    ).get_json()
    assert body["correct"] is False and body["key"]
    assert attempt_count() == 0


def test_practice_check_refuses_questions_outside_the_mode(client, factories, student, clock):
    draft = factories.question(status="draft", days=("finance",))
    response = client.post(
        "/practice/check",
        json={"question_id": draft.id, "mode": "day", "day": "finance", "choice": [0]},
    )
    assert response.status_code == 404
    response = client.post("/practice/check", json={"question_id": "x"})
    assert response.status_code == 422


def test_practice_chooser(client, factories, student, clock):
    page = client.get("/practice").get_data(as_text=True)
    assert "错题本练习" in page and "个人信息保护日" in page
