"""Contest and week forms, and the mapping between a contest form and ContestValues.

The field types with Chinese messages are in :mod:`quiz.admin.form_fields`.

Times are typed in Asia/Shanghai (datetime-local inputs) and stored as naive UTC. Choice
lists (units, questions) are filled in by the views; the service re-checks every choice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from quiz.admin.form_fields import (
    CheckboxListField,
    ChineseDateField,
    LocalDateTimeField,
    WholeNumberField,
    number_field,
    options,
)
from quiz.bank.constants import QuestionType, ThemedDay
from quiz.enums import Access, Counting, Disclosure, DrawMode
from quiz.services.contests import (
    DEFAULT_TYPE_COUNTS,
    DEFAULT_WEEK_TITLE,
    KIND_LABELS,
    ContestValues,
    RuleKind,
    rule_problem,
)
from quiz.timeutil import from_local, to_local
from quiz.web.templating import choices

DIFFICULTIES = ("1", "2", "3")


def _time_limit(**kwargs) -> WholeNumberField:
    label, missing = _l("每次答题时限（分钟）"), _l("请填写答题时限。")
    return number_field(
        label, 1, 1440, missing, _l("答题时限必须大于0，且不超过1440分钟。"), **kwargs
    )


def _question_count(**kwargs) -> WholeNumberField:
    label, missing = _l("每份试卷题目数量"), _l("请填写题目数量。")
    return number_field(label, 1, 200, missing, _l("题目数量须在1到200之间。"), **kwargs)


def _count(label, maximum: int = 200) -> WholeNumberField:
    return WholeNumberField(
        label,
        validators=[
            Optional(),
            NumberRange(0, maximum, _l("请输入0到%(max)s之间的整数。", max=maximum)),
        ],
    )


def _award_cut(label) -> WholeNumberField:
    return WholeNumberField(
        label,
        validators=[
            Optional(),
            NumberRange(1, 100000, _l("评奖线须为1到100000之间的整数；不评该等级请留空。")),
        ],
    )


class ContestForm(FlaskForm):
    """Every setting of one contest."""

    title = StringField(
        _l("比赛名称"),
        validators=[
            DataRequired(_l("请填写比赛名称。")),
            Length(max=200, message=_l("名称最多200个字。")),
        ],
    )
    description = TextAreaField(
        _l("比赛说明"), validators=[Optional(), Length(max=2000, message=_l("说明最多2000个字。"))]
    )
    themed_day = SelectField(
        _l("主题日"),
        choices=options([("", _l("全周通用（不限主题日）")), *choices(ThemedDay)]),
        validate_choice=False,  # the service names an unknown day in Chinese
        description=_l("按规则抽题时，从标注了该主题日（及全周通用）的已通过题目中抽取。"),
    )
    opens_at = LocalDateTimeField(
        _l("开始时间（北京时间）"), validators=[InputRequired(_l("请填写开始时间。"))]
    )
    closes_at = LocalDateTimeField(
        _l("结束时间（北京时间）"), validators=[InputRequired(_l("请填写结束时间。"))]
    )
    time_limit_minutes = _time_limit()
    question_count = _question_count()
    draw_mode = RadioField(
        _l("出题方式"),
        choices=options(choices(DrawMode)),
        validate_choice=False,
        default=DrawMode.RULES,
    )
    count_single_choice = _count(_l(QuestionType.SINGLE_CHOICE.label))
    count_multiple_choice = _count(_l(QuestionType.MULTIPLE_CHOICE.label))
    count_true_false = _count(_l(QuestionType.TRUE_FALSE.label))
    count_fill_blank = _count(_l(QuestionType.FILL_BLANK.label))
    difficulty_1 = _count(_l("难度1（易）"))
    difficulty_2 = _count(_l("难度2（中）"))
    difficulty_3 = _count(_l("难度3（难）"))
    fixed_question_ids = CheckboxListField(_l("固定题目"), coerce=int, validate_choice=False)
    points_per_question = number_field(
        _l("每题分值"), 1, 100, _l("请填写每题分值。"), _l("每题分值须在1到100之间。")
    )
    partial_credit = BooleanField(_l("多选题部分得分（少选按比例得分，错选不得分）"))
    attempts_allowed = number_field(
        _l("每人可答次数"), 1, 100, _l("请填写可答次数。"), _l("可答次数须在1到100之间。")
    )
    counting = SelectField(
        _l("多次答题时计入成绩的一次"),
        choices=options(choices(Counting)),
        validate_choice=False,
    )
    access = RadioField(
        _l("参赛范围"),
        choices=options(choices(Access)),
        validate_choice=False,
        default=Access.EVERYONE,
    )
    organization_ids = SelectMultipleField(
        _l("可参赛单位"),
        coerce=int,
        validate_choice=False,  # the service refuses units outside the organizer's scope
        description=_l("按住 Ctrl（Mac 上为 ⌘）可多选；所选单位的下级单位也可参赛。"),
    )
    join_code = StringField(
        _l("参赛口令"),
        validators=[Optional(), Length(max=32, message=_l("口令最多32个字符。"))],
        description=_l("不区分大小写和全角/半角。"),
    )
    generate_code = SubmitField(_l("生成新口令"))
    show_answers = SelectField(
        _l("学生何时可看正确答案"),
        choices=options(choices(Disclosure)),
        validate_choice=False,
    )
    auto_submit_after_switches = WholeNumberField(
        _l("切屏多少次后自动交卷"),
        validators=[Optional(), NumberRange(min=1, max=100, message=_l("次数须在1到100之间。"))],
        description=_l("留空表示不自动交卷（默认）。"),
    )
    freeze_at = LocalDateTimeField(
        _l("封榜时间（北京时间，可选）"),
        validators=[Optional()],
        description=_l("此后公开排行榜不再更新，组织者仍可看到实时排名。"),
    )
    award_rule = SelectField(
        _l("证书评奖方式"),
        choices=options((kind, _l(label)) for kind, label in KIND_LABELS.items()),
        validate_choice=False,  # validate_award_rule names an unknown rule in Chinese
        default=RuleKind.NONE,
        description=_l("比赛结束且解封后按最终排名发放证书；未获奖者获参与证明。"),
    )
    award_cut_1 = _award_cut(_l("一等奖前N名 / 前N%，或优秀线（满分的N%）"))
    award_cut_2 = _award_cut(_l("二等奖前N名 / 前N%（累计），或合格线（满分的N%）"))
    award_cut_3 = _award_cut(_l("三等奖前N名 / 前N%（累计）"))
    submit = SubmitField(_l("保存"))

    def validate_award_rule(self, field):
        cuts = (self.award_cut_1.data, self.award_cut_2.data, self.award_cut_3.data)
        problem = rule_problem(field.data, cuts)
        if problem:
            raise ValidationError(_l(problem))

    def validate_closes_at(self, field):
        if self.opens_at.data and field.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("结束时间必须晚于开始时间。"))

    def validate_join_code(self, field):
        if self.access.data == Access.CODE and not (field.data or "").strip():
            raise ValidationError(_l("请设置参赛口令，或点击“生成新口令”。"))

    def validate_organization_ids(self, field):
        if self.access.data == Access.ORGANIZATIONS and not field.data:
            raise ValidationError(_l("请至少选择一个可参赛的单位。"))

    def to_values(self, *, event_id: int | None = None) -> ContestValues:
        """The form's values with local times converted to UTC."""
        values = ContestValues(
            **{name: self[name].data for name in SAME_NAMES},
            opens_at=from_local(self.opens_at.data),
            closes_at=from_local(self.closes_at.data),
            time_limit_seconds=self.time_limit_minutes.data * 60,
            type_counts={t: self[f"count_{t}"].data or 0 for t in QuestionType.values()},
            difficulty_counts={d: self[f"difficulty_{d}"].data or 0 for d in DIFFICULTIES},
            event_id=event_id,
            freeze_at=from_local(self.freeze_at.data) if self.freeze_at.data else None,
            award_rule=self.award_rule.data or RuleKind.NONE,
            award_cuts=(self.award_cut_1.data, self.award_cut_2.data, self.award_cut_3.data),
        )
        values.title = values.title.strip()
        values.description = (values.description or "").strip()
        values.themed_day = values.themed_day or None
        values.join_code = (values.join_code or "").strip() or None
        values.partial_credit = bool(values.partial_credit)
        return values


