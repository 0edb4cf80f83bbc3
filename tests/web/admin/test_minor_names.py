"""Issue 11 item 3: other schools' students are masked (张*明) for organizers outside their unit."""

from __future__ import annotations

from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.attempts import begin


def test_an_organizer_sees_other_schools_students_masked(client, auth, factories, clock):
    organizer = factories.organizer("org-b", unit="四川省/苍溪中学")
    contest = factories.contest(owner=organizer, access="everyone")
    other = factories.student(
        "s-a-001", display_name="张小明", organization="四川省/广元中学/高一(3)班"
    )
    own = factories.student(
        "s-b-001", display_name="李大伟", organization="四川省/苍溪中学/高二(1)班"
    )
    other_attempt = begin(contest, other)
    submit(begin(contest, own), now=NOW, grace_seconds=GRACE)
    auth.login("org-b")
    pages = {
        "monitor": client.get(f"/admin/contests/{contest.id}/monitor"),
        "monitor.json": client.get(f"/admin/contests/{contest.id}/monitor.json"),
        "attempt": client.get(f"/admin/attempts/{other_attempt.id}"),
        "export": client.get(f"/admin/contests/{contest.id}/export/results.csv"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        body = response.get_data(as_text=True)
        if name == "monitor.json":
            body = str(response.get_json())
        assert "张小明" not in body and "s-a-001" not in body and "高一(3)班" not in body, name
        assert "张*明" in body, name
        if name != "attempt":
            assert "李大伟" in body and "s-b-001" in body, name  # in scope: full identity
