"""Attempts: a student's try at a contest — start, answers, timing, grading, submission,
integrity events, what it discloses, the student's contest catalog, the 错题本 and practice.
"""

from .actions import extend, void
from .answers import LateAnswer, save_answer
from .catalog import ContestCard, catalog, contest_card, contest_list
from .disclosure import answers_visible, disclosed, revealed_item
from .integrity import EVENT_KINDS, EventOutcome, record_event
from .lifecycle import (
    AttemptResult,
    close_overdue,
    finish,
    get_own_attempt,
    persist_if_overdue,
    result_of,
    start_attempt,
    submit,
)
from .practice import (
    DAY_EMPTY,
    DAY_STILL_LIVE,
    NOTHING_IN_REVIEW,
    PRACTICE_SIZE,
    REVIEW_PRACTICE_SIZE,
    PracticeChoice,
    PracticeMode,
    check_practice_answer,
    day_practicable_from,
    practicable_ids,
    practice_choices,
    practice_questions,
    practice_subject,
    public_question,
)
from .reveal import bank_key_text, option_letter, question_source, result_rows
from .review import review_entries, review_entry
from .timing import CLOSED, contest_state, effective_status, is_overdue, seconds_left, time_used_ms

__all__ = [
    "AttemptResult",
    "CLOSED",
    "ContestCard",
    "DAY_EMPTY",
    "DAY_STILL_LIVE",
    "EVENT_KINDS",
    "EventOutcome",
    "LateAnswer",
    "NOTHING_IN_REVIEW",
    "PRACTICE_SIZE",
    "PracticeChoice",
    "PracticeMode",
    "REVIEW_PRACTICE_SIZE",
    "answers_visible",
    "bank_key_text",
    "option_letter",
    "catalog",
    "check_practice_answer",
    "day_practicable_from",
    "close_overdue",
    "contest_card",
    "contest_list",
    "contest_state",
    "disclosed",
    "effective_status",
    "extend",
    "finish",
    "get_own_attempt",
    "is_overdue",
    "persist_if_overdue",
    "practicable_ids",
    "practice_choices",
    "practice_questions",
    "practice_subject",
    "public_question",
    "question_source",
    "record_event",
    "result_of",
    "result_rows",
    "revealed_item",
    "review_entries",
    "review_entry",
    "save_answer",
    "seconds_left",
    "start_attempt",
    "submit",
    "time_used_ms",
    "void",
]
