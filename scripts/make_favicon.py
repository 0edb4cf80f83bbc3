"""Draw quiz/static/favicon.ico: the brand shield (img/shield.svg) on the brand blue.

Run once when the logo changes (``python scripts/make_favicon.py``); the .ico is committed, so
neither the app nor its tests need Pillow. Drawn at 256 px and scaled down for 16/32/48 px.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "quiz" / "static" / "favicon.ico"
BRAND = (11, 92, 173, 255)
SIZE = 256
SCALE = SIZE / 24  # the SVG's viewBox is 24×24


def _cubic(p0, p1, p2, p3, steps=24):
    """Points along a cubic Bézier (the shield's two curved sides)."""
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        yield (
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        )


def _shield():
    """The outline of ``M12 1 3 5v6c0 5.55 3.84 10.74 9 12 5.16-1.26 9-6.45 9-12V5l-9-4z``."""
    points = [(12, 1), (3, 5), (3, 11)]
    points += _cubic((3, 11), (3, 16.55), (6.84, 21.74), (12, 23))
    points += _cubic((12, 23), (17.16, 21.74), (21, 16.55), (21, 11))
    points += [(21, 5)]
    return [(x * SCALE, y * SCALE) for x, y in points]


def main() -> None:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=SIZE // 6, fill=BRAND)
    draw.polygon(_shield(), fill=(255, 255, 255, 255))
    check = [(10, 17), (6, 13), (7.41, 11.59), (10, 14.17), (16.59, 7.58), (18, 9)]
    draw.polygon([(x * SCALE, y * SCALE) for x, y in check], fill=BRAND)
    image.save(OUT, sizes=[(16, 16), (32, 32), (48, 48)])
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
