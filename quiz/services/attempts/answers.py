"""What a student may send as an answer: a question on their paper, a well-formed response."""

from __future__ import annotations

from quiz.models import Attempt
from quiz.services import DomainError, NotFound

MAX_TEXT_LENGTH = 200


def paper_item(attempt: Attempt, question_id: int) -> dict:
    """The snapshot of ``question_id`` on the attempt's paper (404 if it is not there)."""
    for item in attempt.paper:
        if item["question_id"] == question_id:
            return item
    raise NotFound("该题不在您的试卷中。", code="not_in_paper")


def validated_response(item: dict, choice, text) -> tuple[list[int] | None, str | None]:
    """(sorted choices, None) or (None, stripped text) for ``item``; malformed input is refused."""
    if item["type"] == "fill_blank":
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
