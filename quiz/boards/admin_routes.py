"""Organizer board tools: freeze/unfreeze a contest's public board.

Every route here checks the organizer role and the contest's scope
(``services.contests.require_manageable``): out-of-scope ids get 403, unknown ids 404.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from quiz.auth.decorators import organizer_required
from quiz.boards import bp, common
from quiz.boards.forms import FreezeForm
from quiz.extensions import db
from quiz.models import Contest
from quiz.services import DomainError
from quiz.services.boards import set_freeze
from quiz.services.contests import require_manageable
from quiz.timeutil import from_local, to_local


def managed_contest(contest_id: int) -> Contest:
    """The contest if the current organizer may manage it; 404/403 otherwise."""
    try:
        return require_manageable(db.session.get(Contest, contest_id), current_user)
    except DomainError as error:
        abort(error.status)


#: Organizer role required: anonymous → 401, students → 403; scope is checked per contest.
organizer_view = organizer_required


@bp.route("/contests/<int:contest_id>/freeze", methods=["GET", "POST"])
@organizer_view
def freeze(contest_id: int):
    """Set or clear the contest's freeze time (封榜 / 解封)."""
    contest = managed_contest(contest_id)
    form = FreezeForm()
    if form.validate_on_submit():
        if form.unfreeze.data:
            when = None
        elif form.freeze_at.data is None:
            when = common.now()
        else:
            when = from_local(form.freeze_at.data)
        try:
            set_freeze(contest, when, actor=current_user, now=common.now())
        except DomainError as error:
            flash(error.message, "danger")
        else:
            flash("已解封，最终榜单已公布。" if when is None else "已封榜。", "success")
            return redirect(url_for("boards.contest_board", contest_id=contest.id))
    elif contest.freeze_at and not form.is_submitted():
        form.freeze_at.data = to_local(contest.freeze_at).replace(tzinfo=None)
    return render_template("boards/freeze.html", contest=contest, form=form)
