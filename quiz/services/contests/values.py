"""Contest values: the settings an organizer enters, their validation, and applying them.

Editing (:mod:`.editing`) and the week (:mod:`.week`) both apply them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from quiz.bank.constants import (
    THEMED_DAYS,  # the one definition of the six days, in order
    QuestionStatus,
    QuestionType,
)
from quiz.enums import Access, Counting, Disclosure, DrawMode
from quiz.extensions import db
from quiz.models import Contest, ContestOrganization, ContestQuestion, Organization, Question, User
from quiz.services import DomainError, Forbidden, storable_id
from quiz.services.accounts import managed_ids
from quiz.services.contests.awards import RuleKind, rule_problem

DEFAULT_TYPE_COUNTS = {
    QuestionType.SINGLE_CHOICE: 5,
    QuestionType.MULTIPLE_CHOICE: 2,
    QuestionType.TRUE_FALSE: 2,
    QuestionType.FILL_BLANK: 1,
}


@dataclass
class ContestValues:
    """Everything an organizer sets on a contest (times already in UTC)."""

    title: str
    opens_at: datetime
    closes_at: datetime
    description: str = ""
    themed_day: str | None = None
    time_limit_seconds: int = 600
    question_count: int = 10
    draw_mode: str = DrawMode.RULES
    type_counts: dict[str, int] = field(default_factory=dict)
    difficulty_counts: dict[str, int] = field(default_factory=dict)
    fixed_question_ids: list[int] = field(default_factory=list)
    points_per_question: int = 10
    partial_credit: bool = False
    attempts_allowed: int = 1
    counting: str = Counting.BEST
    access: str = Access.EVERYONE
    join_code: str | None = None
    organization_ids: list[int] = field(default_factory=list)
    show_answers: str = Disclosure.AFTER_SUBMIT
    auto_submit_after_switches: int | None = None
    event_id: int | None = None
    freeze_at: datetime | None = None
    award_rule: str = RuleKind.NONE
    award_cuts: tuple[int | None, ...] = (None, None, None)

    def draw_rules(self) -> dict:
        """The stored form of the per-type and per-difficulty counts (zeros dropped)."""
        return {
            "types": {k: int(v) for k, v in self.type_counts.items() if v},
            "difficulty": {str(k): int(v) for k, v in self.difficulty_counts.items() if v},
        }


def validate(values: ContestValues) -> None:
    """Refuse values with which a contest could not run (Chinese messages)."""
    if not values.title.strip():
        raise DomainError("请填写比赛名称。", code="bad_title")
    if values.closes_at <= values.opens_at:
        raise DomainError("结束时间必须晚于开始时间。", code="close_before_open")
    if values.time_limit_seconds <= 0:
        raise DomainError("答题时限必须大于0。", code="bad_time_limit")
    if values.question_count <= 0:
        raise DomainError("题目数量必须大于0。", code="bad_question_count")
    if values.points_per_question <= 0:
        raise DomainError("每题分值必须大于0。", code="bad_points")
    if values.attempts_allowed <= 0:
        raise DomainError("允许答题次数必须大于0。", code="bad_attempts")
    if values.themed_day and values.themed_day not in THEMED_DAYS:
        raise DomainError("未知的主题日。", code="bad_day")
    if any(int(v) < 0 for v in [*values.type_counts.values(), *values.difficulty_counts.values()]):
        raise DomainError("各题型、难度的题数不能为负数。", code="bad_counts")
    if values.auto_submit_after_switches is not None and values.auto_submit_after_switches <= 0:
        raise DomainError("自动交卷的切屏次数必须大于0。", code="bad_switches")
    if values.freeze_at and not values.opens_at <= values.freeze_at <= values.closes_at:
        raise DomainError("封榜时间须在比赛开始和结束之间。", code="bad_freeze")
    problem = rule_problem(values.award_rule, tuple(values.award_cuts))
    if problem:
        raise DomainError(problem, code="bad_award_rule")
    checks = (
        (values.counting, Counting.values(), "计分方式"),
        (values.access, Access.values(), "参赛范围"),
        (values.show_answers, Disclosure.values(), "公布答案时间"),
        (values.draw_mode, DrawMode.values(), "抽题方式"),
    )
    for value, allowed, label in checks:
        if value not in allowed:
            raise DomainError(f"{label}无效。", code="bad_choice")
    if values.access == Access.CODE and not (values.join_code or "").strip():
        raise DomainError("请设置参赛口令。", code="missing_join_code")
    if values.access == Access.ORGANIZATIONS and not values.organization_ids:
        raise DomainError("请至少选择一个可参赛的单位。", code="missing_organizations")


def check_references(values: ContestValues, actor: User | None) -> None:
    """Chosen units must be in the actor's scope; hand-picked questions approved and distinct."""
    if values.access == Access.ORGANIZATIONS:
        known = set(
            db.session.scalars(
                select(Organization.id).where(
                    Organization.id.in_([i for i in values.organization_ids if storable_id(i)])
                )
            )
        )
        scope = managed_ids(actor) if actor is not None else None
        if known != set(values.organization_ids) or (scope is not None and not known <= scope):
            raise Forbidden("所选单位不在您的管理范围内。", code="organization_out_of_scope")
    if values.draw_mode == DrawMode.FIXED:
        ids = values.fixed_question_ids
        if len(set(ids)) != len(ids):
            raise DomainError("固定题目中有重复的题目。", code="duplicate_fixed")
        rows = db.session.execute(
            select(Question.id, Question.fact, Question.uid).where(
                Question.id.in_([i for i in ids if storable_id(i)]),
                Question.status == QuestionStatus.APPROVED,
            )
        ).all()
        if len(rows) != len(ids):
            raise DomainError("固定题目只能从已通过审核的题目中选择。", code="fixed_not_approved")
        facts = [fact or uid for _id, fact, uid in rows]
        if len(set(facts)) != len(facts):
            # One would give the other away (same rule as the random draw).
            raise DomainError(
                "固定题目中有两题出自同一知识点，请只保留其一。", code="fixed_same_fact"
            )


