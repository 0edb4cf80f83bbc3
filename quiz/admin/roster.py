"""Roster import: upload a class list, see the initial passwords once, download them once."""

from __future__ import annotations

from io import BytesIO

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.common import flash_upload_error, no_store, render_secret
from quiz.admin.forms import ConfirmForm, RosterForm
from quiz.admin.jobs import start as start_job
from quiz.models import OrgLevel
from quiz.services import DomainError, accounts
from quiz.services.accounts import choices
from quiz.services.spreadsheets import write_csv_bom
from quiz.timeutil import to_local, utcnow
from quiz.web.settings import hash_method


@bp.route("/roster", methods=["GET", "POST"])
def roster_upload():
    """Upload a CSV/XLSX roster into a school; nothing is created unless every row is valid."""
    form = RosterForm()
    form.school_id.choices = [(0, _("请选择学校/单位"))] + choices(
        current_user, levels=(OrgLevel.SCHOOL,)
    )
    if not form.is_submitted():  # "导入学生名单" on a school's page preselects it
        form.school_id.data = request.args.get("school", 0, type=int)
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            planned = _plan_upload(form)
            if len(planned) > accounts.ROSTER_JOB_ROWS:
                job = _start_job(form, planned)
                return redirect(url_for("admin.job_status", job_id=job.id))
            staged = accounts.stage_roster(
                form.school_id.data, _filename(form), planned, hash_method=hash_method()
            )
            result = accounts.commit_roster(current_user, staged, now=utcnow())
        except DomainError as error:
            if error.status in (403, 404):  # a school outside the user's unit: not a form error
                raise
            problems = flash_upload_error(error)
        else:
            flash(_("已导入%(count)s名学生。", count=result.created), "success")
            return redirect(url_for("admin.roster_result", token=result.token))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/roster/upload.html", form=form, problems=problems), status


def _filename(form: RosterForm) -> str:
    return form.file.data.filename or ""


def _plan_upload(form: RosterForm) -> list[accounts.PlannedAccount]:
    """Validate the uploaded roster and choose usernames (fast; errors go back to the form)."""
    return accounts.plan_roster(
        current_user,
        form.school_id.data,
        _filename(form),
        form.file.data.read(),
        prefix=form.prefix.data or "",
    )


def _start_job(form: RosterForm, planned: list[accounts.PlannedAccount]):
    """A big roster: hash and commit in a background job; the organizer watches its page."""
    school_id, filename, method = form.school_id.data, _filename(form), hash_method()

    def work(actor, progress) -> dict:
        staged = accounts.stage_roster(
            school_id, filename, planned, hash_method=method, progress=progress
        )
        result = accounts.commit_roster(actor, staged, now=utcnow(), commit=False)
        return {"token": result.token, "created": result.created}

    return start_job("roster", work, total=len(planned))


@bp.route("/roster/<token>")
def roster_result(token: str):
    """The imported batch: passwords on the first view only, then only the one-time download."""
    pending, first_view = accounts.view_credentials(current_user, token, utcnow())
    return render_secret(
        "admin/roster/result.html",
        pending=pending,
        show_passwords=first_view,
        header=accounts.CREDENTIAL_HEADER,
        form=ConfirmForm(),
    )


@bp.route("/roster/<token>/download", methods=["POST"])
def roster_download(token: str):
    """The passwords as CSV (UTF-8 with BOM); the server forgets them as it sends them."""
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("admin.roster_result", token=token))
    label, rows = accounts.take_credentials(current_user, token, utcnow())
    stamp = to_local(utcnow()).strftime("%Y%m%d-%H%M")
    response = send_file(
        BytesIO(write_csv_bom(rows)),
        mimetype="text/csv; charset=utf-8",
        as_attachment=True,
        download_name=f"初始密码-{label.replace('/', '-')}-{stamp}.csv",
    )
    return no_store(response)
