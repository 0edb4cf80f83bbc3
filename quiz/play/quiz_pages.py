"""The quiz page (a server-rendered shell plus a JSON block for quiz.js) and the results page."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from quiz.bank.constants import QuestionType
from quiz.enums import AttemptStatus
from quiz.models import Attempt
from quiz.play import bp
from quiz.services.attempts import (
    disclosed,
    finish,
    is_overdue,
    result_of,
    result_rows,
)
from quiz.services.boards import attempt_rank
from quiz.services.contests import KeyLocks, public_item
from quiz.services.results import attempt_certificate_state
from quiz.timeutil import iso_utc, utcnow
from quiz.web.guards import owned_attempt
from quiz.web.settings import board_cache, grace_seconds
from quiz.web.templating import labels


def _close_if_overdue(attempt: Attempt, now) -> bool:
    """Persist an attempt whose time ran out while nobody was looking; True if it is over."""
    if attempt.status == AttemptStatus.IN_PROGRESS and is_overdue(
        now, attempt.deadline, grace_seconds()
    ):
        finish(attempt, now=now, status=AttemptStatus.EXPIRED)
    return attempt.status != AttemptStatus.IN_PROGRESS


def quiz_data(attempt: Attempt, now) -> dict:
    """Everything quiz.js needs. Built from ``public_item``: never a key or an explanation."""
    answers = {}
    for answer in attempt.answers:
        saved = {"saved_at": iso_utc(answer.saved_at)}
        if answer.choice is not None:
            saved["choice"] = list(answer.choice)
        else:
            saved["text"] = answer.text or ""
        answers[str(answer.question_id)] = saved
    quiz_url = url_for("play.quiz", attempt_id=attempt.id)
    return {
        "attempt_id": attempt.id,
        "contest_id": attempt.contest_id,
        "deadline": iso_utc(attempt.deadline),
        "server_time": iso_utc(now),
        "time_limit_seconds": attempt.contest.time_limit_seconds,
        "status": attempt.status,
        "questions": [public_item(item) for item in attempt.paper],
        "answers": answers,
        "urls": {
            "api": "/api/v1",
            "result": url_for("play.result", attempt_id=attempt.id),
            "login": url_for("auth.login", next=quiz_url),
        },
        "types": labels(QuestionType),
        "text": _js_strings(),
    }


def _js_strings() -> dict[str, str]:
    """UI strings of quiz.js, translated here so the script holds no language of its own."""
    return {
        "saving": _("保存中…"),
        "saved": _("已保存 %(time)s", time="{time}"),
        "offline": _("网络断开，稍后重试"),
        "retrying": _("保存失败，正在重试…"),
        "failed": _("未能保存：%(message)s", message="{message}"),
        "question_of": _("第 %(n)s / %(total)s 题", n="{n}", total="{total}"),
        "question_no": _("第%(n)s题", n="{n}"),
        "points": _("%(points)s分", points="{points}"),
        "list_sep": _("、"),
        "unanswered": _("您还有 %(count)s 题未作答：%(list)s", count="{count}", list="{list}"),
        "all_answered": _("全部题目均已作答。"),
        "pending": _("还有 %(count)s 题的答案正在保存。", count="{count}"),
        "submitting": _("正在交卷…"),
        "submit_failed": _("交卷失败，请检查网络后再试，答案不会丢失。"),
        "time_up": _("答题时间到，正在自动交卷…"),
        "finished": _("本次答题已结束，正在打开成绩页…"),
        "auto_submitted": _("多次离开答题页面，系统已自动交卷。"),
        "session_expired": _("登录已过期。您的答案已暂存在本机，重新登录后回到本页会自动补交。"),
        "login": _("重新登录"),
        "fill_placeholder": _("请输入答案"),
    }


@bp.route("/attempts/<int:attempt_id>")
@login_required
def quiz(attempt_id: int):
    """The quiz: one question at a time, autosave, countdown (see static/js/quiz.js)."""
    now = utcnow()
    attempt = owned_attempt(attempt_id)
    if _close_if_overdue(attempt, now):
        return redirect(url_for("play.result", attempt_id=attempt.id))
    return render_template("play/quiz.html", attempt=attempt, data=quiz_data(attempt, now))


@bp.route("/attempts/<int:attempt_id>/result")
@login_required
def result(attempt_id: int):
    """Score, rank and time used; the key, explanations and sources once they are disclosed."""
    now = utcnow()
    attempt = owned_attempt(attempt_id)
    if not _close_if_overdue(attempt, now):
        flash(_("本次答题尚未交卷，请继续作答。"), "info")
        return redirect(url_for("play.quiz", attempt_id=attempt.id))
    visible = disclosed(attempt, now, grace_seconds())
    return render_template(
        "play/result.html",
        attempt=attempt,
        contest=attempt.contest,
        outcome=result_of(attempt),
        rank=_rank(attempt, now),
        visible=visible,
        rows=result_rows(attempt, KeyLocks(now)) if visible else [],
        certificate=attempt_certificate_state(attempt, now=now, grace=grace_seconds()),
    )


def _rank(attempt: Attempt, now) -> int | None:
    """The student's place on the contest's board (None while frozen, for voids and tests)."""
    return attempt_rank(attempt, now=now, grace=grace_seconds(), cache=board_cache())
