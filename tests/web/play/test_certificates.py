"""The student's certificate: the page, the PDF download and its rules, public verification."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import unquote

import pytest

from quiz.extensions import db
from quiz.services.results.certificates import code_for
from quiz.services.results.pdf_layout import spaced_code
from tests.helpers.boards import LATER, attempt
from tests.helpers.pdf import shown


@pytest.fixture
def later(clock):
    """The clock an hour into the contest, set before the attempts are made."""
    clock.move_to(LATER)


@pytest.mark.db
def test_certificate_and_public_verification(later, client, auth, graded, app):
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


@pytest.mark.db
class TestDownload:
    @pytest.fixture(autouse=True)
    def frozen(self, later):
        """Every download test runs an hour into the contest."""

    @pytest.fixture
    def tries(self, factories, contest):
        organizer = factories.organizer("teacher")  # 四川省/广元中学, the students' school
        contest.organization_id = organizer.organization_id
        db.session.commit()
        alice = factories.student("alice", display_name="王小明")
        bob = factories.student("bob", display_name="李四海")
        return contest, attempt(contest, alice, score=38), attempt(contest, bob, score=30)

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
        assert utf8.isascii() and unquote(utf8) == "荣誉证书-王小明-校园日知识竞赛.pdf"
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
        assert client.get(self.url(alice_try)).status_code == 409
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

    def test_a_nonexistent_font_path_still_gives_a_pdf(self, client, auth, contest, factories):
        alice = factories.student("alice", display_name="王小明")
        row = attempt(contest, alice, score=38)
        auth.login("alice")
        response = client.get(f"/certificates/{row.id}.pdf")
        assert response.status_code == 200 and response.data.startswith(b"%PDF-")
