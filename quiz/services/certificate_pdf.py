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
"""

from __future__ import annotations

import functools
import io
import logging
import os
import threading
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

#: The built-in fallback: Adobe's Song (Ming) CID font for simplified Chinese, not embedded.
CID_FONT = "STSong-Light"
LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"

#: TrueType CJK fonts at their Debian paths, tried in order (index 0 of a .ttc collection).
CANDIDATE_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)

#: Characters a usable CJK font must have (the fixed wording of the certificate).
REQUIRED = "荣誉证书网络安全知识竞赛成绩证明得分排名第验码"

NAVY = HexColor("#0b1f3a")
BRAND = HexColor("#084785")
GOLD = HexColor("#b8902f")
INK = HexColor("#1c2430")
MUTED = HexColor("#5f6b7a")
PAPER = HexColor("#fffdf7")

PAGE_W, PAGE_H = landscape(A4)  # 841.9 × 595.3 pt

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
    verify_url: str


def format_score(value: float) -> str:
    """18.0 → "18", 17.5 → "17.5" (scores are kept to 4 decimals)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


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


@functools.lru_cache(maxsize=1)
def _cid_font() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


def resolve_font(font_path: str | None) -> str:
    """The registered name of the CJK font to use (see the module docstring for the order)."""
    for path in ([font_path] if font_path else []) + list(CANDIDATE_FONTS):
        name = _load_ttf(path)
        if name:
            return name
    return _cid_font()


class _Text:
    """Draws mixed text: each character in the CJK font, or else in the CID font.

    A character the embedded font lacks (a rare name character such as 䶮) falls back to
    ``STSong-Light``, which covers GB 18030's BMP part; ASCII stays in the CJK font so digits
    and letters match the surrounding text.
    """

    def __init__(self, c: Canvas, cjk: str):
        self.c = c
        self.cjk = cjk
        font = pdfmetrics.getFont(cjk)
        self._cmap = font.face.charToGlyph if isinstance(font, TTFont) else None

    def _font_of(self, ch: str) -> str:
        if self._cmap is None or ord(ch) in self._cmap or ch.isspace():
            return self.cjk
        # the CID font is addressed in UCS-2: a character beyond the BMP would come out as two
        # wrong glyphs, so it stays in the embedded font (an empty box) instead
        return _cid_font() if ord(ch) < 0x10000 else self.cjk

    def runs(self, text: str) -> list[tuple[str, str]]:
        if self._cmap is None:
            # CID font only: keep it to the BMP (see above); U+25A1 marks a missing character
            text = "".join(ch if ord(ch) < 0x10000 else "\u25a1" for ch in text)
            return [(self.cjk, text)] if text else []
        runs: list[tuple[str, str]] = []
        for ch in text:
            font = self._font_of(ch)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return runs

    def width(self, text: str, size: float, char_space: float = 0.0) -> float:
        glyphs = sum(pdfmetrics.stringWidth(part, font, size) for font, part in self.runs(text))
        return glyphs + char_space * max(len(text) - 1, 0)

    def draw(
        self,
        text: str,
        x: float,
        y: float,
        size: float,
        *,
        align: str = "left",
        color=INK,
        bold: bool = False,
        char_space: float = 0.0,
    ) -> None:
        """One line at ``y``; ``x`` is its left end, center or right end as ``align`` says.

        ``bold`` strokes the outline as well (the CJK fonts have no bold face).
        """
        width = self.width(text, size, char_space)
        left = {"left": x, "center": x - width / 2, "right": x - width}[align]
        c = self.c
        c.saveState()  # character spacing and render mode are graphics state in PDF
        t = c.beginText(left, y)
        t.setFillColor(color)
        if char_space:
            t.setCharSpace(char_space)
        if bold:
            c.setStrokeColor(color)
            c.setLineWidth(size / 40)
            t.setTextRenderMode(2)
        for font, part in self.runs(text):
            t.setFont(font, size)
            t.textOut(part)
        c.drawText(t)
        c.restoreState()

    def centered(self, text: str, y: float, size: float, **style) -> None:
        self.draw(text, PAGE_W / 2, y, size, align="center", **style)

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        """``text`` in lines no wider than ``width`` (CJK text may break anywhere)."""
        lines, line = [], ""
        for ch in text:
            if line and self.width(line + ch, size) > width:
                lines.append(line)
                line = ch.lstrip()
            else:
                line += ch
        return lines + [line] if line else lines

    def fitted(
        self,
        text: str,
        y: float,
        size: float,
        *,
        width: float,
        min_size: float,
        leading: float = 1.35,
        **style,
    ) -> float:
        """Center ``text`` at ``y``, shrunk down to ``min_size`` and then wrapped to ``width``.

        Returns the baseline one line below the last line drawn.
        """
        while size > min_size and self.width(text, size) > width:
            size -= 1
        for line in self.wrap(text, size, width):
            self.centered(line, y, size, **style)
            y -= size * leading
        return y


