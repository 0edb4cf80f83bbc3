"""Admin forms (WTForms via Flask-WTF, CSRF included). Choices are filled in by the views."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from quiz.auth.forms import USERNAME_HINT, username_validators

NAME_VALIDATORS = [
    DataRequired(_l("请填写单位名称。")),
    Length(max=80, message=_l("名称最多80个字。")),
]


class OrganizationForm(FlaskForm):
    """New unit under the node the form posts to (or a region at the top level)."""

    name = StringField(_l("名称"), validators=NAME_VALIDATORS)
    submit = SubmitField(_l("新建"))


class RenameForm(FlaskForm):
    new_name = StringField(_l("新名称"), validators=NAME_VALIDATORS)
    submit = SubmitField(_l("重命名"))


class MergeForm(FlaskForm):
    target_id = SelectField(
        _l("合并到"),
        coerce=int,
        validators=[InputRequired(_l("请选择目标单位。"))],
        validate_choice=False,  # checked against the user's scope by the service (403)
        description=_l(
            "本单位的成员和下级单位将全部移入目标单位，同名下级单位会合并，本单位随后删除。"
        ),
    )
    # Merging cannot be undone: a tick box stands in for a JavaScript confirm dialog.
    confirm = BooleanField(
        _l("我确认合并（不可撤销）"), validators=[DataRequired(_l("请勾选确认后再合并。"))]
    )
    submit = SubmitField(_l("合并"))


class ConfirmForm(FlaskForm):
    """A button that only carries the CSRF token (delete, reset password, download)."""

    submit = SubmitField(_l("确定"))


class ToggleForm(FlaskForm):
    value = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("切换"))


class UploadForm(FlaskForm):
    file = FileField(
        _l("文件"),
        validators=[FileRequired(_l("请选择要上传的文件。"))],
        description=_l("CSV（UTF-8 或 GBK 编码）或 XLSX，第一行为表头。"),
    )
    submit = SubmitField(_l("导入"))


class RosterForm(FlaskForm):
    school_id = SelectField(
        _l("导入到学校/单位"),
        coerce=int,
        validators=[InputRequired(_l("请选择学校。"))],
        validate_choice=False,  # checked against the user's scope by the service (403)
    )
    prefix = StringField(
        _l("用户名前缀"),
        validators=[Optional(), Length(max=20, message=_l("前缀最多20位。"))],
        description=_l("未填写用户名的学生将获得“前缀+序号”的用户名，如 gy2024 → gy2024001。"),
    )
    file = FileField(
        _l("学生名单"),
        validators=[FileRequired(_l("请选择要上传的文件。"))],
        description=_l("CSV 或 XLSX；列：姓名（必填）、班级（必填）、用户名（可选）。"),
    )
    submit = SubmitField(_l("导入学生"))


class StaffForm(FlaskForm):
    username = StringField(
        _l("用户名"),
        validators=username_validators(),
        description=USERNAME_HINT,
    )
    display_name = StringField(
        _l("姓名"),
        validators=[
            DataRequired(_l("请输入姓名。")),
            Length(max=32, message=_l("姓名最多32个字。")),
        ],
    )
    role = SelectField(_l("角色"))
    organization_id = SelectField(
        _l("所属单位"), coerce=int, description=_l("组织者只能管理该单位及其下级单位。")
    )
    password = PasswordField(
        _l("初始密码"),
        validators=[Optional()],
        description=_l("留空则自动生成。至少8位，须同时包含字母和数字。"),
    )
    must_change_password = BooleanField(_l("首次登录须修改密码"), default=True)
    submit = SubmitField(_l("创建账号"))

    def error_field(self, code: str):
        """The field a service error is shown under (the role field when no other fits)."""
        return {
            "bad_username": self.username,
            "username_taken": self.username,
            "weak_password": self.password,
            "missing_organization": self.organization_id,
            "bad_display_name": self.display_name,
        }.get(code, self.role)


class StudentSearchForm(FlaskForm):
    """GET search on the student list (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(_l("姓名或用户名"))
    org = SelectField(_l("单位"), coerce=int, default=0, validate_choice=False)


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


class ErasureForm(FlaskForm):
    """Erasing a student's personal data cannot be undone: the admin types the username."""

    confirm_username = StringField(
        _l("请输入该学生的用户名以确认"),
        validators=[DataRequired(_l("请输入用户名以确认。")), Length(max=64)],
    )
    submit = SubmitField(_l("注销个人信息"))
