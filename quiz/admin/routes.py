"""Organizer dashboard, and the list of links other admin pages add themselves to."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.admin import bp


@dataclass(frozen=True)
class DashboardLink:
    endpoint: str
    label: str
    hint: str
    admin_only: bool = False


#: Tiles on the dashboard, in order. Other admin modules (bank, contests) call
#: :func:`add_dashboard_link` at import time instead of editing the dashboard view.
DASHBOARD_LINKS: list[DashboardLink] = [
    DashboardLink("admin.organizations", _l("单位管理"), _l("地区、学校、班级的树形结构")),
    DashboardLink("admin.students", _l("学生管理"), _l("查找学生、重置密码、测试账号")),
    DashboardLink("admin.roster_upload", _l("批量导入学生"), _l("从 CSV/XLSX 名单创建账号")),
    DashboardLink("admin.staff", _l("账号管理"), _l("创建组织者和管理员"), admin_only=True),
]


def add_dashboard_link(endpoint: str, label, hint, *, admin_only: bool = False) -> None:
    """Add a tile (label and hint as lazy_gettext strings) unless the endpoint is already there."""
    if all(link.endpoint != endpoint for link in DASHBOARD_LINKS):
        DASHBOARD_LINKS.append(DashboardLink(endpoint, label, hint, admin_only))


@bp.route("/")
def dashboard():
    """Organizer home: links to organizations, students, rosters and (admins) accounts."""
    links = [
        {"url": url_for(link.endpoint), "label": str(link.label), "hint": str(link.hint)}
        for link in DASHBOARD_LINKS
        if current_user.is_admin or not link.admin_only
    ]
    return render_template("admin/dashboard.html", admin_links=links)