def _border(c: Canvas) -> None:
    c.setFillColor(PAPER)
    c.rect(0, 0, PAGE_W, PAGE_H, stroke=0, fill=1)
    c.setStrokeColor(NAVY)
    c.setLineWidth(5)
    c.rect(22, 22, PAGE_W - 44, PAGE_H - 44)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.2)
    c.rect(32, 32, PAGE_W - 64, PAGE_H - 64)
    c.setLineWidth(0.6)
    c.rect(36, 36, PAGE_W - 72, PAGE_H - 72)
    # corner ornaments: a gold square set on its point, inside each corner
    c.setFillColor(GOLD)
    for x, y in ((36, 36), (PAGE_W - 36, 36), (36, PAGE_H - 36), (PAGE_W - 36, PAGE_H - 36)):
        path = c.beginPath()
        path.moveTo(x, y - 7)
        path.lineTo(x + 7, y)
        path.lineTo(x, y + 7)
        path.lineTo(x - 7, y)
        path.close()
        c.drawPath(path, stroke=0, fill=1)


def _rule(c: Canvas, y: float, half: float) -> None:
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    c.line(PAGE_W / 2 - half, y, PAGE_W / 2 - 6, y)
    c.line(PAGE_W / 2 + 6, y, PAGE_W / 2 + half, y)
    c.setFillColor(GOLD)
    c.circle(PAGE_W / 2, y, 2.2, stroke=0, fill=1)


def draw_qr(c: Canvas, url: str, x: float, y: float, size: float) -> None:
    """A QR code for ``url`` as vector squares, lower-left corner at (x, y), quiet zone included."""
    import segno

    qr = segno.make(url, error="m")
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=2)]
    module = size / len(rows)
    c.setFillColor(white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(NAVY)
    for r, row in enumerate(rows):
        top = y + size - (r + 1) * module
        start = None
        for col, dark in enumerate([*row, False]):  # one rectangle per run of dark modules
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                c.rect(x + start * module, top, (col - start) * module, module, stroke=0, fill=1)
                start = None


def render_certificate_pdf(
    data: CertificateData, *, font_path: str | None, compress: bool = True
) -> bytes:
    """The certificate as PDF bytes. ``compress=False`` leaves the page stream readable."""
    with _LOCK:
        return _render(data, font_path=font_path, compress=compress)


def _render(data: CertificateData, *, font_path: str | None, compress: bool) -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1 if compress else 0)
    c.setTitle(f"荣誉证书 {data.name}")
    c.setSubject(f"{data.contest} · 验证码 {data.code}")
    c.setCreator("网安周知识竞赛")
    text = _Text(c, resolve_font(font_path))
    body = PAGE_W - 2 * 110
    _border(c)

    text.centered("荣誉证书", 478, 46, color=NAVY, bold=True, char_space=18)
    text.centered("网络安全知识竞赛成绩证明", 444, 15, color=GOLD, char_space=4)
    _rule(c, 426, 150)

    y = text.fitted(data.name, 372, 34, width=body, min_size=20, bold=True)
    if data.organization:
        y = text.fitted(data.organization, y + 6, 14, width=body, min_size=11, color=MUTED)
    contest = f"「{data.event}」{data.contest}" if data.event else f"「{data.contest}」"
    y = text.fitted(f"参加{contest}", min(y - 14, 298), 16, width=body, min_size=13)

    score = f"{format_score(data.score)} / {format_score(data.max_score)} 分"
    if data.rank is not None:
        result = f"得分 {score}    排名 第 {data.rank} 名"
    else:
        result = f"得分 {score}    成绩有效"
    y = text.fitted(result, min(y - 14, 254), 22, width=body, min_size=14, color=BRAND, bold=True)
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
