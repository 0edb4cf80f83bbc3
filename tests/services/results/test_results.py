"""Results services: item statistics, exports, verification codes, voiding a question."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog
from quiz.services.boards.refs import BoardRef
from quiz.services.results.certificates import attempt_for_code, code_for
from quiz.services.results.exports import render
from quiz.services.results.rescoring import void_question
from quiz.services.results.statistics import cronbach_alpha, summarize
from tests.helpers.boards import LATER, read


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


@pytest.fixture
def later(clock):
    """The clock an hour into the contest (before ``graded`` builds its attempts)."""
    clock.move_to(LATER)


@pytest.mark.db
def test_voiding_a_question_rescores_and_is_audited(later, graded):
    contest, organizer, q1, (alice_try, bob_try) = graded
    ref = BoardRef("contest", contest_id=contest.id)
    assert [r["score"] for r in read(ref, now=LATER).rows] == [20, 10]
    changes = void_question(contest, q1.id, actor=organizer, now=LATER, reason="答案有误")
    assert [(c["old_score"], c["new_score"], c["new_max"]) for c in changes] == [
        (20, 10, 10),
        (10, 0, 10),
    ]
    assert (alice_try.score, alice_try.max_score) == (10, 10)
    assert [r["score"] for r in read(ref, now=LATER).rows] == [10, 0]
    log = db.session.execute(
        select(AuditLog).where(AuditLog.action == "contest.void_question")
    ).scalar_one()
    assert log.actor_id == organizer.id and log.details["reason"] == "答案有误"
    assert log.details["attempts"][0]["old_score"] == 20
    with pytest.raises(Exception, match="已作废"):
        void_question(contest, q1.id, actor=organizer, now=LATER)
