"""Certificates: the printable page and PDF of a counted attempt or of a student's place on a
themed day's or the week's board, and the public check of the code printed on it
(``/verify/<code>``, the URL in every QR code, which never changes). Until a board is final
the certificate pages explain when it will be issued (200), never a bare conflict."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, current_app, redirect, render_template, url_for
from flask_login import current_user, login_required

from quiz.play import bp
from quiz.services import results
from quiz.timeutil import utcnow
from quiz.web.settings import grace_seconds


def _secret() -> str:
    return current_app.config["SECRET_KEY"]


def _contest_certificate(attempt_id: int):
    return results.certificate_for(
        attempt_id, current_user, _secret(), now=utcnow(), grace=grace_seconds()
    )


def _board_certificate(event_id: int, board: str, user_id: int | None = None):
    user_id = current_user.id if user_id is None else user_id
    return results.event_certificate_for(
        event_id, board, user_id, current_user, _secret(), now=utcnow(), grace=grace_seconds()
    )


def _page(found, pdf_url: str, card_url: str | None = None):
    """The certificate page, or the "not issued yet" page while its board is not final."""
    if isinstance(found, results.Pending):
        return render_template("play/certificate_pending.html", pending=found)
    verify_url = url_for("play.verify", code=found.code, _external=True)
    return render_template(
        "play/certificate.html",
        cert=found,
        qr=results.qr_svg(verify_url),
        verify_url=verify_url,
        pdf_url=pdf_url,
        card_url=card_url,
    )


def _card(found, page_url: str):
    """The shareable score card (drawn by static/js/scorecard.js from the JSON it embeds), or
    the "not issued yet" page: the QR verifies only an issued certificate."""
    if isinstance(found, results.Pending):
        return render_template("play/certificate_pending.html", pending=found)
    verify_url = url_for("play.verify", code=found.code, _external=True)
    card = results.score_card(found, verify_url, current_user)
    return render_template("play/score_card.html", card=card, page_url=page_url)


def _pdf(found, page_url: str, ascii_name: str):
    """The certificate as an A4 PDF (font: ``CERTIFICATE_FONT_PATH``, see docs/boards.md)."""
    if isinstance(found, results.Pending):
        return redirect(page_url, code=303)
    verify_url = url_for("play.verify", code=found.code, _external=True)
    pdf = results.certificate_pdf(
        found, verify_url, font_path=current_app.config["CERTIFICATE_FONT_PATH"]
    )
    response = Response(pdf, mimetype="application/pdf")
    utf8_name = results.download_name(found)
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(utf8_name, safe='')}"
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/certificates/<int:attempt_id>")
@login_required
def certificate_page(attempt_id: int):
    """A printable certificate: for the student themself or an organizer in scope."""
    pdf_url = url_for("play.certificate_download", attempt_id=attempt_id)
    found = _contest_certificate(attempt_id)
    own = getattr(getattr(found, "attempt", None), "user_id", None) == current_user.id
    card_url = url_for("play.score_card", attempt_id=attempt_id) if own else None
    return _page(found, pdf_url, card_url)


@bp.route("/certificates/<int:attempt_id>.pdf")
@login_required
def certificate_download(attempt_id: int):
    """The same certificate as an A4 PDF."""
    page_url = url_for("play.certificate_page", attempt_id=attempt_id)
    return _pdf(_contest_certificate(attempt_id), page_url, f"certificate-{attempt_id}.pdf")


@bp.route("/certificates/<int:attempt_id>/card")
@login_required
def score_card(attempt_id: int):
    """The student's own score card: an image to save and share (contest, score, rank, QR)."""
    page_url = url_for("play.certificate_page", attempt_id=attempt_id)
    return _card(_contest_certificate(attempt_id), page_url)


@bp.route("/certificates/events/<int:event_id>/<board>/card")
@login_required
def board_score_card(event_id: int, board: str):
    """The student's own score card of a themed day or the week."""
    page_url = url_for("play.board_certificate", event_id=event_id, board=board)
    return _card(_board_certificate(event_id, board), page_url)


@bp.route("/certificates/events/<int:event_id>/<board>")
@login_required
def board_certificate(event_id: int, board: str):
    """The current student's certificate of a themed day (``board`` a day code) or the week."""
    pdf_url = url_for("play.board_certificate_download", event_id=event_id, board=board)
    card_url = url_for("play.board_score_card", event_id=event_id, board=board)
    return _page(_board_certificate(event_id, board), pdf_url, card_url)


@bp.route("/certificates/events/<int:event_id>/<board>.pdf")
@login_required
def board_certificate_download(event_id: int, board: str):
    """The same as an A4 PDF."""
    page_url = url_for("play.board_certificate", event_id=event_id, board=board)
    ascii_name = f"certificate-{event_id}-{board}.pdf"
    return _pdf(_board_certificate(event_id, board), page_url, ascii_name)


@bp.route("/verify/<code>")
def verify(code: str):
    """Public check of a certificate code: masked name, contest, score, rank and award."""
    found = results.verified(code, _secret(), now=utcnow(), grace=grace_seconds())
    return render_template("play/verify.html", cert=found, code=code), (200 if found else 404)
