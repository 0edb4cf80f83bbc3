"""Personal data pages (admins only): a student's data copy and the erasure of their data."""

from __future__ import annotations

import json

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.common import no_store
from quiz.admin.forms import ConfirmForm, ErasureForm
from quiz.services import accounts
from quiz.timeutil import utcnow
from quiz.web.errors import refusals_redirect_to
from quiz.web.guards import admin_required


@bp.route("/users/<int:user_id>/personal-data", methods=["POST"])
@admin_required
@refusals_redirect_to("admin.user")
def personal_data(user_id: int):
    """Download everything held about one student as JSON (audited: who, whom, when)."""
    account = accounts.get_student_for_privacy(current_user, user_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("admin.user", user_id=account.id))
    now = utcnow()
    copy = accounts.export_personal_data(current_user, account, now=now)
    text = json.dumps(copy, ensure_ascii=False, indent=2) + "\n"
    response = current_app.response_class(text, mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{accounts.copy_filename(account, now)}"'
    )
    return no_store(response)


@bp.route("/users/<int:user_id>/erase", methods=["GET", "POST"])
@admin_required
@refusals_redirect_to("admin.user")
def erase(user_id: int):
    """Confirm, then erase a student's name, username and unit (results stay, anonymized)."""
    account = accounts.get_student_for_privacy(current_user, user_id)
    form = ErasureForm()
    if form.validate_on_submit():
        if form.confirm_username.data.strip().casefold() == account.username:
            name = accounts.erase_personal_data(current_user, account, now=utcnow())
            flash(_("个人信息已注销，该账号现显示为 %(name)s。", name=name), "success")
            return redirect(url_for("admin.user", user_id=account.id))
        form.confirm_username.errors.append(_("用户名不符，未注销。"))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/users/erase.html", account=account, form=form), status
