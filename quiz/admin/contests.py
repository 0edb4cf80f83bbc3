"""Organizer pages for events and contests: list, create/edit/duplicate/delete, week, preview."""

from __future__ import annotations

import secrets

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.common import no_store
from quiz.admin.contest_forms import (
    ContestForm,
    WeekForm,
    initial_data,
    new_contest_data,
)
from quiz.admin.form_fields import options
from quiz.admin.forms import ConfirmForm
from quiz.admin.routes import add_dashboard_link
from quiz.bank.constants import THEMED_DAYS, QuestionType
from quiz.enums import Access, ContestState
from quiz.models import Contest, Event
from quiz.services import DomainError, accounts
from quiz.services import contests as contest_service
from quiz.services.attempts import contest_state
from quiz.services.questions import pickable_questions
from quiz.timeutil import utcnow
from quiz.web.errors import refusals_redirect_to
from quiz.web.guards import manages_contest, manages_event
from quiz.web.templating import labels

# Dashboard tiles for these pages.
add_dashboard_link("admin.contests", _l("活动与比赛"), _l("创建、编辑、预览比赛，实时监控答题"))
add_dashboard_link("admin.new_week", _l("一键创建宣传周"), _l("六个主题日比赛一次建好"))


def _state_of(now):
    """A template helper: upcoming/open/closed of a contest as of ``now``."""
    return lambda contest: contest_state(now, contest.opens_at, contest.closes_at)


@bp.route("/contests")
def contests():
    """活动与比赛: the user's events with their contests, then standalone contests."""
    events, standalone = contest_service.manageable(current_user)
    return render_template(
        "admin/contests/list.html",
        events=events,
        standalone=standalone,
        event_contests=contest_service.event_contests,
        state_of=_state_of(utcnow()),
        state_labels=labels(ContestState),
        days=THEMED_DAYS,
    )


def _form_page(form: ContestForm, contest: Contest | None = None, *, status=200, error=None):
    """Render the contest form with its choices; ``error`` is the service's refusal."""
    form.organization_ids.choices = options(accounts.choices(current_user))
    form.fixed_question_ids.choices = options(pickable_questions())
    locked = contest_service.attempt_count(contest) if contest is not None else 0
    return render_template(
        "admin/contests/form.html",
        form=form,
        contest=contest,
        error=error,
        locked=locked,
        type_labels=labels(QuestionType),
    ), status


def _generated_code(form: ContestForm) -> bool:
    """The 生成新口令 button fills in a fresh code and redisplays the form without saving."""
    if not (form.is_submitted() and form.generate_code.data):
        return False
    form.join_code.data = contest_service.new_join_code()
    form.access.data = Access.CODE
    return True


@bp.route("/contests/new", methods=["GET", "POST"])
def new_contest():
    """Create a standalone contest."""
    form = ContestForm(data=None if request.method == "POST" else new_contest_data(utcnow()))
    if _generated_code(form):
        return _form_page(form)
    if form.validate_on_submit():
        try:
            contest = contest_service.save_contest(None, form.to_values(), actor=current_user)
        except DomainError as error:
            return _form_page(form, status=error.status, error=error.message)
        flash(_("已创建比赛“%(title)s”。", title=contest.title), "success")
        return redirect(url_for("admin.contests"))
    return _form_page(form, status=422 if form.is_submitted() else 200)


@bp.route("/contests/<int:contest_id>/edit", methods=["GET", "POST"])
@manages_contest
def edit_contest(contest: Contest):
    """Edit a contest; its draw is locked once students have attempts (the service refuses)."""
    initial = None if request.method == "POST" else initial_data(contest_service.values_of(contest))
    form = ContestForm(data=initial)
    if _generated_code(form):
        return _form_page(form, contest)
    if form.validate_on_submit():
        values = form.to_values(event_id=contest.event_id)
        try:
            contest_service.save_contest(contest, values, actor=current_user)
        except DomainError as error:
            return _form_page(form, contest, status=error.status, error=error.message)
        flash(_("已保存“%(title)s”。", title=contest.title), "success")
        if contest.event_id:
            return redirect(url_for("admin.event", event_id=contest.event_id))
        return redirect(url_for("admin.contests"))
    return _form_page(form, contest, status=422 if form.is_submitted() else 200)


