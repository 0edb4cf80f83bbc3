"""Attempts: a student's try at a contest — start, answers, timing, grading, submission,
integrity events, what it discloses, the student's contest catalog, the 错题本 and practice.
"""

from .actions import extend, void
from .answers import LateAnswer, save_answer
from .catalog import (
    AttemptSummary,
    ContestCard,
    contest_board,
    contest_card,
    summaries,
    visible_contests,
)
from .disclosure import answers_visible, disclosed, revealed_item
from .grading import grade_choice, grade_text
from .integrity import EVENT_KINDS, EventOutcome, record_event
from .lifecycle import (
    AttemptResult,
    close_overdue,
    finish,
    persist_if_overdue,
    require_owner,
    result_of,
    start_attempt,
    submit,
)
from .practice import (
    PRACTICE_SIZE,
    REVIEW_PRACTICE_SIZE,
    day_is_live,
    day_question_ids,
    practice_questions,
    public_question,
)
from .reveal import bank_key_text, question_source, result_rows
from .review import mark_mastered, review_entries, review_entry
from .timing import CLOSED, contest_state, effective_status, is_overdue, seconds_left, time_used_ms

__all__ = [
    "AttemptResult",
    "AttemptSummary",
    "CLOSED",
    "ContestCard",
    "EVENT_KINDS",
    "EventOutcome",
    "LateAnswer",
    "PRACTICE_SIZE",
    "REVIEW_PRACTICE_SIZE",
    "answers_visible",
    "bank_key_text",
    "close_overdue",
    "contest_board",
    "contest_card",
    "contest_state",
    "day_is_live",
    "day_question_ids",
    "disclosed",
    "effective_status",
    "extend",
    "finish",
    "grade_choice",
    "grade_text",
    "is_overdue",
    "mark_mastered",
    "persist_if_overdue",
    "practice_questions",
    "public_question",
    "question_source",
    "record_event",
    "require_owner",
    "result_of",
    "result_rows",
    "revealed_item",
    "review_entries",
    "review_entry",
    "save_answer",
    "seconds_left",
    "start_attempt",
    "submit",
    "summaries",
    "time_used_ms",
    "visible_contests",
    "void",
]
