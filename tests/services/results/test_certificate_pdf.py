"""Certificates as PDF: the pure renderer (fonts, content) and the download route's rules."""

from __future__ import annotations

import base64
import os
import re
import zlib
from datetime import UTC, date, timedelta
from urllib.parse import unquote

import pytest
import time_machine

from quiz.extensions import db
from quiz.services.results import pdf_layout as certificate_pdf
from quiz.services.results.certificates import code_for
from quiz.services.results.pdf_canvas import CID_FONT
from quiz.services.results.pdf_layout import (
    CANDIDATE_FONTS,
    CertificateData,
    format_score,
    render_certificate_pdf,
    resolve_font,
    spaced_code,
)
from tests.boards.helpers import T0, attempt

NOW = T0 + timedelta(hours=1)
CODE = code_for(7, "test-secret")
DATA = CertificateData(
    name="王小明",
    organization="四川省/广元中学/高一(1)班",
    contest="校园日知识竞赛",
    event="四川省网安周",
    score=37.5,
    max_score=40.0,
    rank=2,
    date=date(2026, 10, 11),
    code=CODE,
    verify_url=f"http://localhost/verify/{CODE}",
)
INSTALLED = [path for path in CANDIDATE_FONTS if os.path.isfile(path)]


def page_text(pdf: bytes) -> bytes:
    """Every stream of the PDF, inflated (and ASCII85-decoded) when compressed."""
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        if raw.rstrip().endswith(b"~>"):  # ReportLab's compressed page: ASCII85 over Flate
            raw = base64.a85decode(raw.rstrip()[:-2])
        try:
            out.append(zlib.decompressobj().decompress(raw))
        except zlib.error:
            out.append(raw)
    return b"\n".join(out)


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def shown(pdf: bytes) -> bytes:
    """The bytes of every string the pages show (``(...) Tj``), PDF escapes undone."""

    def unescape(match: re.Match) -> bytes:
        token = match.group(1)
        if token[:1].isdigit():
            return bytes([int(token, 8)])
        return ESCAPES.get(token, token)

    literals = re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", page_text(pdf), re.S)
    return b"\n".join(re.sub(rb"\\([0-7]{1,3}|.)", unescape, lit, flags=re.S) for lit in literals)


# --- the renderer (no Flask) ---------------------------------------------------------------


def test_formatting_helpers():
    assert (format_score(40.0), format_score(37.5), format_score(1 / 3)) == ("40", "37.5", "0.3333")
    assert spaced_code("ABCDEFGHIJKLM") == "ABCDE-FGHIJ-KLM"


def test_a_missing_font_file_falls_back_to_the_builtin_cid_font(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    assert resolve_font("/nonexistent/font.ttc") == CID_FONT
    pdf = render_certificate_pdf(DATA, font_path="/nonexistent/font.ttc", compress=False)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"/BaseFont /STSong-Light" in pdf and b"/FontFile2" not in pdf  # nothing embedded
    text = shown(pdf)
    assert spaced_code(CODE).encode() in text  # the code, in Helvetica: readable in the PDF
    assert DATA.verify_url.encode() in text
    assert "王小明".encode("utf-16-be") in text  # the CID font is addressed in UCS-2


def test_a_font_without_chinese_glyphs_is_not_used(monkeypatch):
    latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.isfile(latin):
        pytest.skip("DejaVu Sans not installed")
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    assert resolve_font(latin) == CID_FONT


def test_the_compressed_pdf_holds_the_code_too():
    pdf = render_certificate_pdf(DATA, font_path=None)
    assert pdf.startswith(b"%PDF-") and b"/FlateDecode" in pdf
    assert spaced_code(CODE).encode() in shown(pdf)


@pytest.mark.skipif(not INSTALLED, reason="no TrueType CJK font (fonts-wqy-microhei) installed")
def test_an_installed_truetype_cjk_font_is_embedded_with_a_cid_fallback_for_rare_characters():
    assert resolve_font(INSTALLED[0]).startswith("CertCJK-")
    rare = CertificateData(**{**DATA.__dict__, "name": "王\u4dae", "rank": None})  # 王䶮
    pdf = render_certificate_pdf(rare, font_path=INSTALLED[0], compress=False)
    assert b"/FontFile2" in pdf  # the subset is embedded
    text = shown(pdf)
    assert spaced_code(CODE).encode() in text
    if 0x4DAE not in certificate_pdf._Text(None, resolve_font(INSTALLED[0]))._cmap:
        assert b"/BaseFont /STSong-Light" in pdf and "\u4dae".encode("utf-16-be") in text


def test_unranked_results_say_the_score_is_valid(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    unranked = CertificateData(**{**DATA.__dict__, "rank": None, "event": None, "date": None})
    text = shown(render_certificate_pdf(unranked, font_path=None, compress=False))
    assert "成绩有效".encode("utf-16-be") in text and "排名".encode("utf-16-be") not in text


def test_the_qr_code_is_drawn_as_vector_squares(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    pdf = render_certificate_pdf(DATA, font_path=None, compress=False)
    assert b"/Subtype /Image" not in pdf
    assert page_text(pdf).count(b" re f") > 50  # dark runs of modules


# --- the route -----------------------------------------------------------------------------


@pytest.mark.db
class TestDownload:
    @pytest.fixture(autouse=True)
    def clock(self):
        with time_machine.travel(NOW.replace(tzinfo=UTC), tick=False) as traveller:
            yield traveller

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
        contest.freeze_at = NOW - timedelta(minutes=5)
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
