"""Certificates as PDF: the pure renderer (fonts, content, the QR code)."""

from __future__ import annotations

import os

import pytest

from quiz.services.results import pdf_layout as certificate_pdf
from quiz.services.results.certificates import code_for
from quiz.services.results.pdf_canvas import CID_FONT, MixedText
from quiz.services.results.pdf_layout import (
    CANDIDATE_FONTS,
    CertificateData,
    format_score,
    render_certificate_pdf,
    resolve_font,
    score_text,
    spaced_code,
)
from tests.clock import NOW
from tests.helpers.pdf import page_text, shown

CODE = code_for(7, "test-secret")
DATA = CertificateData(
    name="王小明",
    organization="四川省/广元中学/高一(1)班",
    contest="校园日知识竞赛",
    event="四川省网安周",
    score=37.5,
    max_score=40.0,
    rank=2,
    date=NOW.date(),
    code=CODE,
    verify_url=f"http://localhost/verify/{CODE}",
)
INSTALLED = [path for path in CANDIDATE_FONTS if os.path.isfile(path)]


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
    if 0x4DAE not in MixedText(None, resolve_font(INSTALLED[0]))._cmap:
        assert b"/BaseFont /STSong-Light" in pdf and "\u4dae".encode("utf-16-be") in text


def test_unranked_results_show_the_score_alone(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    unranked = CertificateData(**{**DATA.__dict__, "rank": None, "event": None, "date": None})
    text = shown(render_certificate_pdf(unranked, font_path=None, compress=False))
    assert "37.5分（满分40分）".encode("utf-16-be") in text
    assert "名".encode("utf-16-be") not in text


def test_the_award_is_the_title_and_scores_are_written_as_people_write_them(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    first = CertificateData(**{**DATA.__dict__, "award": "一等奖", "score": 40.0, "total": 57})
    text = shown(render_certificate_pdf(first, font_path=None, compress=False))
    assert "一等奖".encode("utf-16-be") in text and "荣誉证书".encode("utf-16-be") not in text
    assert "40分（满分40分）".encode("utf-16-be") in text and b"40.0" not in text
    assert "第2名 / 共57人".encode("utf-16-be") in text
    assert score_text(60.0) == "60分" and score_text(17.5) == "17.5分"


def test_the_qr_code_is_drawn_as_vector_squares(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "CANDIDATE_FONTS", ())
    pdf = render_certificate_pdf(DATA, font_path=None, compress=False)
    assert b"/Subtype /Image" not in pdf
    assert page_text(pdf).count(b" re f") > 50  # dark runs of modules