def draw_signature(contest_or_values) -> tuple:
    """What decides the questions and their scoring; frozen once students have attempts."""
    if isinstance(contest_or_values, Contest):
        contest = contest_or_values
        rules = contest.draw_rules or {}
        fixed = [link.question_id for link in contest.fixed_questions]
        rules = {"types": rules.get("types", {}), "difficulty": rules.get("difficulty", {})}
    else:
        contest = contest_or_values
        rules = contest.draw_rules()
        fixed = list(contest.fixed_question_ids) if contest.draw_mode == DrawMode.FIXED else []
    return (
        contest.question_count,
        contest.draw_mode,
        contest.points_per_question,
        contest.themed_day,
        bool(contest.partial_credit),
        rules if contest.draw_mode == DrawMode.RULES else {},
        fixed,
    )


#: Settings stored on the contest as they are; the others (title, join code, draw rules, linked
#: units and questions) are normalized or kept in their own tables.
PLAIN_FIELDS = (
    "title", "description", "themed_day", "opens_at", "closes_at", "time_limit_seconds",
    "question_count", "draw_mode", "points_per_question", "partial_credit", "attempts_allowed",
    "counting", "access", "join_code", "show_answers", "auto_submit_after_switches", "event_id",
    "freeze_at", "award_rule",
)  # fmt: skip


def values_of(contest: Contest) -> ContestValues:
    """The editable values of a contest (for edit forms and duplication)."""
    rules = contest.draw_rules or {}
    return ContestValues(
        **{name: getattr(contest, name) for name in PLAIN_FIELDS},
        type_counts=dict(rules.get("types", {})),
        difficulty_counts=dict(rules.get("difficulty", {})),
        fixed_question_ids=[link.question_id for link in contest.fixed_questions],
        organization_ids=[link.organization_id for link in contest.allowed_organizations],
        award_cuts=(contest.award_cut_1, contest.award_cut_2, contest.award_cut_3),
    )


def apply_values(contest: Contest, values: ContestValues) -> None:
    """Write ``values`` onto ``contest`` (normalized; not committed)."""
    for name in PLAIN_FIELDS:
        setattr(contest, name, getattr(values, name))
    contest.title = values.title.strip()
    contest.themed_day = values.themed_day or None
    contest.join_code = normalize_code(values.join_code) if values.access == Access.CODE else None
    contest.draw_rules = values.draw_rules()
    # Levels the rule does not use are cleared (a score rule has two), and 0 means "not awarded".
    used = (
        0
        if values.award_rule == RuleKind.NONE
        else 2
        if values.award_rule == RuleKind.SCORE_PERCENT
        else 3
    )
    cuts = [
        (c or None) if i < used else None
        for i, c in enumerate((*values.award_cuts, None, None, None)[:3])
    ]
    contest.award_cut_1, contest.award_cut_2, contest.award_cut_3 = cuts
    orgs = sorted(set(values.organization_ids)) if values.access == Access.ORGANIZATIONS else []
    kept = {link.organization_id: link for link in contest.allowed_organizations}
    contest.allowed_organizations = [
        kept.get(org_id) or ContestOrganization(organization_id=org_id) for org_id in orgs
    ]
    fixed = list(values.fixed_question_ids) if values.draw_mode == DrawMode.FIXED else []
    if [link.question_id for link in contest.fixed_questions] != fixed:
        if contest.fixed_questions:
            contest.fixed_questions = []
            db.session.flush()  # free the (contest, position) pairs before numbering anew
        contest.fixed_questions = [
            ContestQuestion(question_id=qid, position=pos) for pos, qid in enumerate(fixed)
        ]


def normalize_code(code: str | None) -> str | None:
    """Join codes compare under NFKC and upper case, so ＡＢＣ１２ and abc12 match."""
    if not code:
        return None
    return unicodedata.normalize("NFKC", code).strip().upper()
