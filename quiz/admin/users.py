"""Account pages: the student list, one account's actions, and (admins) staff accounts."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.common import render_secret
from quiz.admin.forms import ConfirmForm, StaffForm, StudentSearchForm, ToggleForm
from quiz.models import Role
from quiz.services import DomainError, accounts
from quiz.services.accounts import choices
from quiz.timeutil import utcnow
from quiz.web.errors import refusals_redirect_to
from quiz.web.guards import admin_required
from quiz.web.settings import hash_method, per_page


@bp.route("/students")
def students():
    """Students in the user's scope: search by name/username, filter by unit, paginated."""
    form = StudentSearchForm(request.args)
    form.org.choices = [(0, _("全部单位"))] + choices(current_user)
    page = accounts.list_students(
        current_user,
        query=form.q.data or "",
        organization_id=form.org.data if form.validate() else None,
        page=request.args.get("page", 1, type=int),
        per_page=per_page(),
    )
    args = {key: value for key, value in request.args.items() if key != "page"}
    return render_template("admin/users/students.html", form=form, page=page, args=args)


@bp.route("/users/<int:user_id>")
def user(user_id: int):
    """One account: its unit, flags and the actions an organizer may take."""
    account = accounts.get_managed_user(current_user, user_id)
    return render_template(
        "admin/users/detail.html",
        account=account,
        confirm_form=ConfirmForm(),
        toggle_form=ToggleForm(),
    )


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@refusals_redirect_to("admin.user")
def reset_password(user_id: int):
    """Issue a new random password, shown once on this response and never again."""
    account = accounts.get_managed_user(current_user, user_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("admin.user", user_id=account.id))
    password = accounts.reset_user_password(current_user, account, hash_method=hash_method())
    return render_secret("admin/users/password.html", account=account, password=password)


@bp.route("/users/locked")
def locked_users():
    """Students in the organizer's scope whose logins are locked out, with an unlock button."""
    rows = accounts.locked_accounts(current_user, now=utcnow())
    return render_template("admin/users/locked.html", rows=rows, confirm_form=ConfirmForm())


@bp.route("/users/<int:user_id>/unlock", methods=["POST"])
@refusals_redirect_to("admin.locked_users")
def unlock_user(user_id: int):
    """Lift the login locks of one student in scope (audited)."""
    account = accounts.get_managed_user(current_user, user_id)
    if ConfirmForm().validate_on_submit():
        accounts.unlock_user(current_user, account)
        flash(_("已为 %(name)s 解锁。", name=account.display_name), "success")
    return redirect(url_for("admin.locked_users"))


@bp.route("/users/<int:user_id>/test-account", methods=["POST"])
@refusals_redirect_to("admin.user")
def set_test_account(user_id: int):
    """Mark or unmark a test account (test accounts never appear on boards)."""
    return _toggle(user_id, accounts.set_test_account)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@refusals_redirect_to("admin.user")
def set_active(user_id: int):
    """Deactivate or reactivate an account."""
    return _toggle(user_id, accounts.set_active)


def _toggle(user_id: int, action):
    account = accounts.get_managed_user(current_user, user_id)
    form = ToggleForm()
    if form.validate_on_submit():
        action(current_user, account, form.value.data == "1")
        flash(_("已保存。"), "success")
    return redirect(url_for("admin.user", user_id=account.id))


@bp.route("/accounts")
@admin_required
def staff():
    """Organizers and admins (admins only)."""
    return render_template(
        "admin/users/staff.html",
        accounts=accounts.list_staff(current_user),
    )


@bp.route("/accounts/new", methods=["GET", "POST"])
@admin_required
def create_staff():
    """An admin creates an organizer or admin; the initial password is shown once."""
    form = StaffForm()
    form.role.choices = [(Role.ORGANIZER.value, _("组织者")), (Role.ADMIN.value, _("管理员"))]
    form.organization_id.choices = [(0, _("（无）"))] + choices(current_user)
    if form.validate_on_submit():
        try:
            account, password = _create_staff_account(form)
        except DomainError as error:
            form.error_field(error.code).errors.append(error.message)
        else:
            return render_secret("admin/users/password.html", account=account, password=password)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/users/staff_form.html", form=form), status


def _create_staff_account(form: StaffForm):
    """Create the account a validated ``form`` describes; returns (account, initial password)."""
    return accounts.create_staff(
        current_user,
        username=form.username.data,
        display_name=form.display_name.data,
        role=form.role.data,
        organization_id=form.organization_id.data,
        password=form.password.data or None,
        must_change_password=form.must_change_password.data,
        hash_method=hash_method(),
    )