@bp.route("/contests/<int:contest_id>/duplicate", methods=["POST"])
@refusals_redirect_to("admin.contests")
@manages_contest
def duplicate_contest(contest: Contest):
    """Copy a contest's settings into a new one and open it for editing."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    copy = contest_service.duplicate(contest, actor=current_user)
    flash(_("已复制为“%(title)s”，请修改后保存。", title=copy.title), "success")
    return redirect(url_for("admin.edit_contest", contest_id=copy.id))


@bp.route("/contests/<int:contest_id>/delete", methods=["GET", "POST"])
@refusals_redirect_to("admin.delete_contest")
@manages_contest
def delete_contest(contest: Contest):
    """Ask, then delete a contest; refused (with the reason) once it has attempts."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        attempts = contest_service.attempt_count(contest)
        return render_template(
            "admin/contests/delete.html", contest=contest, form=form, attempts=attempts
        )
    event_id, title = contest.event_id, contest.title
    contest_service.delete(contest, actor=current_user)
    flash(_("已删除“%(title)s”。", title=title), "success")
    if event_id:
        return redirect(url_for("admin.event", event_id=event_id))
    return redirect(url_for("admin.contests"))


@bp.route("/contests/<int:contest_id>/preview")
@manages_contest
def preview_contest(contest: Contest):
    """The paper as a student would see it, drawn with a random seed and recorded nowhere."""
    seed = request.args.get("seed", type=int)
    if seed is None:
        seed = secrets.randbits(62)
    paper, error = contest_service.preview_paper(contest, seed)
    response = render_template(
        "admin/contests/preview.html",
        contest=contest,
        paper=paper,
        seed=seed,
        show_key=request.args.get("key") == "1",
        error=error,
        pool=contest_service.pool_summary(contest),
        refresh_form=ConfirmForm(),
        type_labels=labels(QuestionType),
    )
    # The page may carry the answer key: keep it out of browser and proxy caches.
    return no_store(make_response(response))


@bp.route("/contests/<int:contest_id>/pool/refresh", methods=["POST"])
@refusals_redirect_to("admin.preview_contest")
@manages_contest
def refresh_pool(contest: Contest):
    """更新题池: a fixed pool takes the versions its rules match now (audited); started papers
    keep their snapshot."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    done = contest_service.refresh_pool(contest, actor=current_user, now=utcnow())
    message = _(
        "已更新题池：共%(n)s题，新增%(added)s题，移出%(removed)s题，%(changed)s题换为最新版本。",
        n=done.size,
        added=len(done.added),
        removed=len(done.removed),
        changed=len(done.changed),
    )
    flash(message, "success")
    return redirect(url_for("admin.preview_contest", contest_id=contest.id))


@bp.route("/events/new", methods=["GET", "POST"])
def new_week():
    """One action creates an event with the six themed-day contests."""
    form = WeekForm()
    if form.validate_on_submit():
        try:
            event = contest_service.create_week(
                title=form.title.data,
                start=form.start.data,
                actor=current_user,
                open_now=form.open_now.data,
                now=utcnow(),
                time_limit_seconds=form.time_limit_minutes.data * 60,
                question_count=form.question_count.data,
            )
        except DomainError as error:
            return render_template("admin/contests/week.html", form=form, error=error.message), 422
        flash(_("已创建“%(title)s”的六个主题日比赛。", title=event.title), "success")
        return redirect(url_for("admin.event", event_id=event.id))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/contests/week.html", form=form, error=None), status


@bp.route("/events/<int:event_id>")
@manages_event
def event(event: Event):
    """An event's contests in the seed article's order, ready to edit."""
    return render_template(
        "admin/contests/event.html",
        event=event,
        contests=contest_service.event_contests(event),
        state_of=_state_of(utcnow()),
        state_labels=labels(ContestState),
        days=THEMED_DAYS,
    )
