"""Certificates: a printable page per counted attempt with a short verification code and QR.

The code is ``base32(attempt id (4 bytes) + HMAC-SHA256(SECRET_KEY, "certificate:<id>")[:4])``
without padding: 13 characters that name the attempt and cannot be forged without the key
(a guess succeeds with probability 2**-32). ``/verify/<code>`` shows the masked name, the
contest, the score and the rank, so anyone holding a printed certificate can check it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, replace
from datetime import datetime

from quiz.extensions import db
from quiz.models import Attempt, Standing, User
from quiz.services import Conflict, Forbidden, NotFound
from quiz.services.accounts import managed_ids
from quiz.services.boards import SqlSource, mask_name
from quiz.services.results.pdf_layout import CertificateData, render_certificate_pdf
from quiz.timeutil import to_local

MAC_BYTES = 4


def _mac(secret: str, attempt_id: int) -> bytes:
    message = f"certificate:{attempt_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()[:MAC_BYTES]


def code_for(attempt_id: int, secret: str) -> str:
    raw = attempt_id.to_bytes(4, "big") + _mac(secret, attempt_id)
    return base64.b32encode(raw).decode().rstrip("=")


def attempt_for_code(code: str, secret: str) -> int | None:
    """The attempt id a code names, or None for a malformed or forged code."""
    cleaned = (code or "").strip().upper().replace("-", "")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, TypeError):
        return None
    if len(raw) != 4 + MAC_BYTES:
        return None
    attempt_id = int.from_bytes(raw[:4], "big")
    return attempt_id if hmac.compare_digest(raw[4:], _mac(secret, attempt_id)) else None


@dataclass(frozen=True)
class Certificate(CertificateData):
    """What a certificate prints, with the attempt it is for (pages link to it)."""

    attempt: Attempt | None = None
    submitted_at: datetime | None = None  # naive UTC, the counted submission


def certificate(attempt: Attempt, secret: str, *, masked: bool = False) -> Certificate | None:
    """The certificate of an attempt that counts on its contest's (live) board, else None."""
    standing = db.session.get(Standing, (attempt.contest_id, attempt.user_id))
    if standing is None or standing.attempt_id != attempt.id or standing.is_test:
        return None
    source = SqlSource(Standing, contest_id=attempt.contest_id)
    entry = source.get(attempt.user_id)
    rank = source.count_better(entry) + 1 if entry else None
    user = attempt.user
    return Certificate(
        attempt=attempt,
        name=mask_name(user.display_name) if masked else user.display_name,
        organization=user.organization.path if user.organization else "",
        contest=attempt.contest.title,
        event=attempt.contest.event.title if attempt.contest.event else None,
        score=standing.score,
        max_score=standing.max_score,
        rank=rank,
        code=code_for(attempt.id, secret),
        date=to_local(standing.finished_at).date() if standing.finished_at else None,
        submitted_at=standing.finished_at,
    )


def certificate_for(attempt_id: int, viewer: User, secret: str, *, now: datetime) -> Certificate:
    """The certificate of ``attempt_id`` as ``viewer`` may see it.

    Shown to the student themself, to organizers whose scope holds the student's unit and to
    admins; withheld (409) while the contest's board is frozen, since the rank is not public
    yet; NotFound when the attempt does not count on the board.
    """
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None:
        raise NotFound("答题记录不存在。")
    if attempt.user_id != viewer.id:
        scope = managed_ids(viewer) if viewer.is_organizer else set()
        if scope is not None and attempt.user.organization_id not in scope:
            raise Forbidden("您无权查看该证书。")
    freeze_at = attempt.contest.freeze_at
    if freeze_at is not None and freeze_at <= now:
        raise Conflict("榜单已封榜，解封后可查看证书。", code="board_frozen")
    found = certificate(attempt, secret)
    if found is None:
        raise NotFound("该次答题没有计入排行榜，没有证书。")
    return found


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (segno, pure Python)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=4, dark="#0b1f3a")


def certificate_pdf(found: Certificate, verify_url: str, *, font_path: str | None = None) -> bytes:
    """The certificate as an A4 landscape PDF (see :mod:`quiz.services.results.pdf_layout`)."""
    return render_certificate_pdf(replace(found, verify_url=verify_url), font_path=font_path)


def download_name(found: Certificate) -> str:
    """The PDF's UTF-8 file name: 荣誉证书-<name>-<contest>.pdf, without characters that file
    systems or headers reject (path separators, reserved and control characters)."""
    stem = f"荣誉证书-{found.name}-{found.contest}"
    stem = "".join("_" if ch in '/\\:*?"<>|' or not ch.isprintable() else ch for ch in stem)
    return stem.strip(" .")[:100] + ".pdf"
