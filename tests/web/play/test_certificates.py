"""The student's certificate: the page, the PDF download and its rules, public verification,
award rules, issuing only once the board is final, and the day and week certificates."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest

from quiz.extensions import db
from quiz.models import Contest
from quiz.services.results.certificates import code_for, event_code_for
from quiz.services.results.pdf_layout import spaced_code
from tests.clock import GRACE, NOW
from tests.helpers.boards import LATER, attempt, event_with
from tests.helpers.pdf import shown

#: After the factories' contests close (two hours after NOW) and the answer grace.
AFTER = NOW + timedelta(hours=2, seconds=GRACE + 60)
PENDING = "证书将于比赛结束、成绩公布后发放"


@pytest.fixture
def later(clock):
    """The clock an hour into the contest, set before the attempts are made."""
    clock.move_to(LATER)


def close(clock, contest: Contest | None = None, *, freeze=False):
    """Move past the contest's close (optionally frozen at LATER)."""
    if contest is not None and freeze:
        contest.freeze_at = LATER
        db.session.commit()
    clock.move_to(AFTER)


@pytest.mark.db
def test_certificate_and_public_verification(later, clock, client, auth, graded, app):
    contest, _organizer, _q1, (alice_try, _bob_try) = graded
    close(clock)
    assert client.get(f"/certificates/{alice_try.id}").status_code in (302, 401)
    auth.login("bob")
    assert client.get(f"/certificates/{alice_try.id}").status_code == 403
    auth.logout()
    auth.login("alice")
    page = client.get(f"/certificates/{alice_try.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "王小明" in text and "<svg" in text
    # No rule: a participation certificate, the score as people write it, the final rank.
    assert "参与证明" in text and "荣誉证书" not in text
    assert "20分" in text and "20.0" not in text and "第1名" in text and "共2人" in text
    code = code_for(alice_try.id, app.config["SECRET_KEY"])
    auth.logout()
    verified = client.get(f"/verify/{code}").get_data(as_text=True)
    assert "王*明" in verified and "王小明" not in verified and contest.title in verified
    assert "参与证明" in verified and "20分" in verified
    assert client.get("/verify/AAAAAAAAAAAAA").status_code == 404


@pytest.mark.db
class TestIssuing:
    """Only once the contest is closed and unfrozen, with the final rank; a page, never a 409."""

    def test_while_open_a_page_says_when(self, later, client, auth, graded, app):
        _contest, _organizer, _q1, (alice_try, _bob_try) = graded
        auth.login("alice")
        page = client.get(f"/certificates/{alice_try.id}")
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and PENDING in text
        assert "第1名" not in text and "<svg" not in text
        pdf = client.get(f"/certificates/{alice_try.id}.pdf")
        assert pdf.status_code == 303 and pdf.location.endswith(f"/certificates/{alice_try.id}")
        # Nor can a code be checked early (its rank is not final).
        code = code_for(alice_try.id, app.config["SECRET_KEY"])
        assert client.get(f"/verify/{code}").status_code == 404

    def test_while_frozen_after_the_close(self, later, clock, client, auth, graded):
        contest, _organizer, _q1, (alice_try, _bob_try) = graded
        close(clock, contest, freeze=True)
        auth.login("alice")
        page = client.get(f"/certificates/{alice_try.id}")
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and PENDING in text and "封榜" in text
        assert "操作冲突" not in text
        contest.freeze_at = None
        db.session.commit()
        assert "第1名" in client.get(f"/certificates/{alice_try.id}").get_data(as_text=True)

    def test_an_extended_attempt_still_running_holds_them_back(
        self, later, clock, client, auth, graded, factories
    ):
        contest, _organizer, _q1, (alice_try, _bob_try) = graded
        late = factories.student("carol", display_name="赵三")
        running = attempt(contest, late, score=0, status="in_progress")
        running.deadline = AFTER + timedelta(minutes=10)
        db.session.commit()
        close(clock)
        auth.login("alice")
        assert PENDING in client.get(f"/certificates/{alice_try.id}").get_data(as_text=True)

    def test_an_abandoned_attempt_counts_in_the_final_rank(
        self, later, clock, client, auth, graded, factories
    ):
        contest, _organizer, _q1, (_alice_try, bob_try) = graded
        # carol closed the tab with 15 points saved; her time ran out before the close
        carol = factories.student("carol", display_name="赵三")
        left = attempt(contest, carol, score=15, status="in_progress")
        close(clock)
        auth.login("bob")
        text = client.get(f"/certificates/{bob_try.id}").get_data(as_text=True)
        assert "第3名" in text and "共3人" in text  # 20 (alice), 15 (carol), 10 (bob)
        db.session.refresh(left)
        assert left.status == "expired"

    def test_result_page_and_own_board_row_link_to_it(self, later, clock, client, auth, graded):
        contest, _organizer, _q1, (alice_try, _bob_try) = graded
        auth.login("alice")
        result = client.get(f"/attempts/{alice_try.id}/result").get_data(as_text=True)
        assert PENDING in result and f'href="/certificates/{alice_try.id}"' not in result
        board = client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)
        assert f"/certificates/{alice_try.id}" not in board
        close(clock)
        result = client.get(f"/attempts/{alice_try.id}/result").get_data(as_text=True)
        assert f'href="/certificates/{alice_try.id}"' in result and PENDING not in result
        board = client.get(f"/boards/contests/{contest.id}").get_data(as_text=True)
        row = re.search(r'<tr class="is-me">.*?</tr>', board, re.S).group(0)
        assert f'href="/certificates/{alice_try.id}"' in row
        assert f'data-certificate="/certificates/{alice_try.id}"' in board  # board.js redraws it


