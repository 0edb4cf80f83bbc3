"""错题本 and practice. Practice grades single answers against the bank: it never creates an
attempt and never touches a leaderboard."""

from __future__ import annotations

import random

from flask import abort, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from quiz.bank.constants import QuestionType, ThemedDay
from quiz.models import Question
from quiz.play import bp
from quiz.services import DomainError, attempts
from quiz.timeutil import utcnow
from quiz.web.settings import grace_seconds
from quiz.web.templating import labels


def _day_arg(name: str = "day") -> str | None:
    day = request.args.get(name) or None
    return day if day in ThemedDay.values() else None


@bp.route("/review")
@login_required
def review():
    """The 错题本: questions answered wrong and not yet mastered, filterable by themed day."""
    day = _day_arg()
    entries = attempts.review_entries(
        current_user, now=utcnow(), grace_seconds=grace_seconds(), day=day
    )
    return render_template("play/review.html", entries=entries, day=day, days=labels(ThemedDay))


@bp.route("/review/<int:question_id>")
@login_required
def review_item(question_id: int):
    """One 错题本 question with the student's answer, the key and its source paragraph."""
    entry = attempts.review_entry(
        current_user, question_id, now=utcnow(), grace_seconds=grace_seconds()
    )
    if entry is None:
        abort(404)
    source = attempts.question_source(entry.question) if entry.disclosed else None
    return render_template("play/review_item.html", entry=entry, source=source)


#: How the page words an empty practice round (the service gives the reason code).
EMPTY_REASONS = {
    attempts.NOTHING_IN_REVIEW: _l("错题本中暂时没有可练习的题目。"),
    attempts.DAY_STILL_LIVE: _l("该主题日的比赛尚未结束，比赛结束后即可练习本日题目。"),
    attempts.DAY_EMPTY: _l("该主题日暂时没有题目。"),
}


#: ``/practice?from=<mode>&<mode>=<key>``: the query argument naming what a mode practises.
MODE_KEYS = {attempts.PracticeMode.CONTEST: "contest", attempts.PracticeMode.SOURCE: "source"}


@bp.route("/practice")
@login_required
def practice():
    """Pick a themed day, the 错题本, an ended contest or an article; then practise one question
    at a time. The chooser offers only what can be practised now and says when the rest opens."""
    chosen = request.args.get("from")
    mode = next((m for m in attempts.PracticeMode if m.value == chosen), attempts.PracticeMode.DAY)
    day = request.args.get(MODE_KEYS[mode]) if mode in MODE_KEYS else _day_arg()
    now = utcnow()
    if mode == attempts.PracticeMode.DAY and day is None:
        day_names = labels(ThemedDay)
        choices = attempts.practice_choices(current_user, now)
        return render_template(
            "play/practice_choose.html",
            days=[c for c in choices if c.mode == attempts.PracticeMode.DAY],
            contests=[c for c in choices if c.mode == attempts.PracticeMode.CONTEST],
            sources=[c for c in choices if c.mode == attempts.PracticeMode.SOURCE],
            day_names=day_names,
            size=attempts.PRACTICE_SIZE,
        )
    ids, reason = attempts.practicable_ids(
        current_user, mode, day, now=now, grace_seconds=grace_seconds()
    )
    size = (
        attempts.REVIEW_PRACTICE_SIZE
        if mode == attempts.PracticeMode.REVIEW
        else attempts.PRACTICE_SIZE
    )
    questions = attempts.practice_questions(ids, size, random.SystemRandom())
    data = _page_data(mode, day, questions)
    return render_template(
        "play/practice.html",
        data=data,
        mode=mode,
        day=day,
        days=labels(ThemedDay),
        reason=str(EMPTY_REASONS[reason]) if reason else None,
        locked_until=(
            attempts.day_practicable_from(day, now)
            if day and mode == attempts.PracticeMode.DAY
            else None
        ),
        title=_practice_title(mode, day),
    )


def _practice_title(mode: str, day: str | None) -> str:
    """The round's heading: the 错题本, the day, or the contest's or article's name."""
    if mode == attempts.PracticeMode.REVIEW:
        return _("错题本练习")
    if mode == attempts.PracticeMode.DAY:
        return _("%(day)s练习", day=labels(ThemedDay).get(day, ""))
    return _("%(name)s练习", name=attempts.practice_subject(mode, day))


def _page_data(mode: str, day: str | None, questions: list[Question]) -> dict:
    """What the practice script needs: the questions without keys, labels and its messages."""
    return {
        "mode": mode,
        "day": day,
        "check_url": url_for("play.practice_check"),
        "questions": [attempts.public_question(q) for q in questions],
        "types": labels(QuestionType),
        "text": {
            "right": _("回答正确！"),
            "wrong": _("回答错误。"),
            "key": _("正确答案："),
            "mastered": _("已从错题本移除。"),
            "question_of": _("第 %(n)s / %(total)s 题", n="{n}", total="{total}"),
            "done": _(
                "本轮练习完成：答对 %(right)s / %(total)s 题。", right="{right}", total="{total}"
            ),
            "error": _("网络异常，请稍后重试。"),
            "empty": _("请先作答。"),
        },
    }


@bp.route("/practice/check", methods=["POST"])
@login_required
def practice_check():
    """Grade one practice answer (JSON in, feedback JSON out; CSRF via X-CSRFToken)."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise DomainError(_("请求格式错误。"), code="malformed")
    feedback = attempts.check_practice_answer(
        current_user, payload, now=utcnow(), grace_seconds=grace_seconds()
    )
    return jsonify(feedback)