#: Fields that have the same name and meaning on the form and on ContestValues.
SAME_NAMES = [
    "title",
    "description",
    "themed_day",
    "question_count",
    "draw_mode",
    "fixed_question_ids",
    "points_per_question",
    "partial_credit",
    "attempts_allowed",
    "counting",
    "access",
    "join_code",
    "organization_ids",
    "show_answers",
    "auto_submit_after_switches",
]


def initial_data(values: ContestValues) -> dict:
    """Form data for editing (or duplicating) ``values``: times back in Asia/Shanghai."""

    def local(value):
        return to_local(value).replace(tzinfo=None) if value else None

    data = {name: getattr(values, name) for name in SAME_NAMES}
    data.update(
        themed_day=values.themed_day or "",
        join_code=values.join_code or "",
        opens_at=local(values.opens_at),
        closes_at=local(values.closes_at),
        freeze_at=local(values.freeze_at),
        time_limit_minutes=max(1, values.time_limit_seconds // 60),
        award_rule=values.award_rule or RuleKind.NONE,
    )
    cuts = (*values.award_cuts, None, None, None)[:3]
    for n, cut in enumerate(cuts, start=1):
        data[f"award_cut_{n}"] = cut
    for qtype in QuestionType.values():
        data[f"count_{qtype}"] = int(values.type_counts.get(qtype, 0))
    for level in DIFFICULTIES:
        data[f"difficulty_{level}"] = int(values.difficulty_counts.get(level, 0))
    return data


def new_contest_data(now: datetime) -> dict:
    """Defaults for a new contest: opens at the next full hour for a week, the usual mix."""
    start = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    values = ContestValues(
        title="",
        opens_at=start,
        closes_at=start + timedelta(days=7),
        type_counts=dict(DEFAULT_TYPE_COUNTS),
    )
    return initial_data(values)


class WeekForm(FlaskForm):
    """One action creates the event and its six themed-day contests."""

    title = StringField(
        _l("活动名称"),
        default=DEFAULT_WEEK_TITLE,
        validators=[
            DataRequired(_l("请填写活动名称。")),
            Length(max=200, message=_l("名称最多200个字。")),
        ],
    )
    start = ChineseDateField(
        _l("第一个主题日（校园日）的日期"),
        validators=[InputRequired(_l("请选择开始日期。"))],
        description=_l(
            "六个主题日依次各占一天：校园日、电信日、法治日、金融日、青少年日、个人信息保护日。"
        ),
    )
    time_limit_minutes = _time_limit(default=10)
    question_count = _question_count(default=10)
    open_now = BooleanField(_l("立即开放全部六场（为期7天，用于演练和演示）"))
    submit = SubmitField(_l("创建六个主题日比赛"))
