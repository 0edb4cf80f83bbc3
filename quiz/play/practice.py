"""错题本 and practice. Practice grades single answers against the bank: it never creates an
attempt and never touches a leaderboard."""

from __future__ import annotations

import random

from flask import abort, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quiz.extensions import db
from quiz.models import Question
from quiz.play import bp
from quiz.play.common import DAY_LABELS, TYPE_LABELS, grace_seconds
from quiz.services.attempts import (
    PRACTICE_SIZE,
    REVIEW_PRACTICE_SIZE,
    bank_key_text,
    day_is_live,
    day_question_ids,
    grade_choice,
    grade_text,
    mark_mastered,
    practice_questions,
    public_question,
    question_source,
    review_entries,
    review_entry,
)
from quiz.timeutil import utcnow


def _day_arg(name: str = "day") -> str | None:
    day = request.args.get(name) or None
    return day if day in DAY_LABELS else None


@bp.route("/review")
@login_required
def review():
    """The 错题本: questions answered wrong and not yet mastered, filterable by themed day."""
    day = _day_arg()
    entries = review_entries(current_user, now=utcnow(), grace_seconds=grace_seconds(), day=day)
    return render_template("play/review.html", entries=entries, day=day, days=DAY_LABELS)


@bp.route("/review/<int:question_id>")
@login_required
def review_item(question_id: int):
    """One 错题本 question with the student's answer, the key and its source paragraph."""
    entry = review_entry(current_user, question_id, now=utcnow(), grace_seconds=grace_seconds())
    if entry is None:
        abort(404)
    source = question_source(entry.question) if entry.disclosed else None
    key = bank_key_text(entry.question) if entry.disclosed else ""
    return render_template("play/review_item.html", entry=entry, source=source, key=key)


def _allowed_ids(mode: str, day: str | None) -> tuple[list[int], str | None]:
    """Question ids this student may practise in ``mode``, or a reason why there are none."""
    if mode == "review":
        entries = review_entries(current_user, now=utcnow(), grace_seconds=grace_seconds())
        ids = [e.question.id for e in entries if e.disclosed]
        return ids, None if ids else _("错题本中暂时没有可练习的题目。")
    if day is None:
        return [], None
    if day_is_live(day, utcnow()):
        return [], _("该主题日的比赛尚未结束，比赛结束后即可练习本日题目。")
    ids = day_question_ids(day)
    return ids, None if ids else _("该主题日暂时没有题目。")


@bp.route("/practice")
@login_required
def practice():
    """Pick a themed day (or the 错题本), then practise one question at a time."""
    mode = "review" if request.args.get("from") == "review" else "day"
    day = _day_arg()
    if mode == "day" and day is None:
        return render_template("play/practice_choose.html", days=DAY_LABELS)
    ids, reason = _allowed_ids(mode, day)
    size = REVIEW_PRACTICE_SIZE if mode == "review" else PRACTICE_SIZE
    questions = practice_questions(ids, size, random.SystemRandom())
    data = _page_data(mode, day, questions)
    return render_template(
        "play/practice.html", data=data, mode=mode, day=day, days=DAY_LABELS, reason=reason
    )


def _page_data(mode: str, day: str | None, questions: list[Question]) -> dict:
    """What the practice script needs: the questions without keys, labels and its messages."""
    return {
        "mode": mode,
        "day": day,
        "check_url": url_for("play.practice_check"),
        "questions": [public_question(q) for q in questions],
        "types": {code: str(label) for code, label in TYPE_LABELS.items()},
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
    if not isinstance(payload, dict) or not isinstance(payload.get("question_id"), int):
        return _error(422, "malformed", _("请求格式错误。"))
    mode = "review" if payload.get("mode") == "review" else "day"
    question = _practicable_question(mode, payload)
    if question is None:
        return _error(404, "not_found", _("该题不可练习。"))
    result = _grade(question, payload)
    if result is None:
        return _error(422, "malformed", _("答案格式错误。"))
    # A right answer in 错题本 practice takes the question off the list.
    mastered = mode == "review" and bool(result)
    if mastered:
        mark_mastered(current_user.id, question.id, now=utcnow())
    return jsonify(_feedback(question, result, mastered))


def _practicable_question(mode: str, payload: dict) -> Question | None:
    """The requested question if this student may practise it in ``mode``, else None."""
    day = payload.get("day") if payload.get("day") in DAY_LABELS else None
    ids, _reason = _allowed_ids(mode, day)
    if payload["question_id"] not in ids:
        return None
    return db.session.get(Question, payload["question_id"])


def _feedback(question: Question, correct: bool, mastered: bool) -> dict:
    """The verdict with the key, the explanation and the excerpt the question came from."""
    source = question_source(question)
    return {
        "correct": correct,
        "key": bank_key_text(question),
        "explanation": question.explanation or "",
        "mastered": mastered,
        "source": None
        if source is None
        else {
            "title": source["title"],
            "before": source["excerpt"]["before"],
            "sentence": source["excerpt"]["sentence"],
            "after": source["excerpt"]["after"],
        },
    }


def _grade(question: Question, payload: dict) -> bool | None:
    """True/False for a well-formed answer (indices are in bank order), None otherwise."""
    if question.type == "fill_blank":
        text = payload.get("text")
        if not isinstance(text, str) or len(text) > 200:
            return None
        return grade_text(list(question.answer or []), text, 1).is_correct
    choice = payload.get("choice")
    if not isinstance(choice, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(question.options or [])
        for i in choice
    ):
        return None
    return grade_choice(question.type, list(question.answer or []), choice, 1, False).is_correct


def _error(status: int, code: str, message: str):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response
