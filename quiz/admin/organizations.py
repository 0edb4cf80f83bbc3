"""Organization pages: the tree, one node's actions (create, rename, merge, delete), CSV import."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.common import flash_upload_error
from quiz.admin.forms import (
    ConfirmForm,
    MergeForm,
    OrganizationForm,
    RenameForm,
    ToggleForm,
    UploadForm,
)
from quiz.models import OrgLevel
from quiz.models.accounts import CHILD_LEVEL
from quiz.services import DomainError, accounts
from quiz.services.accounts import ImportReport, import_organization_file, merge


@bp.route("/organizations")
def organizations():
    """The tree of units the user manages, with student counts."""
    return render_template(
        "admin/organizations/tree.html",
        roots=accounts.tree(current_user),
        form=OrganizationForm() if current_user.is_admin else None,
    )


@bp.route("/organizations", methods=["POST"])
def create_region():
    """Admins add a region at the top of the tree."""
    form = OrganizationForm()
    if form.validate_on_submit():
        try:
            org = accounts.create_child(current_user, None, form.name.data)
        except DomainError as error:
            if error.status == 403:  # not an admin: not a form error
                raise
            form.name.errors.append(error.message)
        else:
            flash(_("已新建“%(name)s”。", name=org.name), "success")
            return redirect(url_for("admin.organization", org_id=org.id))
    roots = accounts.tree(current_user)
    return render_template("admin/organizations/tree.html", roots=roots, form=form), 422


def _merge_choices(org) -> list[tuple[int, str]]:
    """Other units of the same level in scope: the only valid merge targets."""
    same_level = accounts.choices(current_user, levels=(org.level,))
    return [(0, _("请选择同级单位"))] + [pair for pair in same_level if pair[0] != org.id]


def _node_page(org, status: int = 200, **forms):
    """Render one node with its forms; forms passed in keep the user's input and errors."""
    forms.setdefault("child_form", OrganizationForm() if CHILD_LEVEL.get(org.level) else None)
    forms.setdefault("rename_form", RenameForm(new_name=org.name))
    forms.setdefault("merge_form", MergeForm()).target_id.choices = _merge_choices(org)
    forms.setdefault("delete_form", ConfirmForm())
    return render_template(
        "admin/organizations/node.html",
        org=org,
        child_level=CHILD_LEVEL.get(org.level),
        **forms,
    ), status


@bp.route("/organizations/<int:org_id>")
def organization(org_id: int):
    """One unit: its children and members count, and the actions on it."""
    org = accounts.get_managed(current_user, org_id)
    return _node_page(org)


@bp.route("/organizations/<int:org_id>/children", methods=["POST"])
def create_child(org_id: int):
    """Add a school under a region, or a class under a school."""

    def add(parent, name):
        child = accounts.create_child(current_user, parent, name)
        return _("已新建“%(name)s”。", name=child.name)

    return _one_field_action(org_id, OrganizationForm(), "name", "child_form", add)


@bp.route("/organizations/<int:org_id>/registration", methods=["POST"])
def set_registration(org_id: int):
    """Open (value 1) or close (value 0) a school or class to self-registration (audited)."""
    org = accounts.get_managed(current_user, org_id)
    form = ToggleForm()
    if form.validate_on_submit():
        accounts.set_registration_closed(current_user, org, form.value.data != "1")
        flash(_("已保存。"), "success")
    return redirect(url_for("admin.organization", org_id=org.id))


@bp.route("/organizations/<int:org_id>/rename", methods=["POST"])
def rename_organization(org_id: int):
    """Rename a unit; sibling names stay unique."""

    def rename(org, name):
        accounts.rename(current_user, org, name)
        return _("已重命名。")

    return _one_field_action(org_id, RenameForm(), "new_name", "rename_form", rename)


def _one_field_action(org_id: int, form, field: str, form_name: str, action):
    """A node form with one name field: run ``action(org, name)`` (it returns the success
    message), then go back to the node; a refusal is shown under the field."""
    org = accounts.get_managed(current_user, org_id)
    if form.validate_on_submit():
        try:
            done = action(org, form[field].data)
        except DomainError as error:
            form[field].errors.append(error.message)
        else:
            flash(done, "success")
            return redirect(url_for("admin.organization", org_id=org.id))
    return _node_page(org, 422, **{form_name: form})


@bp.route("/organizations/<int:org_id>/merge", methods=["POST"])
def merge_organization(org_id: int):
    """Move everything of this unit into another unit of the same level, then delete it."""
    source = accounts.get_managed(current_user, org_id)
    form = MergeForm()
    if form.validate_on_submit() and form.target_id.data:
        # The target is looked up in scope here: an id from outside the unit is refused (403).
        target = accounts.get_managed(current_user, form.target_id.data)
        try:
            report = merge(current_user, source, target)
        except DomainError as error:
            form.target_id.errors.append(error.message)
        else:
            flash(
                _(
                    "已合并：移入%(members)s个账号、%(units)s个下级单位。",
                    members=report.members,
                    units=report.units,
                ),
                "success",
            )
            return redirect(url_for("admin.organization", org_id=target.id))
    elif form.is_submitted() and not form.errors:  # valid form, but "请选择同级单位" (0)
        form.target_id.errors.append(_("请选择目标单位。"))
    return _node_page(source, 422, merge_form=form)


@bp.route("/organizations/<int:org_id>/delete", methods=["POST"])
def delete_organization(org_id: int):
    """Delete an empty unit."""
    org = accounts.get_managed(current_user, org_id)
    parent = org.parent if accounts.can_manage(current_user, org.parent) else None
    if ConfirmForm().validate_on_submit():
        try:
            accounts.remove(current_user, org)
        except DomainError as error:
            if error.status == 403:
                raise
            flash(error.message, "danger")
            return _node_page(org, 409)
        flash(_("已删除。"), "success")
    if parent is not None:
        return redirect(url_for("admin.organization", org_id=parent.id))
    return redirect(url_for("admin.organizations"))


@bp.route("/organizations/import", methods=["GET", "POST"])
def import_organizations_page():
    """Create many units from a CSV/XLSX of paths; all-or-nothing, safe to repeat."""
    form = UploadForm()
    problems: list[str] = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            report = import_organization_file(current_user, upload.filename or "", upload.read())
        except DomainError as error:
            problems = flash_upload_error(error)
        else:
            flash(_imported_message(report), "success")
            return redirect(url_for("admin.organizations"))
    status = 422 if form.is_submitted() else 200
    return render_template(
        "admin/organizations/import.html", form=form, problems=problems, levels=OrgLevel
    ), status


def _imported_message(report: ImportReport) -> str:
    """The success message after an import: units created and rows that already existed."""
    return _(
        "导入完成：新建%(created)s个单位，%(existing)s行已存在。",
        created=report.created,
        existing=report.existing,
    )
