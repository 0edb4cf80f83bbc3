"""Play forms: the join code and the (CSRF-only) start button."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


class JoinCodeForm(FlaskForm):
    code = StringField(
        _l("参赛口令"),
        validators=[DataRequired(_l("请输入参赛口令。")), Length(max=32, message=_l("口令过长。"))],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "maxlength": 32},
    )
    submit = SubmitField(_l("进入比赛"))


class StartForm(FlaskForm):
    """Starting draws a paper, so it is a POST with CSRF (never a GET a link could trigger)."""

    submit = SubmitField(_l("开始答题"))
