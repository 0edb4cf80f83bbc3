"""Organizer results (exports, item statistics, voiding a question) and certificates.

Organizer routes check the role and the contest's (or event's) scope; certificates are shown to
their student and to organizers in scope; ``/verify/<code>`` is public and shows masked data.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from quiz.bank.constants import THEMED_DAYS
from quiz.boards import bp, common
from quiz.boards.admin_routes import managed_contest, organizer_view
from quiz.boards.forms import ConfirmForm
from quiz.extensions import db
from quiz.models import Attempt, Event
from quiz.services import DomainError
from quiz.services.accounts import managed_ids
from quiz.services.boards import BoardRef, viewer_for
from quiz.services.results import (
    FORMATS,
    attempt_for_code,
    board_rows,
    certificate,
    certificate_pdf,
    contest_statistics,
    download_name,
    qr_svg,
    render,
    results_rows,
    void_question,
)


def _download(rows, fmt: str, filename: str) -> Response:
    if fmt not in FORMATS:
        abort(404)
    data, mimetype = render(rows, fmt)
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f"attachment; filename={filename}.{fmt}"
    response.headers["Cache-Control"] = "no-store"
    return response


def _bank_link(question_id: int) -> str | None:
    """The bank editor's URL for a question, if that page exists in this build."""
    if "admin.bank_question" in current_app.view_functions:
        return url_for("admin.bank_question", question_id=question_id)
    return None


@bp.route("/contests/<int:contest_id>/results")
@organizer_view
def results(contest_id: int):
    """Results and analytics: distribution, item statistics with flags, charts, exports."""
    contest = managed_contest(contest_id)
    stats = contest_statistics(contest, now=common.now(), grace_seconds=common.grace())
    chart = {
        "distribution": {"labels": [b for b, _n in stats.distribution],
                         "counts": [n for _b, n in stats.distribution]},
        "questions": {"labels": [f"#{i.question_id}" for i in stats.items],
                  "correct": [round((i.correct_rate or 0) * 100, 1) for i in stats.items]},
    }  # fmt: skip
    return render_template(
        "boards/results.html",
        contest=contest,
        stats=stats,
        chart=chart,
        bank_link=_bank_link,
        form=ConfirmForm(),
    )


@bp.route("/contests/<int:contest_id>/participation.json")
@organizer_view
def participation(contest_id: int):
    """Chart data: participants per school on this contest (and per day of its event)."""
    from quiz.services.boards import org_board_page

    contest = managed_contest(contest_id)
    kwargs = dict(offset=0, limit=200, now=common.now(), grace=common.grace(),
                  cache=common.cache(), min_participants=common.min_participants())  # fmt: skip
    viewer = viewer_for(current_user, contest)
    schools = org_board_page(BoardRef("contest", contest_id=contest.id), "school", viewer, **kwargs)
    days = {}
    if contest.event_id:
        for code, name in THEMED_DAYS.items():
            ref = BoardRef("day", event_id=contest.event_id, day=code)
            board = org_board_page(ref, "region", viewer, **kwargs)
            days[name] = sum(row["participants"] for row in board["rows"])
    return {
        "schools": {
            "labels": [row["name"] for row in schools["rows"]],
            "participants": [row["participants"] for row in schools["rows"]],
            "rates": [round(row["participation_rate"] * 100, 1) for row in schools["rows"]],
        },
        "days": {"labels": list(days), "participants": list(days.values())},
    }


@bp.route("/contests/<int:contest_id>/export/<kind>.<fmt>")
@organizer_view
def export_contest(contest_id: int, kind: str, fmt: str):
    """``board`` (the live board, full names) or ``results`` (every attempt and answer)."""
    contest = managed_contest(contest_id)
    now, grace = common.now(), common.grace()
    if kind == "board":
        ref = BoardRef("contest", contest_id=contest.id)
        rows = board_rows(ref, viewer_for(current_user, contest), now=now, grace=grace)
    elif kind == "results":
        rows = results_rows(contest, now=now, grace=grace)
    else:
        abort(404)
    return _download(rows, fmt, f"contest-{contest.id}-{kind}")