@pytest.mark.db
class TestAwardRules:
    def certificate_text(self, client, auth, row, user: str) -> str:
        auth.login(user)
        text = client.get(f"/certificates/{row.id}").get_data(as_text=True)
        auth.logout()
        return text

    def test_rank_cut_offs(self, later, clock, client, auth, graded):
        contest, _organizer, _q1, (alice_try, bob_try) = graded
        contest.award_rule, contest.award_cut_1 = "rank_count", 1
        db.session.commit()
        close(clock)
        assert "一等奖" in self.certificate_text(client, auth, alice_try, "alice")
        bob = self.certificate_text(client, auth, bob_try, "bob")
        assert "参与证明" in bob and "一等奖" not in bob and "第2名" in bob

    def test_in_english(self, later, clock, client, auth, graded):
        contest, _organizer, _q1, (alice_try, _bob_try) = graded
        contest.award_rule, contest.award_cut_1 = "rank_count", 1
        db.session.commit()
        close(clock)
        with client.session_transaction() as session:
            session["lang"] = "en"
        text = self.certificate_text(client, auth, alice_try, "alice")
        assert "First Prize" in text and "(of 20)" in text and "of 2" in text

    def test_score_cut_offs(self, later, clock, client, auth, graded):
        contest, _organizer, _q1, (alice_try, bob_try) = graded
        contest.award_rule, contest.award_cut_1, contest.award_cut_2 = "score_percent", 90, 50
        db.session.commit()
        close(clock)
        assert "优秀" in self.certificate_text(client, auth, alice_try, "alice")  # 20 of 20
        assert "合格" in self.certificate_text(client, auth, bob_try, "bob")  # 10 of 20: 50 %


@pytest.mark.db
class TestDayAndWeek:
    @pytest.fixture
    def week(self, factories):
        event, (campus, telecom) = event_with(["campus", "telecom"])
        campus.award_rule = telecom.award_rule = "rank_count"
        campus.award_cut_1 = telecom.award_cut_1 = 1
        db.session.commit()
        alice = factories.student("alice", display_name="王小明")
        bob = factories.student("bob", display_name="李四海")
        attempt(campus, alice, score=30)
        attempt(campus, bob, score=38)
        attempt(telecom, alice, score=40)
        return event, alice, bob

    def test_a_day_and_the_week(self, later, clock, client, auth, week, app):
        event, alice, _bob = week
        auth.login("alice")
        url = f"/certificates/events/{event.id}"
        assert PENDING in client.get(f"{url}/campus").get_data(as_text=True)
        close(clock)
        day = client.get(f"{url}/campus").get_data(as_text=True)
        assert "第2名" in day and "参与证明" in day and "30分" in day and "（满分40分）" in day
        week_text = client.get(f"{url}/week").get_data(as_text=True)
        # the week: 30 + 40 of the two days' 40 + 40, first of two, the days' common rule
        assert "70分" in week_text and "（满分80分）" in week_text and "一等奖" in week_text
        pdf = client.get(f"{url}/week.pdf")
        assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")
        assert client.get(f"{url}/law").status_code == 404  # no contest that day
        assert client.get(f"{url}/someday").status_code == 404
        # linked from the own row of the week board
        board = client.get(f"/boards/events/{event.id}").get_data(as_text=True)
        assert f'href="{url}/week"' in board
        code = event_code_for(event.id, "week", alice.id, app.config["SECRET_KEY"])
        auth.logout()
        verified = client.get(f"/verify/{code}").get_data(as_text=True)
        assert "王*明" in verified and "一等奖" in verified and "周总榜" in verified
        assert client.get(f"/verify/{code[:-2]}AA").status_code == 404

    def test_no_certificate_without_a_row(self, later, clock, client, auth, week, factories):
        event, _alice, _bob = week
        factories.student("carol")
        close(clock)
        auth.login("carol")
        assert client.get(f"/certificates/events/{event.id}/campus").status_code == 404


