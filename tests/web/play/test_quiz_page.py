"""Starting and the quiz page: no key or explanation in the HTML, resume, owner only."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from quiz.extensions import db
from quiz.models import Attempt
from quiz.services.attempts.answers import save_answer
from tests.clock import GRACE, NOW
from tests.helpers.attempts import attempt_count
from tests.helpers.play import start


def _data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="quiz-data">(.*?)</script>', html, re.S)
    assert match, "quiz data block missing"
    return json.loads(match.group(1))


def test_start_redirects_to_the_quiz_page_without_any_key(client, factories, student, clock):
    contest = factories.contest()
    attempt = start(client, contest)
    html = client.get(f"/attempts/{attempt.id}").get_data(as_text=True)
    data = _data(html)
    assert len(data["questions"]) == 4
    assert data["deadline"] == "2026-10-11T02:10:00Z" and data["server_time"].endswith("Z")
    for question in data["questions"]:
        assert set(question) == {"id", "type", "stem", "options", "points"}
    for item in attempt.paper:
        # The explanation, the source sentence and the key must not reach the page.
        assert item["explanation"] not in html
        if item["type"] == "fill_blank":
            for accepted in item["key"]:
                assert accepted not in html
        else:
            assert f'"key": {json.dumps(item["key"])}' not in html
    assert '"key"' not in html and "explanation" not in html and "测试文章。" not in html
    # CSP: no inline script code, only the JSON block and the external file.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    for attrs, body in scripts:
        assert 'type="application/json"' in attrs or (body.strip() == "" and "src=" in attrs)
    assert " onclick=" not in html and " style=" not in html


def test_resume_returns_the_same_paper_and_answers(client, factories, student, clock):
    contest = factories.contest()
    attempt = start(client, contest)
    item = attempt.paper[0]
    value = {"text": "答案"} if item["type"] == "fill_blank" else {"choice": [0]}
    save_answer(attempt, item["question_id"], now=NOW, grace_seconds=GRACE, **value)
    clock.move_to(NOW + timedelta(minutes=3))
    again = start(client, contest)
    assert again.id == attempt.id and attempt_count() == 1
    data = _data(client.get(f"/attempts/{attempt.id}").get_data(as_text=True))
    saved = data["answers"][str(item["question_id"])]
    assert saved.get("choice", saved.get("text")) == value.popitem()[1]
    assert saved["saved_at"] == "2026-10-11T02:00:00Z"
    assert data["deadline"] == "2026-10-11T02:10:00Z"  # fixed at start, not reset by resuming


def test_overdue_attempt_goes_to_results(client, factories, student, clock):
    contest = factories.contest()
    attempt = start(client, contest)
    clock.move_to(NOW + timedelta(minutes=11))
    response = client.get(f"/attempts/{attempt.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/result")
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).status == "expired"


def test_someone_elses_attempt_is_forbidden(client, factories, auth, clock):
    contest = factories.contest()
    factories.student("owner")
    auth.login("owner")
    attempt = start(client, contest)
    auth.logout()
    factories.student("intruder")
    auth.login("intruder")
    assert client.get(f"/attempts/{attempt.id}").status_code == 403
    assert client.get(f"/attempts/{attempt.id}/result").status_code == 403
    assert client.get("/attempts/999999").status_code == 404


def test_start_needs_csrf(client, factories, student, clock):
    contest = factories.contest()
    response = client.post(f"/contests/{contest.id}/start", csrf=False)
    assert response.status_code == 400 and attempt_count() == 0


def test_no_attempts_left(client, factories, student, clock):
    from quiz.services.attempts.lifecycle import submit

    contest = factories.contest()
    submit(start(client, contest), now=NOW, grace_seconds=GRACE)
    page = client.get(f"/contests/{contest.id}").get_data(as_text=True)
    assert "答题次数已用完" in page
    response = client.post(f"/contests/{contest.id}/start", follow_redirects=True)
    assert "答题次数已用完" in response.get_data(as_text=True) and attempt_count() == 1


def test_huge_ids_are_not_found(client, factories, student, clock):
    assert client.get(f"/attempts/{2**40}").status_code == 404
    assert client.get(f"/contests/{2**40}").status_code == 404