@bp.route("/events/<int:event_id>/export/<board>.<fmt>")
@organizer_view
def export_event(event_id: int, board: str, fmt: str):
    """The week board (``week``) or a themed day's board (its code) of an event."""
    event = db.session.get(Event, event_id) or abort(404)
    scope = managed_ids(current_user)
    if scope is not None and event.organization_id not in scope:
        abort(403)
    if board == "week":
        ref = BoardRef("week", event_id=event.id)
    elif board in THEMED_DAYS:
        ref = BoardRef("day", event_id=event.id, day=board)
    else:
        abort(404)
    rows = board_rows(ref, viewer_for(current_user, event), now=common.now(), grace=common.grace())
    return _download(rows, fmt, f"event-{event.id}-{board}")


@bp.route("/contests/<int:contest_id>/questions/<int:question_id>/void", methods=["POST"])
@organizer_view
def void(contest_id: int, question_id: int):
    """Void a flawed question: every attempt is rescored and the boards rebuilt (audited)."""
    contest = managed_contest(contest_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    reason = (request.form.get("reason") or "").strip()[:200]
    try:
        changes = void_question(
            contest, question_id, actor=current_user, now=common.now(), reason=reason
        )
    except DomainError as error:
        flash(error.message, "danger")
    else:
        flash(f"已作废第 {question_id} 题，重新计分 {len(changes)} 份答卷。", "success")
    return redirect(url_for("boards.results", contest_id=contest.id))


def _shown_certificate(attempt_id: int):
    """The certificate the current user may see, and its verification URL; else abort.

    The student themself, organizers whose scope holds the student's unit, and admins; withheld
    (409) while the contest is frozen, 404 when the attempt does not count on the board.
    """
    attempt = db.session.get(Attempt, attempt_id) or abort(404)
    if attempt.user_id != current_user.id:
        scope = managed_ids(current_user) if current_user.is_organizer else set()
        if scope is not None and attempt.user.organization_id not in scope:
            abort(403)
    contest = attempt.contest
    if contest.freeze_at and contest.freeze_at <= common.now():
        abort(409)  # the rank is not public until the board is unfrozen
    found = certificate(attempt, current_app.config["SECRET_KEY"])
    if found is None:
        abort(404)
    return found, url_for("boards.verify", code=found.code, _external=True)


@bp.route("/certificates/<int:attempt_id>")
@login_required
def certificate_page(attempt_id: int):
    """A printable certificate: for the student themself or an organizer in scope."""
    found, verify_url = _shown_certificate(attempt_id)
    return render_template(
        "boards/certificate.html", cert=found, qr=qr_svg(verify_url), verify_url=verify_url
    )


@bp.route("/certificates/<int:attempt_id>.pdf")
@login_required
def certificate_download(attempt_id: int):
    """The same certificate as an A4 PDF (font: ``CERTIFICATE_FONT_PATH``, see docs/boards.md)."""
    found, verify_url = _shown_certificate(attempt_id)
    font_path = current_app.config.get("CERTIFICATE_FONT_PATH") or None
    pdf = certificate_pdf(found, verify_url, font_path=font_path)
    response = Response(pdf, mimetype="application/pdf")
    ascii_name = f"certificate-{found.attempt.id}.pdf"
    utf8_name = download_name(found)
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(utf8_name, safe='')}"
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


def verify(code: str):
    """Public check of a certificate code: masked name, contest, score and rank."""
    attempt_id = attempt_for_code(code, current_app.config["SECRET_KEY"])
    attempt = db.session.get(Attempt, attempt_id) if attempt_id else None
    found = certificate(attempt, current_app.config["SECRET_KEY"], masked=True) if attempt else None
    return render_template("boards/verify.html", cert=found, code=code), (200 if found else 404)


# /verify/<code> sits at the site root (short URLs in QR codes), outside the /boards prefix.
bp.record_once(lambda state: state.app.add_url_rule("/verify/<code>", "boards.verify", verify))
