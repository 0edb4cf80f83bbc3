"""The app's vocabulary of contests and attempts, defined once as labelled ``StrEnum``s.

Pure (no Flask): models, services and blueprints import these names from here, and the labels
are ``N_()`` msgids that the web layer translates when it shows them. The question vocabulary
(themed days, question types and statuses) is the generator's and lives in
:mod:`quiz.bank.constants`.
"""

from __future__ import annotations

from quiz.bank.constants import N_, LabeledEnum


class AttemptStatus(LabeledEnum):
    """An attempt's life: open until it is handed in, runs out or is voided by an organizer."""

    IN_PROGRESS = "in_progress", N_("答题中")
    SUBMITTED = "submitted", N_("已交卷")
    EXPIRED = "expired", N_("已超时")
    VOIDED = "voided", N_("已作废")


#: Statuses whose score counts on boards (submitted, or run out).
GRADED_STATUSES = (AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED)


class Access(LabeledEnum):
    """Who may take a contest."""

    EVERYONE = "everyone", N_("所有学生")
    ORGANIZATIONS = "organizations", N_("指定单位的学生")
    CODE = "code", N_("凭参赛口令")


class Counting(LabeledEnum):
    """Which of a student's attempts counts when several are allowed."""

    BEST = "best", N_("最高分")
    FIRST = "first", N_("第一次")
    LAST = "last", N_("最后一次")


class Disclosure(LabeledEnum):
    """When a student may see the key, explanations and sources of their attempt."""

    AFTER_SUBMIT = "after_submit", N_("交卷后")
    AFTER_CLOSE = "after_close", N_("比赛结束后")
    NEVER = "never", N_("不公布")

    @property
    def notice(self) -> str:
        """The sentence a student reads on the contest page (an ``N_()`` msgid)."""
        return _DISCLOSURE_NOTICES[self]


_DISCLOSURE_NOTICES = {
    Disclosure.AFTER_SUBMIT: N_("交卷后立即公布答案与解析"),
    Disclosure.AFTER_CLOSE: N_("比赛结束后公布答案与解析"),
    Disclosure.NEVER: N_("本比赛不公布答案"),
}


class DrawMode(LabeledEnum):
    """How a paper is drawn: by per-type rules, or a hand-picked fixed set."""

    RULES = "rules", N_("按规则从题库随机抽题")
    FIXED = "fixed", N_("固定题目（手动挑选）")


class ContestState(LabeledEnum):
    """Where a contest stands in time (derived from its opening and closing times)."""

    UPCOMING = "upcoming", N_("未开始")
    OPEN = "open", N_("进行中")
    CLOSED = "closed", N_("已结束")
