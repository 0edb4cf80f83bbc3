"""Auth routes. Views stay thin: validate the form, call a service, redirect."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from quiz.auth import bp
from quiz.auth.forms import ChangePasswordForm, LoginForm, RegisterForm
from quiz.extensions import db, limiter
from quiz.services import DomainError, accounts
from quiz.services.accounts import (
    LoginThrottled,
    authenticate,
    register_student,
    selectable_for_students,
)
from quiz.timeutil import utcnow
from quiz.web.params import safe_next
from quiz.web.security import start_session
from quiz.web.settings import backoff_policy, hash_method, login_ip_limit, register_ip_limit


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_ip_limit, methods=["POST"], deduct_when=lambda r: r.status_code != 302)
def login():
    """Log in with username and password. The per-IP limit counts failed logins only; the
    backoff is per account and source, so an attack from elsewhere never locks the owner out."""
    if current_user.is_authenticated:
        return redirect(url_for("play.index"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(
                form.username.data,
                form.password.data,
                now=utcnow(),
                policy=backoff_policy(),
                hash_method=hash_method(),
                source=request.remote_addr or "unknown",
            )
        except LoginThrottled as throttled:
            flash(throttled_message(throttled), "danger")
            g.retry_after = throttled.retry_after
            return render_template("auth/login.html", form=form), 429
        if user is None:
            flash(_("用户名或密码不正确。"), "danger")
            return render_template("auth/login.html", form=form), 200
        start_session(user, remember=form.remember.data)
        if user.must_change_password:
            flash(_("这是组织者为您设置的初始密码，请先修改密码。"), "warning")
            return redirect(url_for("auth.change_password"))
        return redirect(safe_next(request.args.get("next")) or url_for("play.index"))
    return render_template("auth/login.html", form=form)


def throttled_message(throttled: LoginThrottled) -> str:
    """The wait, and who can lift it, in the user's language."""
    return _(
        "登录失败次数过多，请在%(seconds)s秒后再试。你的老师可以为你解锁。",
        seconds=throttled.retry_after,
    )


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out (POST with CSRF, so a link on another site cannot log students out)."""
    logout_user()
    flash(_("您已退出登录。"), "info")
    return redirect(url_for("auth.login"))


@bp.route("/logout-everywhere", methods=["POST"])
@login_required
def logout_everywhere():
    """End every session of this account (other phones, lab PCs, stolen cookies)."""
    accounts.bump_session_version(current_user)
    db.session.commit()
    logout_user()
    flash(_("已在所有设备上退出登录。"), "info")
    return redirect(url_for("auth.login"))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_ip_limit, methods=["POST"], deduct_when=lambda r: r.status_code == 302)
def register():
    """Students register themselves, pick their school/class from the tree, and are logged in."""
    if current_user.is_authenticated:
        return redirect(url_for("play.index"))
    form = RegisterForm()
    form.organization_id.choices = [(0, _("请选择学校/班级"))] + selectable_for_students()
    # A closed or unknown unit gets the service's clear message instead of "not a valid choice".
    form.organization_id.validate_choice = False
    if form.validate_on_submit():
        try:
            user = register_student(form.new_user(), hash_method=hash_method(), now=utcnow())
        except DomainError as error:
            field = form.error_field(error.code)
            if field is None:
                flash(error.message, "danger")
            else:
                field.errors.append(form.error_text(error))
            return render_template("auth/register.html", form=form), 422
        start_session(user)  # the password was just typed twice: asking for it again is noise
        flash(_("注册成功，欢迎你，%(name)s！", name=user.display_name), "success")
        return redirect(url_for("play.index"))
    return render_template("auth/register.html", form=form), (422 if form.is_submitted() else 200)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password (forced after an organizer issued one)."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(
                current_user,
                form.current.data,
                form.password.data,
                hash_method=hash_method(),
            )
        except DomainError as error:
            target = form.current if error.code == "wrong_password" else form.password
            target.errors.append(error.message)
            return render_template("auth/password.html", form=form), 422
        start_session(current_user._get_current_object())  # the new version; others ended
        flash(_("密码已修改，其他设备上的登录已失效。"), "success")
        return redirect(url_for("play.index"))
    return render_template("auth/password.html", form=form), (422 if form.is_submitted() else 200)
