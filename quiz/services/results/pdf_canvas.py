"""Drawing on the certificate page: the palette, the border and rules, QR codes, and text that
mixes the embedded CJK font with the built-in CID font for characters it lacks.

Font choice itself is :func:`quiz.services.results.pdf_layout.resolve_font`; no Flask in here.
"""

from __future__ import annotations

import functools

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

#: The built-in fallback: Adobe's Song (Ming) CID font for simplified Chinese, not embedded.
CID_FONT = "STSong-Light"
LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"

NAVY = HexColor("#0b1f3a")
BRAND = HexColor("#084785")
GOLD = HexColor("#b8902f")
INK = HexColor("#1c2430")
MUTED = HexColor("#5f6b7a")
PAPER = HexColor("#fffdf7")

PAGE_W, PAGE_H = landscape(A4)  # 841.9 × 595.3 pt


@functools.lru_cache(maxsize=1)
def cid_font() -> str:
    """The built-in CID font, registered once."""
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


class MixedText:
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
        return cid_font() if ord(ch) < 0x10000 else self.cjk

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


def draw_border(c: Canvas) -> None:
    """The paper, a navy frame with a double gold rule inside, and gold corner ornaments."""
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


def draw_rule(c: Canvas, y: float, half: float) -> None:
    """A centred gold rule ``half`` wide on each side, broken by a dot."""
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
