"""What a student may send as an answer: a question on their paper, a well-formed response."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quiz.bank.constants import QuestionType
from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Answer, Attempt
from quiz.services import Conflict, DomainError, NotFound
from quiz.services.attempts.grading import grade
from quiz.services.attempts.lifecycle import finish
from quiz.services.attempts.timing import is_overdue
from quiz.services.locking import begin_write

MAX_TEXT_LENGTH = 200


def paper_item(attempt: Attempt, question_id: int) -> dict:
    """The snapshot of ``question_id`` on the attempt's paper (404 if it is not there)."""
    for item in attempt.paper:
        if item["question_id"] == question_id:
            return item
    raise NotFound("该题不在您的试卷中。", code="not_in_paper")


def validated_response(item: dict, choice, text) -> tuple[list[int] | None, str | None]:
    """(sorted choices, None) or (None, stripped text) for ``item``; malformed input is refused."""
    if item["type"] == QuestionType.FILL_BLANK:
        if not isinstance(text, str):
            raise DomainError("填空题请提交文字答案 text。", code="malformed")
        if len(text) > MAX_TEXT_LENGTH:
            raise DomainError(f"答案不能超过{MAX_TEXT_LENGTH}个字符。", code="malformed")
        return None, text.strip()
    if not isinstance(choice, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in choice
    ):
        raise DomainError("请提交选项序号列表 choice。", code="malformed")
    picked = sorted(set(choice))
    if any(i < 0 or i >= len(item["options"]) for i in picked):
        raise DomainError("选项序号超出范围。", code="malformed")
    if item["type"] in ("single_choice", "true_false") and len(picked) > 1:
        raise DomainError("单选题和判断题只能选择一个选项。", code="malformed")
    return picked, None


class LateAnswer(Conflict):
    code = "deadline_passed"


def save_answer(
    attempt: Attempt,
    question_id: int,
    *,
    choice=None,
    text=None,
    now: datetime,
    grace_seconds: float,
) -> Answer:
    """Store (or replace) an answer graded against the snapshot; late answers are refused."""
    # The check that the attempt is open and the write must be one: a submit either finished
    # before it (the answer is refused) or waits until the answer is committed (and counts it).
    # So the attempt is read under a lock held to the commit — its row lock on PostgreSQL, the
    # database's write lock on SQLite (BEGIN IMMEDIATE: pysqlite would only begin at the INSERT).
    # That also runs saves of one attempt one at a time, so none rewrites ``score`` from a stale
    # set of answers.
    begin_write()
    try:
        db.session.refresh(attempt, with_for_update=True)
        if attempt.status != AttemptStatus.IN_PROGRESS:
            raise Conflict("本次答题已结束，答案未保存。", code="attempt_finished")
        if is_overdue(now, attempt.deadline, grace_seconds):
            finish(attempt, now=now, status=AttemptStatus.EXPIRED)
            raise LateAnswer("答题时间已到，此答案未被接受；截止前保存的答案均已记录。")
        item = paper_item(attempt, question_id)
        picked, typed = validated_response(item, choice, text)
    except DomainError:
        db.session.rollback()  # a refused answer must not keep other writers waiting
        raise
    result = grade(item, choice=picked, text=typed, partial_credit=attempt.contest.partial_credit)
    answer = next((a for a in attempt.answers if a.question_id == question_id), None)
    if answer is None:
        answer = Answer(attempt=attempt, question_id=question_id)
        db.session.add(answer)
    answer.choice, answer.text = picked, typed
    answer.points, answer.is_correct, answer.saved_at = result.points, result.is_correct, now
    try:
        db.session.flush()
        # Summed in SQL after the write: on SQLite the write lock is held here, so it is current.
        total = db.session.scalar(
            select(func.coalesce(func.sum(Answer.points), 0.0)).where(
                Answer.attempt_id == attempt.id
            )
        )
        attempt.score = round(float(total), 4)
        db.session.commit()
    except IntegrityError:
        # The same answer saved twice at once from two tabs: the other write won; keep it.
        db.session.rollback()
        return db.session.execute(
            select(Answer).where(Answer.attempt_id == attempt.id, Answer.question_id == question_id)
        ).scalar_one()
    return answer
