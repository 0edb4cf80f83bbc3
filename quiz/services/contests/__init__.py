"""Contests: events (a week of six themed days) and contests — their values and validation,
who manages them, who may enter, the papers drawn for attempts, and the pool each contest
fixes at its first start (question versions; 更新题池).
"""

from .awards import KIND_LABELS, PARTICIPATION, Award, AwardRule, RuleKind, award_for, rule_problem
from .draw import public_item
from .editing import attempt_count, delete, duplicate, save_contest
from .entry import (
    check_join_code,
    enter,
    entered_contests,
    may_enter,
    new_join_code,
    remember_entry,
    require_entry,
)
from .papers import (
    PoolSummary,
    build_paper,
    pool_summary,
    preview_paper,
    undrawable,
)
from .pools import PoolRefresh, fix_pool, pool_versions, refresh_pool, release_pool
from .practicable import KeyLocks, filter_practicable, is_practicable, practicable_from
from .scope import get_managed_contest, get_managed_event, manageable, require_manageable
from .values import DEFAULT_TYPE_COUNTS, ContestValues, values_of
from .week import DEFAULT_WEEK_TITLE, create_week, event_contests, week_type_counts

__all__ = [
    "KIND_LABELS",
    "PARTICIPATION",
    "Award",
    "AwardRule",
    "RuleKind",
    "award_for",
    "rule_problem",
    "ContestValues",
    "PoolRefresh",
    "PoolSummary",
    "DEFAULT_TYPE_COUNTS",
    "DEFAULT_WEEK_TITLE",
    "KeyLocks",
    "attempt_count",
    "build_paper",
    "check_join_code",
    "create_week",
    "delete",
    "duplicate",
    "enter",
    "entered_contests",
    "filter_practicable",
    "fix_pool",
    "event_contests",
    "get_managed_contest",
    "is_practicable",
    "get_managed_event",
    "manageable",
    "may_enter",
    "new_join_code",
    "pool_summary",
    "pool_versions",
    "practicable_from",
    "preview_paper",
    "public_item",
    "refresh_pool",
    "release_pool",
    "remember_entry",
    "require_entry",
    "require_manageable",
    "save_contest",
    "undrawable",
    "values_of",
    "week_type_counts",
]
