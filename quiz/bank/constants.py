"""Constants shared by the question-bank generator: version, themed days, types, statuses.

The vocabulary of questions (:class:`ThemedDay`, :class:`QuestionType`, :class:`QuestionStatus`)
is defined here once, as ``StrEnum``s whose members carry their Chinese label. Labels are
``N_()`` msgids: this module stays pure (no Flask), and the web layer translates a label when it
shows it. Models, services and blueprints import these names from here.
"""

from __future__ import annotations

from enum import StrEnum


def N_(message: str) -> str:
    """Mark ``message`` for the translation catalog without translating it (pure modules)."""
    return message


class LabeledEnum(StrEnum):
    """A ``StrEnum`` whose members also carry a ``label`` (a Chinese ``N_()`` msgid).

    Members compare equal to their stored string, so ``QuestionType.FILL_BLANK == "fill_blank"``
    and database values, JSON and form data need no conversion.
    """

    label: str

    def __new__(cls, value: str, label: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Every stored value, in definition order."""
        return tuple(member.value for member in cls)

    @classmethod
    def labels(cls) -> dict[str, str]:
        """``{value: label}`` in definition order (labels untranslated)."""
        return {member.value: member.label for member in cls}

    @classmethod
    def label_of(cls, value: str | None, default: str = "") -> str:
        """The label of a stored value, or ``default`` for an unknown or empty one."""
        try:
            return cls(value).label
        except ValueError:
            return default


# Bump when generated stems/options change, so rebuilt banks record which rules made them.
GENERATOR_VERSION = "2.47.0"

# Version 2 adds per-question ``quality`` ({score, reasons}) and ``recommended``; version 1 files
# (without them) still read.
SCHEMA_VERSION = 2


class ThemedDay(LabeledEnum):
    """The six themed days of a 网络安全宣传周, in the order the national programme lists them."""

    CAMPUS = "campus", N_("校园日")
    TELECOM = "telecom", N_("电信日")
    LAW = "law", N_("法治日")
    FINANCE = "finance", N_("金融日")
    YOUTH = "youth", N_("青少年日")
    PRIVACY = "privacy", N_("个人信息保护日")


class QuestionType(LabeledEnum):
    """The four question types."""

    SINGLE_CHOICE = "single_choice", N_("单选题")
    MULTIPLE_CHOICE = "multiple_choice", N_("多选题")
    TRUE_FALSE = "true_false", N_("判断题")
    FILL_BLANK = "fill_blank", N_("填空题")


class QuestionStatus(LabeledEnum):
    """Where a question stands in review: only ``approved`` questions reach contests."""

    APPROVED = "approved", N_("已通过")
    DRAFT = "draft", N_("草稿")
    RETIRED = "retired", N_("已停用")


# Themed-day code -> Chinese name, in order (the generator's and the exchange formats' view).
THEMED_DAYS: dict[str, str] = ThemedDay.labels()

# Facts about the week itself may fill any day's paper.
GENERAL_TAG = "general"
GENERAL_LABEL = N_("通用")

# Every tag a question may carry: a themed day, or ``general``.
DAY_TAGS: tuple[str, ...] = (*ThemedDay.values(), GENERAL_TAG)

# One blank marker for every cloze stem (fill_blank and cloze-style choice questions).
BLANK = "____"

TRUE_FALSE_OPTIONS = ["正确", "错误"]
# The same options written in a traditional-script article's script.
TRUE_FALSE_OPTIONS_TRADITIONAL = ["正確", "錯誤"]

QUESTION_TYPES = QuestionType.values()

STATUSES = QuestionStatus.values()

# Bank file versions this code reads (it always writes SCHEMA_VERSION).
READABLE_SCHEMA_VERSIONS = (1, 2)

# At most this many questions come from one source sentence: the best-scored ones (the
# generator makes more and ranks them). A drawn paper takes at most one per sentence.
MAX_PER_SENTENCE = 6

# A question is recommended when its quality score (0-100) reaches this. Recommended questions
# are still drafts: an organizer approves them.
RECOMMEND_THRESHOLD = 70

# Bad input: an article is refused when fewer than this share of its non-space characters are
# CJK, or when fewer than MIN_USABLE_QUESTIONS of its questions pass the gates.
MIN_CJK_SHARE = 0.30
MIN_USABLE_QUESTIONS = 3
