"""Issue 11 item 2(a): organizers enter contests only as previews, never on a board."""

from __future__ import annotations

from datetime import timedelta

from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.play import start


def test_an_organizer_of_another_school_takes_a_contest_only_as_a_preview(
    client, auth, factories, clock
):
    owner = factories.organizer("org-a", unit="四川省/广元中学")
    contest = factories.contest(owner=owner, access="code", join_code="ABC123")
    factories.organizer("org-b", unit="四川省/苍溪中学", display_name="王老师")
    auth.login("org-b")
    attempt = start(client, contest)
    assert attempt.is_preview
    submit(attempt, now=NOW + timedelta(minutes=1), grace_seconds=GRACE)
    clock.move_to(NOW + timedelta(minutes=2))
    auth.logout()
    board = client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)
    assert "王*" not in board and "王老师" not in board
