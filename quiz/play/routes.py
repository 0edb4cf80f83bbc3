"""Student routes before a quiz: home, the contest list, a contest's page, join code, start."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quiz.enums import Disclosure
from quiz.extensions import db, limiter
from quiz.models import Contest
from quiz.play import bp
from quiz.play.forms import JoinCodeForm, StartForm
from quiz.services.attempts import ContestCard, contest_card, contest_list, start_attempt
from quiz.services.contests import build_paper, check_join_code, remember_entry
from quiz.timeutil import utcnow
from quiz.web.errors import refusals_redirect_to
from quiz.web.security import join_code_failed, join_code_key
from quiz.web.settings import grace_seconds, join_code_limit


#: Wrong join codes per student (right ones redirect and are not counted).
@bp.route("/")
def index():
    """Home: the contest list for students, the introduction for everyone else."""
    if current_user.is_authenticated and not current_user.is_organizer:
        return contests()
    return render_template("play/index.html")


@bp.route("/contests")
@login_required
def contests():
    """Open contests (time left), upcoming ones (countdown) and closed ones (results)."""
    now = utcnow()
    board = contest_list(current_user, session, now=now, grace_seconds=grace_seconds())
    return render_template("play/contests.html", board=board, now=now)


def _card_or_404(contest_id: int) -> ContestCard:
    contest = db.session.get(Contest, contest_id) or abort(404)
    card = contest_card(contest, current_user, session, now=utcnow(), grace_seconds=grace_seconds())
    if card is None:  # restricted to other organizations
        abort(403)
    return card


def _detail(card: ContestCard, join_form: JoinCodeForm | None = None, status: int = 200):
    return (
        render_template(
            "play/contest.html",
            card=card,
            join_form=join_form or JoinCodeForm(),
            start_form=StartForm(),
            show_answers_label=_(Disclosure(card.contest.show_answers).notice),
            now=utcnow(),
        ),
        status,
    )


@bp.route("/contests/<int:contest_id>")
@login_required
def contest(contest_id: int):
    """Rules of one contest, with the join-code form or the start/resume button."""
    return _detail(_card_or_404(contest_id))


@bp.route("/contests/<int:contest_id>/join", methods=["POST"])
@login_required
@limiter.shared_limit(
    join_code_limit, scope="join-code", key_func=join_code_key, deduct_when=join_code_failed
)
def join(contest_id: int):
    """Unlock a code-protected contest for this session (wrong codes are throttled)."""
    card = _card_or_404(contest_id)
    form = JoinCodeForm()
    if form.validate_on_submit():
        if check_join_code(card.contest, form.code.data):
            remember_entry(session, card.contest.id)
            flash(_("口令正确，欢迎参赛！"), "success")
            return redirect(url_for("play.contest", contest_id=card.contest.id))
        form.code.errors.append(_("参赛口令不正确，请向老师确认后重试。"))
    return _detail(card, form, 422)


@bp.route("/contests/<int:contest_id>/start", methods=["POST"])
@login_required
@refusals_redirect_to("play.contest")
def start(contest_id: int):
    """Start (or resume) an attempt: the paper is drawn once and the deadline fixed."""
    card = _card_or_404(contest_id)
    if not StartForm().validate_on_submit():
        flash(_("页面已过期，请重新点击开始。"), "warning")
        return redirect(url_for("play.contest", contest_id=contest_id))
    if card.locked:
        flash(_("请先输入参赛口令。"), "warning")
        return redirect(url_for("play.contest", contest_id=contest_id))
    attempt, _created = start_attempt(
        card.contest,
        current_user,
        now=utcnow(),
        grace_seconds=grace_seconds(),
        paper_builder=build_paper,
    )
    return redirect(url_for("play.quiz", attempt_id=attempt.id))
