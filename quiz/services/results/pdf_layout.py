"""The certificate as a PDF (A4 landscape), drawn with ReportLab; no Flask in here.

Chinese text needs a CJK font. ReportLab embeds TrueType outlines only, so the font is chosen as:

1. ``font_path`` (the app's ``CERTIFICATE_FONT_PATH``) when it loads and has CJK glyphs;
2. else the first loadable font of :data:`CANDIDATE_FONTS` (WenQuanYi, Droid Sans Fallback,
   AR PL: Debian's ``fonts-wqy-microhei``, ``fonts-wqy-zenhei``, ``fonts-droid-fallback``,
   ``fonts-arphic-uming``); the font is subset and embedded, so the PDF looks the same everywhere;
3. else ReportLab's built-in CID font ``STSong-Light``: nothing is embedded, no font file is
   needed, and the reader's viewer supplies the glyphs (Acrobat, pdf.js, Preview, poppler with a
   CJK font installed do; a viewer without any CJK font shows blanks).

Noto Sans/Serif CJK (``fonts-noto-cjk``) are OpenType fonts with PostScript (CFF) outlines,
which ReportLab refuses ("postscript outlines are not supported"); they are not candidates.
A string with a character the embedded font lacks (a rare name character) is drawn in
``STSong-Light`` instead. Latin-only text (the code, the URL) uses the standard Helvetica.

Drawing helpers (palette, border, mixed-font text, QR code) are in :mod:`quiz.services.results.pdf_canvas`.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import threading
from dataclasses import dataclass
from datetime import date

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from quiz.services.results.pdf_canvas import (
    BRAND,
    GOLD,
    LATIN,
    LATIN_BOLD,
    MUTED,
    NAVY,
    PAGE_H,
    PAGE_W,
    MixedText,
    cid_font,
    draw_border,
    draw_qr,
    draw_rule,
)

__all__ = [
    "CANDIDATE_FONTS",
    "CertificateData",
    "format_date",
    "format_score",
    "score_text",
    "render_certificate_pdf",
    "resolve_font",
    "spaced_code",
]

log = logging.getLogger(__name__)

#: TrueType CJK fonts at their Debian paths, tried in order (index 0 of a .ttc collection).
CANDIDATE_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)

#: Characters a usable CJK font must have (the fixed wording of the certificate).
REQUIRED = "证书网络安全知识竞赛参与证明得分满名共人第验码一二三等奖优秀合格"

# ReportLab keeps per-document font state in shared objects; certificates are rare, so one
# document is drawn at a time rather than auditing that state for concurrent use.
_LOCK = threading.Lock()


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on a certificate, already resolved to plain values."""

    name: str
    organization: str
    contest: str
    event: str | None
    score: float
    max_score: float
    rank: int | None
    date: date | None  # of the counted submission, Asia/Shanghai
    code: str
    verify_url: str = ""  # filled in by the web layer, which knows the site's address
    award: str = "参与证明"  # the title (quiz.services.contests.awards): 一等奖 … 参与证明
    total: int | None = None  # students ranked on the final board


def format_score(value: float) -> str:
    """18.0 → "18", 17.5 → "17.5" (scores are kept to 4 decimals)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def score_text(value: float) -> str:
    """A score as people write it: 60分, 37.5分 (never 60.0 分)."""
    return f"{format_score(value)}分"


def format_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def spaced_code(code: str) -> str:
    """The code in groups for reading aloud: ABCDE-FGHIJ-KLM (``/verify`` ignores dashes)."""
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


@functools.lru_cache(maxsize=16)
def _load_ttf(path: str) -> str | None:
    """Register the TrueType font at ``path``; its ReportLab name, or None if unusable."""
    if not os.path.isfile(path):
        return None
    name = "CertCJK-" + os.path.basename(path).rsplit(".", 1)[0]
    try:
        font = TTFont(name, path, subfontIndex=0)
    except (TTFError, OSError, ValueError) as error:
        log.warning("certificate font %s not usable: %s", path, error)
        return None
    if not all(ord(ch) in font.face.charToGlyph for ch in REQUIRED):
        log.warning("certificate font %s lacks Chinese glyphs", path)
        return None
    pdfmetrics.registerFont(font)
    return name


def resolve_font(font_path: str | None) -> str:
    """The registered name of the CJK font to use (see the module docstring for the order)."""
    for path in ([font_path] if font_path else []) + list(CANDIDATE_FONTS):
        name = _load_ttf(path)
        if name:
            return name
    return cid_font()


def render_certificate_pdf(
    data: CertificateData, *, font_path: str | None, compress: bool = True
) -> bytes:
    """The certificate as PDF bytes. ``compress=False`` leaves the page stream readable."""
    with _LOCK:
        return _render(data, font_path=font_path, compress=compress)


def _render(data: CertificateData, *, font_path: str | None, compress: bool) -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1 if compress else 0)
    c.setTitle(f"{data.award} {data.name}")
    c.setSubject(f"{data.contest} · 验证码 {data.code}")
    c.setCreator("网安周知识竞赛")
    text = MixedText(c, resolve_font(font_path))
    body = PAGE_W - 2 * 110
    draw_border(c)

    text.centered(data.award, 478, 46, color=NAVY, bold=True, char_space=18)
    text.centered("网络安全知识竞赛证书", 444, 15, color=GOLD, char_space=4)
    draw_rule(c, 426, 150)

    y = text.fitted(data.name, 372, 34, width=body, min_size=20, bold=True)
    if data.organization:
        y = text.fitted(data.organization, y + 6, 14, width=body, min_size=11, color=MUTED)
    contest = f"「{data.event}」{data.contest}" if data.event else f"「{data.contest}」"
    y = text.fitted(f"参加{contest}", min(y - 14, 298), 16, width=body, min_size=13)

    score = f"{score_text(data.score)}（满分{score_text(data.max_score)}）"
    if data.rank is not None:
        of = f" / 共{data.total}人" if data.total else ""
        result = f"得分 {score}    第{data.rank}名{of}"
    else:
        result = f"得分 {score}"
    y = text.fitted(result, min(y - 14, 254), 20, width=body, min_size=13, color=BRAND, bold=True)
    text.centered("特发此证。", min(y - 10, 212), 14, char_space=2)

    # foot: the date on the left; the QR code and how to check the certificate on the right
    if data.date:
        text.draw(f"日期：{format_date(data.date)}", 80, 118, 13)
    text.draw("网安周知识竞赛", 80, 96, 13)

    qr_size = 104
    qr_x = PAGE_W - 78 - qr_size
    draw_qr(c, data.verify_url, qr_x, 66, qr_size)
    right = qr_x - 14
    text.draw("扫码或访问下方网址验证本证书", right, 146, 10, align="right", color=MUTED)
    code = spaced_code(data.code)
    c.setFillColor(NAVY)
    c.setFont(LATIN_BOLD, 15)
    c.drawRightString(right, 118, code)
    label_right = right - pdfmetrics.stringWidth(code, LATIN_BOLD, 15) - 5
    text.draw("验证码", label_right, 118, 12, align="right", color=NAVY)
    url_size = 9.0
    while url_size > 6 and pdfmetrics.stringWidth(data.verify_url, LATIN, url_size) > 320:
        url_size -= 0.5
    c.setFillColor(MUTED)
    c.setFont(LATIN, url_size)
    c.drawRightString(right, 96, data.verify_url)

    c.showPage()
    c.save()
    return buffer.getvalue()
