"""Reading what a generated PDF shows, without a PDF library."""

from __future__ import annotations

import base64
import re
import zlib


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


#: PDF string escapes and the bytes they stand for.
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
