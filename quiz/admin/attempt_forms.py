"""Forms on an attempt's organizer page: extend one student's time, void an attempt."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from quiz.admin.form_fields import number_field


class ExtendForm(FlaskForm):
    """More time for one student's attempt."""

    minutes = number_field(
        _l("延长（分钟）"),
        1,
        1440,
        _l("请填写延长的分钟数。"),
        _l("延长时间须在1到1440分钟之间。"),
        default=5,
    )
    submit = SubmitField(_l("延长时间"))


class VoidForm(FlaskForm):
    """Void an attempt; the reason goes into the audit log."""

    reason = StringField(
        _l("作废原因"),
        validators=[
            DataRequired(_l("请填写作废原因。")),
            Length(max=200, message=_l("原因最多200个字。")),
        ],
    )
    submit = SubmitField(_l("作废本次答题"))
