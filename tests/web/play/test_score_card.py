"""The shareable score card (issue 12 item 7): the page's embedded data carries the contest,
the score, the final rank, the award and the verification QR matrix, the masked name, and
nothing else (no answers, no keys, no unit); only the student themself gets it, and only once
the certificate is issued."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta

import pytest
import segno

from quiz.services.results import qr_matrix
from quiz.services.results.certificates import code_for
from tests.clock import GRACE, NOW
from tests.helpers.boards import LATER, attempt, event_with

AFTER = NOW + timedelta(hours=2, seconds=GRACE + 60)
FIELDS = {
    "title", "event", "name", "score", "max_score", "rank", "total", "award", "date", "code",
    "verify_url", "qr",
}  # fmt: skip


@pytest.fixture
def later(clock):
    """The clock an hour into the contest, set before the attempts are made."""
    clock.move_to(LATER)


def card_data(text: str, which: str = "score-card-data") -> dict:
    found = re.search(rf'<script type="application/json" id="{which}">(.*?)</script>', text, re.S)
    assert found, f"no #{which} in the page"
    return json.loads(html.unescape(found.group(1)))


def test_qr_matrix_is_the_codes_modules():
    rows = qr_matrix("http://127.0.0.1/verify/ABC")
    qr = segno.make("http://127.0.0.1/verify/ABC", error="m")
    assert len(rows) == len(rows[0]) == qr.symbol_size(border=0)[0]
    assert set("".join(rows)) == {"0", "1"}
    assert rows[0].startswith("1111111")  # a finder pattern in the corner


@pytest.mark.db
class TestScoreCard:
    def test_the_students_own_card(self, later, clock, client, auth, graded, app):
        contest, _organizer, _q1, (alice_try, _bob_try) = graded
        clock.move_to(AFTER)
        auth.login("alice")
        page = client.get(f"/certificates/{alice_try.id}/card")
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and "保存成绩卡" in text and "score-card-canvas" in text
        # CSP: no inline JS
        assert 'src="/static/js/scorecard.js' in text and "<script>" not in text
        data = card_data(text)
        assert set(data) == FIELDS
        code = code_for(alice_try.id, app.config["SECRET_KEY"])
        assert data["title"] == contest.title and data["code"] == code
        assert data["score"] == "20" and data["rank"] == 1 and data["total"] == 2
        assert data["award"] == "参与证明" and data["name"] == "王*明"
        assert data["verify_url"].endswith(f"/verify/{code}")
        assert data["qr"] == qr_matrix(data["verify_url"])
        # The image is for sharing: the masked name only, no unit, nothing of the answers.
        assert "王小明" not in json.dumps(data, ensure_ascii=False)
        labels = card_data(text, "score-card-labels")
        assert labels["rank_value"] == "第1名" and labels["max"].startswith("满分")
        # Reachable from the result page and the certificate page.
        result = client.get(f"/attempts/{alice_try.id}/result").get_data(as_text=True)
        assert f'href="/certificates/{alice_try.id}/card"' in result
        cert = client.get(f"/certificates/{alice_try.id}").get_data(as_text=True)
        assert f'href="/certificates/{alice_try.id}/card"' in cert

    def test_no_keys_in_the_data(self, later, clock, client, auth, graded):
        _contest, _organizer, q1, (alice_try, _bob_try) = graded
        clock.move_to(AFTER)
        auth.login("alice")
        text = client.get(f"/certificates/{alice_try.id}/card").get_data(as_text=True)
        blob = json.dumps(card_data(text), ensure_ascii=False)
        assert q1.stem not in blob and "answer" not in blob and "key" not in blob
        assert all(option not in blob for option in (q1.options or []) if len(option) > 1)

    def test_only_the_student_and_only_once_issued(self, later, clock, client, auth, graded):
        _contest, organizer, _q1, (alice_try, _bob_try) = graded
        auth.login("alice")
        early = client.get(f"/certificates/{alice_try.id}/card").get_data(as_text=True)
        assert "证书将于比赛结束、成绩公布后发放" in early and "score-card-data" not in early
        result = client.get(f"/attempts/{alice_try.id}/result").get_data(as_text=True)
        assert "/card" not in result
        clock.move_to(AFTER)
        auth.logout()
        auth.login("bob")
        assert client.get(f"/certificates/{alice_try.id}/card").status_code == 403
        auth.logout()
        auth.login(organizer.username)
        # An organizer may see the certificate but the card is the student's to share.
        assert client.get(f"/certificates/{alice_try.id}/card").status_code == 403
        cert = client.get(f"/certificates/{alice_try.id}").get_data(as_text=True)
        assert "/card" not in cert

    def test_anonymous_is_sent_to_log_in(self, client, graded):
        _contest, _organizer, _q1, (alice_try, _bob_try) = graded
        assert client.get(f"/certificates/{alice_try.id}/card").status_code in (302, 401)

    def test_in_english(self, later, clock, client, auth, graded):
        _contest, _organizer, _q1, (alice_try, _bob_try) = graded
        clock.move_to(AFTER)
        with client.session_transaction() as session:
            session["lang"] = "en"
        auth.login("alice")
        text = client.get(f"/certificates/{alice_try.id}/card").get_data(as_text=True)
        assert "Save score card" in text
        labels = card_data(text, "score-card-labels")
        assert labels["award"] == "Certificate of Participation" and labels["points"] == "pts"
        assert labels["scan"] == "Scan to verify" and labels["max"] == "out of 20 points"
        assert not any(re.search(r"[\u4e00-\u9fff]", str(value)) for value in labels.values())


@pytest.mark.db
def test_a_day_and_the_week_have_cards(later, clock, client, auth, factories):
    event, (campus, telecom) = event_with(["campus", "telecom"])
    alice = factories.student("alice", display_name="王小明")
    attempt(campus, alice, score=30)
    attempt(telecom, alice, score=40)
    url = f"/certificates/events/{event.id}"
    auth.login("alice")
    assert "score-card-data" not in client.get(f"{url}/week/card").get_data(as_text=True)
    clock.move_to(AFTER)
    week = card_data(client.get(f"{url}/week/card").get_data(as_text=True))
    assert week["title"] == "周总榜" and week["score"] == "70" and week["max_score"] == "80"
    assert week["name"] == "王*明" and week["rank"] == 1 and week["event"] == event.title
    assert week["verify_url"].endswith(f"/verify/{week['code']}")
    day = card_data(client.get(f"{url}/campus/card").get_data(as_text=True))
    assert day["score"] == "30" and len(day["code"]) == 21
    assert f'href="{url}/week/card"' in client.get(f"{url}/week").get_data(as_text=True)
    assert client.get(f"{url}/someday/card").status_code == 404
