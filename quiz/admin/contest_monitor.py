"""Live monitor of a contest's attempts, one attempt's records, and extend/void actions."""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.attempt_forms import ExtendForm, VoidForm
from quiz.enums import AttemptStatus, ContestState
from quiz.models import Contest
from quiz.services import DomainError, results
from quiz.services import attempts as attempt_service
from quiz.services.accounts import choices, managed_ids
from quiz.services.attempts import contest_state
from quiz.services.results import IdentityView
from quiz.timeutil import iso_utc, utcnow
from quiz.web.guards import managed_attempt, manages_contest
from quiz.web.settings import grace_seconds
from quiz.web.templating import label, labels

AUDIT_LABELS = {"attempt.extend": _l("延长时间"), "attempt.void": _l("作废")}
REFRESH_SECONDS = 10


@bp.route("/contests/<int:contest_id>/monitor")
@manages_contest
def monitor_contest(contest: Contest):
    """Every attempt with its live status; monitor.js refreshes the table every 10 s."""
    now = utcnow()
    rows = results.monitor_rows(
        contest, now=now, grace_seconds=grace_seconds(), scope=managed_ids(current_user)
    )
    return render_template(
        "admin/contests/monitor.html",
        contest=contest,
        rows=rows,
        counts=results.status_counts(rows),
        status_labels=labels(AttemptStatus),
        state=contest_state(now, contest.opens_at, contest.closes_at),
        state_labels=labels(ContestState),
        now=now,
        refresh_seconds=REFRESH_SECONDS,
    )


@bp.route("/contests/<int:contest_id>/monitor.json")
@manages_contest
def monitor_json(contest: Contest):
    """The monitor table as JSON (read-only: overdue attempts show as expired, nothing is written)."""
    now = utcnow()
    rows = results.monitor_rows(
        contest, now=now, grace_seconds=grace_seconds(), scope=managed_ids(current_user)
    )
    payload = []
    for row in rows:
        item = row.as_json()
        item["status_label"] = label(AttemptStatus, row.status, row.status)
        item["url"] = url_for("admin.attempt_detail", attempt_id=row.attempt_id)
        payload.append(item)
    response = jsonify(
        {"now": iso_utc(now), "counts": results.status_counts(rows), "attempts": payload}
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _attempt_page(attempt, *, status=200, error=None, extend_form=None, void_form=None):
    """The attempt page; ``error`` is a service refusal shown above everything."""
    now = utcnow()
    who = IdentityView(managed_ids(current_user), dict(choices(None))).of(attempt.user)
    return render_template(
        "admin/contests/attempt.html",
        attempt=attempt,
        who=who,
        contest=attempt.contest,
        status=attempt_service.effective_status(attempt, now, grace_seconds()),
        status_labels=labels(AttemptStatus),
        events=results.integrity_log(attempt),
        audit=results.audit_entries(attempt),
        audit_labels=AUDIT_LABELS,
        answered=len(attempt.answers),
        extend_form=extend_form or ExtendForm(),
        void_form=void_form or VoidForm(),
        error=error,
    ), status


@bp.route("/attempts/<int:attempt_id>")
def attempt_detail(attempt_id: int):
    """One attempt: its times, integrity log and the organizer actions taken on it."""
    return _attempt_page(managed_attempt(attempt_id))


@bp.route("/attempts/<int:attempt_id>/extend", methods=["POST"])
def extend_attempt(attempt_id: int):
    """Give one student more time (recorded in the audit log)."""
    attempt = managed_attempt(attempt_id)
    form = ExtendForm()
    if form.validate_on_submit():
        try:
            attempt_service.extend(
                attempt, form.minutes.data * 60, actor=current_user, now=utcnow()
            )
        except DomainError as error:
            return _attempt_page(attempt, status=error.status, error=error.message)
        else:
            flash(_("已为该学生延长%(n)s分钟。", n=form.minutes.data), "success")
            return redirect(url_for("admin.attempt_detail", attempt_id=attempt.id))
    return _attempt_page(attempt, status=422, extend_form=form)


@bp.route("/attempts/<int:attempt_id>/void", methods=["POST"])
def void_attempt(attempt_id: int):
    """Void an attempt with a reason (recorded in the audit log)."""
    attempt = managed_attempt(attempt_id)
    form = VoidForm()
    if form.validate_on_submit():
        try:
            attempt_service.void(
                attempt, actor=current_user, now=utcnow(), reason=form.reason.data.strip()
            )
        except DomainError as error:
            return _attempt_page(attempt, status=error.status, error=error.message)
        else:
            flash(_("已作废该次答题。"), "success")
            return redirect(url_for("admin.attempt_detail", attempt_id=attempt.id))
    return _attempt_page(attempt, status=422, void_form=form)
