"""Certificates: the printable page and PDF of a counted attempt, and the public check of the
code printed on it (``/verify/<code>``, the URL in every QR code, which never changes)."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, current_app, render_template, url_for
from flask_login import current_user, login_required

from quiz.extensions import db
from quiz.models import Attempt
from quiz.play import bp
from quiz.services import results
from quiz.timeutil import utcnow


def _shown(attempt_id: int):
    """The certificate the current user may see, and its verification URL."""
    found = results.certificate_for(
        attempt_id, current_user, current_app.config["SECRET_KEY"], now=utcnow()
    )
    return found, url_for("play.verify", code=found.code, _external=True)


@bp.route("/certificates/<int:attempt_id>")
@login_required
def certificate_page(attempt_id: int):
    """A printable certificate: for the student themself or an organizer in scope."""
    found, verify_url = _shown(attempt_id)
    return render_template(
        "play/certificate.html", cert=found, qr=results.qr_svg(verify_url), verify_url=verify_url
    )


@bp.route("/certificates/<int:attempt_id>.pdf")
@login_required
def certificate_download(attempt_id: int):
    """The same certificate as an A4 PDF (font: ``CERTIFICATE_FONT_PATH``, see docs/boards.md)."""
    found, verify_url = _shown(attempt_id)
    pdf = results.certificate_pdf(
        found, verify_url, font_path=current_app.config["CERTIFICATE_FONT_PATH"]
    )
    response = Response(pdf, mimetype="application/pdf")
    ascii_name = f"certificate-{found.attempt.id}.pdf"
    utf8_name = results.download_name(found)
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(utf8_name, safe='')}"
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/verify/<code>")
def verify(code: str):
    """Public check of a certificate code: masked name, contest, score and rank."""
    secret = current_app.config["SECRET_KEY"]
    attempt_id = results.attempt_for_code(code, secret)
    attempt = db.session.get(Attempt, attempt_id) if attempt_id else None
    found = results.certificate(attempt, secret, masked=True) if attempt else None
    return render_template("play/verify.html", cert=found, code=code), (200 if found else 404)
