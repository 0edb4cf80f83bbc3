"""Organizer results: item statistics, voiding a question, exports, certificates."""

from __future__ import annotations

import csv
import io
from datetime import UTC, timedelta

import pytest
import time_machine
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import Answer, AuditLog
from quiz.services.boards.refs import BoardRef
from quiz.services.results.certificates import attempt_for_code, code_for
from quiz.services.results.exports import render
from quiz.services.results.rescoring import void_question
from quiz.services.results.statistics import cronbach_alpha, summarize
from tests.boards.helpers import T0, attempt, read

NOW = T0 + timedelta(hours=1)


def item(qid, points, mx=1.0):
    return {"id": qid, "points": points, "max": mx, "stem": f"q{qid}", "correct": points == mx}


def test_item_statistics_on_a_hand_computed_example():
    papers = [[item(1, 1), item(2, 1)], [item(1, 1), item(2, 0)], [item(1, 0), item(2, 0)]]
    stats = summarize(papers, maximum=2)
    assert (stats.mean, stats.median, stats.stdev) == (1, 1, 1)
    q1, q2 = stats.items
    assert (q1.facility, q2.facility) == (0.6667, 0.3333)
    # item 1 scores [1,1,0] vs rest [1,0,0]: r = (1/3) / (6/9) = 0.5; likewise for item 2
    assert (q1.discrimination, q2.discrimination) == (0.5, 0.5)
    # alpha = 2 · (1 − (2/9 + 2/9) / (2/3)) = 2/3
    assert stats.alpha == 0.6667
    assert not q1.flags and not q2.flags
    assert stats.distribution[0] == ("0–0.2", 1)


def test_flags_for_negative_discrimination_and_extreme_facility():
    papers = [[item(1, 0), item(2, 1), item(3, 1)], [item(1, 1), item(2, 0), item(3, 1)],
              [item(1, 1), item(2, 0), item(3, 1)], [item(1, 0), item(2, 1), item(3, 1)]]  # fmt: skip
    stats = {s.question_id: s for s in summarize(papers, maximum=3).items}
    assert stats[3].flags == ["过易"] and stats[3].discrimination is None
    assert "区分度为负" in stats[1].flags
    assert cronbach_alpha([[1, 1]]) is None


def test_csv_export_has_bom_and_neutralizes_formulas():
    data, mimetype = render([["姓名", "单位"], ["=1+1", "@SUM(A1)"], ["-2", "+3"], [-2, 5]], "csv")
    assert data.startswith(b"\xef\xbb\xbf") and mimetype.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["'=1+1", "'@SUM(A1)"] and rows[2] == ["'-2", "'+3"]
    assert rows[3] == ["-2", "5"]  # numbers stay numbers
    xlsx, _ = render([["a"], ["=HYPERLINK(1)"]], "xlsx")
    assert xlsx.startswith(b"PK")


def test_verification_codes():
    code = code_for(42, "secret")
    assert len(code) == 13 and attempt_for_code(code, "secret") == 42
    assert attempt_for_code(code.lower(), "secret") == 42
    assert attempt_for_code(code, "other-secret") is None
    assert attempt_for_code("NOT-A-CODE!", "secret") is None


