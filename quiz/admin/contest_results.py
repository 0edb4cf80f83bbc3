"""Organizer tools for a contest's results and board: results and item statistics, the
participation chart, exports, voiding a flawed question and freezing the public board.

Every route sits in the admin blueprint (organizers only) and checks the contest's or event's
scope with ``@manages_contest`` / ``@manages_event``: out-of-scope ids get 403, unknown ones 404.
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.forms import ConfirmForm, FreezeForm
from quiz.bank.constants import THEMED_DAYS
from quiz.models import Contest, Event
from quiz.services import DomainError
from quiz.services.accounts import managed_ids
from quiz.services.boards import BoardRef, board_state, org_board_page, set_freeze
from quiz.services.results import (
    FORMATS,
    board_rows,
    contest_statistics,
    render,
    results_rows,
    void_question,
)
from quiz.timeutil import from_local, to_local, utcnow
from quiz.web.errors import refusals_redirect_to
from quiz.web.guards import manages_contest, manages_event
from quiz.web.settings import board_cache, grace_seconds, min_participants


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
@manages_contest
def results(contest: Contest):
    """Results and analytics: distribution, item statistics with flags, charts, exports."""
    stats = contest_statistics(contest, now=utcnow(), grace_seconds=grace_seconds())
    chart = {
        "distribution": {"labels": [b for b, _n in stats.distribution],
                         "counts": [n for _b, n in stats.distribution]},
        "questions": {"labels": [f"#{i.question_id}" for i in stats.items],
                  "correct": [round((i.correct_rate or 0) * 100, 1) for i in stats.items]},
    }  # fmt: skip
    return render_template(
        "admin/contests/results.html",
        contest=contest,
        stats=stats,
        chart=chart,
        bank_link=_bank_link,
        form=ConfirmForm(),
    )


@bp.route("/contests/<int:contest_id>/participation.json")
@manages_contest
def participation(contest: Contest):
    """Chart data: participants per school on this contest (and per day of its event)."""
    now, grace = utcnow(), grace_seconds()
    page = dict(offset=0, limit=200, now=now, grace=grace, cache=board_cache(),
                min_participants=min_participants())  # fmt: skip

    def units(ref: BoardRef, level: str) -> dict:
        state = board_state(ref, current_user, now=now, grace=grace)
        return org_board_page(state, level, **page)

    schools = units(BoardRef("contest", contest_id=contest.id), "school")
    days = {}
    if contest.event_id:
        for code, name in THEMED_DAYS.items():
            board = units(BoardRef("day", event_id=contest.event_id, day=code), "region")
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
@manages_contest
def export_contest(contest: Contest, kind: str, fmt: str):
    """``board`` (the live board, full names) or ``results`` (every attempt and answer)."""
    now, grace = utcnow(), grace_seconds()
    if kind == "board":
        state = board_state(
            BoardRef("contest", contest_id=contest.id), current_user, now=now, grace=grace
        )
        rows = board_rows(state.ref, state.viewer, now=now, grace=grace)
    elif kind == "results":
        rows = results_rows(contest, now=now, grace=grace, scope=managed_ids(current_user))
    else:
        abort(404)
    return _download(rows, fmt, f"contest-{contest.id}-{kind}")


@bp.route("/events/<int:event_id>/export/<board>.<fmt>")
@manages_event
def export_event(event: Event, board: str, fmt: str):
    """The week board (``week``) or a themed day's board (its code) of an event."""
    if board == "week":
        ref = BoardRef("week", event_id=event.id)
    elif board in THEMED_DAYS:
        ref = BoardRef("day", event_id=event.id, day=board)
    else:
        abort(404)
    now, grace = utcnow(), grace_seconds()
    state = board_state(ref, current_user, now=now, grace=grace)
    return _download(
        board_rows(ref, state.viewer, now=now, grace=grace), fmt, f"event-{event.id}-{board}"
    )


@bp.route("/contests/<int:contest_id>/questions/<int:question_id>/void", methods=["POST"])
@refusals_redirect_to("admin.results")
@manages_contest
def void_contest_question(contest: Contest, question_id: int):
    """Void a flawed question: every attempt is rescored and the boards rebuilt (audited)."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    reason = (request.form.get("reason") or "").strip()[:200]
    changes = void_question(contest, question_id, actor=current_user, now=utcnow(), reason=reason)
    flash(_("已作废第 %(q)s 题，重新计分 %(n)s 份答卷。", q=question_id, n=len(changes)), "success")
    return redirect(url_for("admin.results", contest_id=contest.id))


@bp.route("/contests/<int:contest_id>/freeze", methods=["GET", "POST"])
@manages_contest
def freeze(contest: Contest):
    """Set or clear the contest's freeze time (封榜 / 解封)."""
    form = FreezeForm()
    if form.validate_on_submit():
        if form.unfreeze.data:
            when = None
        elif form.freeze_at.data is None:
            when = utcnow()
        else:
            when = from_local(form.freeze_at.data)
        try:
            set_freeze(contest, when, actor=current_user, now=utcnow())
        except DomainError as error:
            form.freeze_at.errors.append(error.message)
        else:
            flash(_("已解封，最终榜单已公布。") if when is None else _("已封榜。"), "success")
            return redirect(url_for("boards.contest_board", contest_id=contest.id))
    elif contest.freeze_at and not form.is_submitted():
        form.freeze_at.data = to_local(contest.freeze_at).replace(tzinfo=None)
    return render_template("admin/contests/freeze.html", contest=contest, form=form)
