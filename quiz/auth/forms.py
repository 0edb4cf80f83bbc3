"""Auth forms (WTForms via Flask-WTF, CSRF included)."""

from __future__ import annotations

from flask_babel import LazyString, gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length

from quiz.services.accounts import USERNAME_LENGTH, USERNAME_RULE, NewUser

#: The username rule's words, translated when shown; the hint and every username error quote
#: it, so they always name the same characters as the check itself (USERNAME_PATTERN).
_RULE = LazyString(lambda: gettext(USERNAME_RULE))
USERNAME_HINT = _l("%(rule)s，用于登录。", rule=_RULE)
USERNAME_ERROR = _l("用户名须为%(rule)s。", rule=_RULE)


def username_validators() -> list:
    """Required, and the rule's length (the characters are checked by the service)."""
    return [DataRequired(_l("请输入用户名。")), Length(*USERNAME_LENGTH, USERNAME_ERROR)]


class LoginForm(FlaskForm):
    username = StringField(_l("用户名"), validators=[DataRequired(_l("请输入用户名。"))])
    password = PasswordField(_l("密码"), validators=[DataRequired(_l("请输入密码。"))])
    remember = BooleanField(_l("记住我"))
    submit = SubmitField(_l("登录"))


class RegisterForm(FlaskForm):
    username = StringField(
        _l("用户名"),
        validators=username_validators(),
        description=USERNAME_HINT,
    )
    display_name = StringField(
        _l("姓名"),
        validators=[DataRequired(_l("请输入姓名。")), Length(1, 32, _l("姓名不超过32个字符。"))],
    )
    organization_id = SelectField(
        _l("所属单位"),
        coerce=int,
        validators=[InputRequired(_l("请选择所属学校/班级。"))],
        validate_choice=True,
    )
    password = PasswordField(
        _l("密码"),
        validators=[DataRequired(_l("请输入密码。"))],
        description=_l("至少8位，须同时包含字母和数字。"),
    )
    confirm = PasswordField(
        _l("确认密码"), validators=[EqualTo("password", _l("两次输入的密码不一致。"))]
    )
    submit = SubmitField(_l("注册"))

    def new_user(self) -> NewUser:
        """The account this (validated) form asks for; 0 means no unit was picked."""
        return NewUser(
            username=self.username.data,
            display_name=self.display_name.data,
            password=self.password.data,
            organization_id=self.organization_id.data or None,
        )

    def error_text(self, error) -> str:
        """A service refusal in the page's language (the username one in the hint's words)."""
        return str(USERNAME_ERROR) if error.code == "bad_username" else error.message

    def error_field(self, code: str):
        """The field a registration error is shown under, or None for a page-level message."""
        return {
            "bad_username": self.username,
            "username_taken": self.username,
            "weak_password": self.password,
            "missing_organization": self.organization_id,
            "bad_organization": self.organization_id,
            "registration_closed": self.organization_id,
            "bad_display_name": self.display_name,
        }.get(code)


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("当前密码"), validators=[DataRequired(_l("请输入当前密码。"))])
    password = PasswordField(
        _l("新密码"),
        validators=[DataRequired(_l("请输入新密码。"))],
        description=_l("至少8位，须同时包含字母和数字。"),
    )
    confirm = PasswordField(
        _l("确认新密码"), validators=[EqualTo("password", _l("两次输入的密码不一致。"))]
    )
    submit = SubmitField(_l("修改密码"))
