"""Issue 12 item 7: the result page says, per question, 回答正确 (✓) or 回答错误 (✗), and for a
wrong answer the right one, but only where the disclosure rules let the key out."""

from __future__ import annotations

from datetime import timedelta

from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import answer_all
from tests.helpers.play import start


def _finish(client, contest, *, right: bool):
    attempt = start(client, contest)
    answer_all(attempt, right=right, now=NOW + timedelta(minutes=2))
    submit(attempt, now=NOW + timedelta(minutes=2), grace_seconds=GRACE)
    return attempt


def _page(client, attempt) -> str:
    return client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)


def test_right_answers_get_a_tick(client, factories, student, clock):
    attempt = _finish(client, factories.contest(show_answers="after_submit"), right=True)
    clock.move_to(NOW + timedelta(minutes=3))
    page = _page(client, attempt)
    assert page.count("回答正确") == len(attempt.paper) and "回答错误" not in page
    assert page.count('aria-hidden="true">✓</span>') == len(attempt.paper)
    assert "正确答案" not in page  # the student's own answer is the key: no repeat


def test_wrong_answers_get_a_cross_and_the_key(client, factories, student, clock):
    attempt = _finish(client, factories.contest(show_answers="after_submit"), right=False)
    clock.move_to(NOW + timedelta(minutes=3))
    page = _page(client, attempt)
    assert page.count("回答错误") == len(attempt.paper) and "回答正确" not in page
    assert page.count('aria-hidden="true">✗</span>') == len(attempt.paper)
    assert page.count('<dd class="key">') == len(attempt.paper)


def test_no_verdict_and_no_key_before_disclosure(client, factories, student, clock):
    for show in ("after_close", "never"):
        attempt = _finish(client, factories.contest(show_answers=show, title=show), right=False)
        clock.move_to(NOW + timedelta(minutes=3))
        page = _page(client, attempt)
        assert "回答错误" not in page and "✗" not in page and "正确答案" not in page


def test_a_key_another_running_contest_can_draw_stays_back(client, factories, student, clock):
    contest = factories.contest(show_answers="after_submit")
    # The same themed day, open until later: it can still draw this paper's questions.
    factories.contest(title="校园日复赛", with_questions=False)
    attempt = _finish(client, contest, right=False)
    clock.move_to(NOW + timedelta(minutes=3))
    page = _page(client, attempt)
    assert "答案将于" in page
    assert "回答错误" not in page and "✗" not in page and '<dd class="key">' not in page