@pytest.mark.db
class TestDownload:
    @pytest.fixture(autouse=True)
    def frozen(self, later):
        """Every download test makes its attempts an hour into the contest."""

    @pytest.fixture
    def tries(self, factories, contest, clock):
        organizer = factories.organizer("teacher")  # 四川省/广元中学, the students' school
        contest.organization_id = organizer.organization_id
        db.session.commit()
        alice = factories.student("alice", display_name="王小明")
        bob = factories.student("bob", display_name="李四海")
        rows = contest, attempt(contest, alice, score=38), attempt(contest, bob, score=30)
        close(clock)
        return rows

    def url(self, row) -> str:
        return f"/certificates/{row.id}.pdf"

    def test_the_student_downloads_their_pdf(self, client, auth, tries, app):
        _contest, alice_try, _bob_try = tries
        auth.login("alice")
        response = client.get(self.url(alice_try))
        assert response.status_code == 200
        assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF-")
        assert spaced_code(code_for(alice_try.id, app.config["SECRET_KEY"])).encode() in shown(
            response.data
        )
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith(f'attachment; filename="certificate-{alice_try.id}.pdf"')
        utf8 = disposition.split("filename*=UTF-8''", 1)[1]
        assert utf8.isascii() and unquote(utf8) == "参与证明-王小明-校园日知识竞赛.pdf"
        assert "no-store" in response.headers["Cache-Control"]
        page = client.get(f"/certificates/{alice_try.id}").get_data(as_text=True)
        assert f'href="/certificates/{alice_try.id}.pdf"' in page

    def test_access_rules(self, client, auth, tries, factories):
        _contest, alice_try, _bob_try = tries
        assert client.get(self.url(alice_try)).status_code in (302, 401)
        auth.login("bob")
        assert client.get(self.url(alice_try)).status_code == 403
        auth.logout()
        auth.login(factories.organizer(unit="四川省/成都七中").username)
        assert client.get(self.url(alice_try)).status_code == 403
        auth.logout()
        auth.login("teacher")
        assert client.get(self.url(alice_try)).status_code == 200
        auth.logout()
        auth.login(factories.admin("root").username)
        assert client.get(self.url(alice_try)).status_code == 200
        assert client.get("/certificates/99999999999999999999.pdf").status_code == 404

    def test_withheld_while_the_contest_is_frozen(self, client, auth, tries):
        contest, alice_try, _bob_try = tries
        contest.freeze_at = LATER - timedelta(minutes=5)
        db.session.commit()
        auth.login("alice")
        assert client.get(self.url(alice_try)).status_code == 303  # to the page that says when
        contest.freeze_at = None
        db.session.commit()
        assert client.get(self.url(alice_try)).status_code == 200

    def test_a_test_account_gets_no_certificate(self, client, auth, contest, factories):
        tester = factories.student("tester")
        tester.is_test_account = True
        db.session.commit()
        row = attempt(contest, tester, score=10)
        auth.login("tester")
        assert client.get(self.url(row)).status_code == 404


@pytest.mark.db
class TestConfiguredFont:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "CERTIFICATE_FONT_PATH": "/nonexistent/NotoSansCJK.ttc"}

    def test_a_nonexistent_font_path_still_gives_a_pdf(
        self, client, auth, contest, factories, clock
    ):
        alice = factories.student("alice", display_name="王小明")
        row = attempt(contest, alice, score=38)
        close(clock)
        auth.login("alice")
        response = client.get(f"/certificates/{row.id}.pdf")
        assert response.status_code == 200 and response.data.startswith(b"%PDF-")
