"""Forms of the organizer board tools (Flask-WTF, CSRF included)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SubmitField
from wtforms.validators import Optional


class FreezeForm(FlaskForm):
    """封榜: the time (Asia/Shanghai) from which the public board stops changing."""

    freeze_at = DateTimeLocalField(
        _l("封榜时间（北京时间）"),
        format="%Y-%m-%dT%H:%M",
        validators=[Optional()],
        description=_l("此时间之后提交的成绩在公开榜单上暂不显示；组织者始终看到实时榜单。"),
    )
    submit = SubmitField(_l("封榜"))
    unfreeze = SubmitField(_l("解封并公布最终榜单"))


class ConfirmForm(FlaskForm):
    """A button that only carries the CSRF token."""

    submit = SubmitField(_l("确定"))