@pytest.mark.db
class TestWithDatabase:
    @pytest.fixture(autouse=True)
    def clock(self):
        with time_machine.travel(NOW.replace(tzinfo=UTC), tick=False) as traveller:
            yield traveller

    @pytest.fixture
    def graded(self, factories, contest):
        organizer = factories.organizer()
        contest.organization_id = organizer.organization_id
        db.session.commit()
        q1, q2 = factories.question(), factories.question()
        paper = [{"question_id": q.id, "type": "single_choice", "options": ["甲", "乙"],
                  "key": [0], "points": 10, "stem": q.stem} for q in (q1, q2)]  # fmt: skip
        alice = factories.student("alice", display_name="王小明")
        bob = factories.student("bob", display_name="李四海")
        rows = []
        for user, right in ((alice, (True, True)), (bob, (True, False))):
            row = attempt(contest, user, score=0, status="in_progress")
            row.paper = paper
            for q, ok in zip((q1, q2), right, strict=True):
                db.session.add(Answer(attempt=row, question_id=q.id, choice=[0 if ok else 1],
                                      points=10.0 if ok else 0.0, is_correct=ok))  # fmt: skip
            row.score, row.max_score = sum(10.0 for ok in right if ok), 20.0
            db.session.commit()
            from quiz.services.attempts.lifecycle import finish

            finish(row, now=row.started_at + timedelta(seconds=60))
            rows.append(row)
        return contest, organizer, q1, rows

    def test_voiding_a_question_rescores_and_is_audited(self, graded):
        contest, organizer, q1, (alice_try, bob_try) = graded
        ref = BoardRef("contest", contest_id=contest.id)
        assert [r["score"] for r in read(ref, now=NOW).rows] == [20, 10]
        changes = void_question(contest, q1.id, actor=organizer, now=NOW, reason="答案有误")
        assert [(c["old_score"], c["new_score"], c["new_max"]) for c in changes] == [
            (20, 10, 10),
            (10, 0, 10),
        ]
        assert (alice_try.score, alice_try.max_score) == (10, 10)
        assert [r["score"] for r in read(ref, now=NOW).rows] == [10, 0]
        log = db.session.execute(
            select(AuditLog).where(AuditLog.action == "contest.void_question")
        ).scalar_one()
        assert log.actor_id == organizer.id and log.details["reason"] == "答案有误"
        assert log.details["attempts"][0]["old_score"] == 20
        with pytest.raises(Exception, match="已作废"):
            void_question(contest, q1.id, actor=organizer, now=NOW)

    def test_results_page_export_and_void_over_http(self, client, auth, graded):
        contest, organizer, q1, _rows = graded
        auth.login(organizer.username)
        page = client.get(f"/admin/contests/{contest.id}/results")
        assert page.status_code == 200 and "难度系数" in page.get_data(as_text=True)
        export = client.get(f"/admin/contests/{contest.id}/export/results.csv")
        text = export.data.decode("utf-8-sig")
        assert export.status_code == 200 and "王小明" in text and "切屏次数" in text
        board = client.get(f"/admin/contests/{contest.id}/export/board.xlsx")
        assert board.status_code == 200 and board.data.startswith(b"PK")
        assert client.get(f"/admin/contests/{contest.id}/participation.json").status_code == 200
        response = client.post(
            f"/admin/contests/{contest.id}/questions/{q1.id}/void", data={"reason": "题干歧义"}
        )
        assert response.status_code == 302
        assert db.session.execute(
            select(AuditLog).where(AuditLog.action == "contest.void_question")
        ).scalar_one()

    def test_results_are_organizer_only_and_scoped(self, client, auth, graded, factories):
        contest, *_ = graded
        auth.login("alice")
        assert client.get(f"/admin/contests/{contest.id}/results").status_code == 403
        assert client.get(f"/admin/contests/{contest.id}/export/results.csv").status_code == 403
        auth.logout()
        auth.login(factories.organizer(unit="四川省/绵阳中学").username)
        assert client.get(f"/admin/contests/{contest.id}/export/board.csv").status_code == 403

    def test_certificate_and_public_verification(self, client, auth, graded, app):
        contest, _organizer, _q1, (alice_try, _bob_try) = graded
        assert client.get(f"/certificates/{alice_try.id}").status_code in (302, 401)
        auth.login("bob")
        assert client.get(f"/certificates/{alice_try.id}").status_code == 403
        auth.logout()
        auth.login("alice")
        page = client.get(f"/certificates/{alice_try.id}")
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and "王小明" in text and "<svg" in text
        code = code_for(alice_try.id, app.config["SECRET_KEY"])
        auth.logout()
        verified = client.get(f"/verify/{code}").get_data(as_text=True)
        assert "王*明" in verified and "王小明" not in verified and contest.title in verified
        assert client.get("/verify/AAAAAAAAAAAAA").status_code == 404
