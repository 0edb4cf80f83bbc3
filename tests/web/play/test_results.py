"""Results: score, rank, time used; key and explanations only when disclosure allows."""

from __future__ import annotations

from datetime import timedelta

from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import answer_all
from tests.helpers.play import start


def _finish(client, contest, *, right: bool, after=timedelta(minutes=4)):
    attempt = start(client, contest)
    answer_all(attempt, right=right, now=NOW + after)
    submit(attempt, now=NOW + after, grace_seconds=GRACE)
    return attempt


def test_result_after_submit_shows_key_and_explanation(client, factories, student, clock):
    contest = factories.contest(show_answers="after_submit")
    attempt = _finish(client, contest, right=True)
    clock.move_to(NOW + timedelta(minutes=4))
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "40" in page and "/ 40" in page
    assert "第1名" in page  # the only (non-test) student
    assert "4分00秒" in page
    for item in attempt.paper:
        assert item["explanation"] in page
    assert "<mark>测试文章。</mark>" in page  # the source sentence in its paragraph


def test_after_close_waits_for_the_close(client, factories, student, clock):
    contest = factories.contest(show_answers="after_close")
    attempt = _finish(client, contest, right=False)
    clock.move_to(NOW + timedelta(minutes=5))
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "将在比赛结束后" in page and "2026-10-11 12:00" in page  # closes_at, Shanghai time
    for item in attempt.paper:
        assert item["explanation"] not in page
    clock.move_to(NOW + timedelta(hours=2, minutes=1))
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    for item in attempt.paper:
        assert item["explanation"] in page
    assert "错误" in page and "未作答" not in page


def test_never_shows_no_answers(client, factories, student, clock):
    contest = factories.contest(show_answers="never")
    attempt = _finish(client, contest, right=True)
    clock.move_to(NOW + timedelta(days=3))
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "本比赛不公布答案与解析" in page
    assert all(item["explanation"] not in page for item in attempt.paper)


def test_open_attempt_result_goes_back_to_the_quiz(client, factories, student, clock):
    attempt = start(client, factories.contest())
    response = client.get(f"/attempts/{attempt.id}/result")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/attempts/{attempt.id}")


def test_expired_attempt_result(client, factories, student, clock):
    attempt = start(client, factories.contest())
    clock.move_to(NOW + timedelta(minutes=30))
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "答题时间到" in page and "10分00秒" in page and "未作答" in page
