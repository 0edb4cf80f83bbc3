"""Forms of the bank pages: filter, edit, bulk approve, article, import and export.

Choices that come from the database (sources) are filled in by the views. The edit form turns
the answer text organizers type (``A``, ``ABD``, ``正确``, ``72万元|72万``) into the stored
answer; the question rules themselves live in ``quiz.services.questions.rules``.
"""

from __future__ import annotations

import re
import unicodedata

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from quiz.admin.form_fields import CheckboxListField, options
from quiz.bank.constants import GENERAL_LABEL, GENERAL_TAG, QuestionStatus, QuestionType, ThemedDay
from quiz.bank.formats.schema import OPTION_LETTERS, TRUE_FALSE_OPTIONS
from quiz.web.templating import choices

DAY_CHOICES = [*choices(ThemedDay), (GENERAL_TAG, _l(GENERAL_LABEL))]
TYPE_CHOICES = choices(QuestionType)
STATUS_CHOICES = choices(QuestionStatus)
DIFFICULTY_CHOICES = [(1, _l("1 易")), (2, _l("2 中")), (3, _l("3 难"))]
EXPORT_CHOICES = [
    ("xlsx", "Excel（XLSX）"),
    ("csv", "CSV（UTF-8）"),
    ("json", _l("JSON（完整题库）")),
    ("moodle", "Moodle XML"),
    ("gift", "GIFT"),
]
ANY = [("", _l("全部"))]


class BankFilterForm(FlaskForm):
    """GET filters of the bank list and the export (no CSRF: they change nothing)."""

    class Meta:
        csrf = False

    q = StringField(_l("搜索题干、选项或原句"))
    day = SelectField(_l("主题日"), choices=options(ANY + DAY_CHOICES), default="")
    type = SelectField(_l("题型"), choices=options(ANY + TYPE_CHOICES), default="")
    difficulty = SelectField(
        _l("难度"), choices=options([(0, _l("全部")), *DIFFICULTY_CHOICES]), coerce=int, default=0
    )
    status = SelectField(_l("状态"), choices=options(ANY + STATUS_CHOICES), default="")
    source = SelectField(_l("出处"), choices=options(ANY), default="", validate_choice=False)
    recommended = BooleanField(_l("只看推荐题目"))


class ExportForm(BankFilterForm):
    format = SelectField(_l("格式"), choices=options(EXPORT_CHOICES), default="xlsx")


class QuestionForm(FlaskForm):
    """Edit one question; the type is fixed (changing it would make a different question)."""

    stem = TextAreaField(_l("题干"), validators=[DataRequired(_l("请填写题干。"))])
    option_a = StringField(_l("选项A"))
    option_b = StringField(_l("选项B"))
    option_c = StringField(_l("选项C"))
    option_d = StringField(_l("选项D"))
    option_e = StringField(_l("选项E"))
    option_f = StringField(_l("选项F"))
    answer = StringField(
        _l("答案"),
        validators=[DataRequired(_l("请填写答案。"))],
        description=_l(
            "选择题填字母（如 A 或 ABD）；判断题填 正确 或 错误；填空题多个可接受答案用 | 分隔。"
        ),
    )
    explanation = TextAreaField(_l("解析"))
    difficulty = SelectField(_l("难度"), choices=options(DIFFICULTY_CHOICES), coerce=int)
    days = CheckboxListField(_l("主题日"), choices=options(DAY_CHOICES))
    status = SelectField(_l("状态"), choices=options(STATUS_CHOICES))
    submit = SubmitField(_l("保存"))

    OPTION_FIELDS = ("option_a", "option_b", "option_c", "option_d", "option_e", "option_f")

    def fill(self, question) -> None:
        """Prefill from a question (GET)."""
        self.stem.data = question.stem
        options = list(question.options or [])
        for name, text in zip(self.OPTION_FIELDS, options, strict=False):
            getattr(self, name).data = text
        self.answer.data = answer_text(question.type, question.answer or [])
        self.explanation.data = question.explanation
        self.difficulty.data = question.difficulty
        self.days.data = question.themed_days
        self.status.data = question.status

    def options_for(self, qtype: str) -> list[str]:
        if qtype == QuestionType.FILL_BLANK:
            return []
        if qtype == QuestionType.TRUE_FALSE:
            return list(TRUE_FALSE_OPTIONS)
        options = [(getattr(self, name).data or "").strip() for name in self.OPTION_FIELDS]
        while options and not options[-1]:
            options.pop()
        return options


def answer_text(qtype: str, answer: list) -> str:
    """The stored answer as organizers type it."""
    if qtype == QuestionType.FILL_BLANK:
        return "|".join(str(a) for a in answer)
    if qtype == QuestionType.TRUE_FALSE:
        return TRUE_FALSE_OPTIONS[answer[0]] if answer and answer[0] in (0, 1) else ""
    return "".join(OPTION_LETTERS[i] for i in answer if isinstance(i, int) and 0 <= i < 6)


def parse_answer(qtype: str, text: str) -> tuple[list, str | None]:
    """(answer, None) or ([], a Chinese message) from what was typed in the answer field."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if qtype == QuestionType.FILL_BLANK:
        accepted = [part.strip() for part in re.split(r"[|｜]", text) if part.strip()]
        return (accepted, None) if accepted else ([], "请至少填写一个可接受答案。")
    if qtype == QuestionType.TRUE_FALSE:
        if text in TRUE_FALSE_OPTIONS:
            return [TRUE_FALSE_OPTIONS.index(text)], None
        return [], "判断题答案应为 正确 或 错误。"
    letters = re.sub(r"[\s,，、;；]+", "", text).upper()
    if not letters or any(letter not in OPTION_LETTERS for letter in letters):
        return [], "答案只能由字母 A–F 组成。"
    return sorted({OPTION_LETTERS.index(letter) for letter in letters}), None


class BulkApproveForm(FlaskForm):
    """The checkboxes of the bank list; the ids are checked by the service."""

    ids = SelectMultipleField(coerce=int, validate_choice=False)
    submit = SubmitField(_l("通过所选题目"))


ARTICLE_ID_RULE = Regexp(
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
    message=_l("编号只能包含字母、数字、点、横线和下划线，且以字母或数字开头。"),
)


class ArticleForm(FlaskForm):
    """A new source article, pasted or uploaded as a UTF-8 .txt file, with optional metadata."""

    text = TextAreaField(
        _l("文章全文"), description=_l("粘贴文章全文，或在下方上传 UTF-8 编码的 .txt 文件。")
    )
    file = FileField(_l("或上传 .txt 文件"))
    title = StringField(
        _l("标题"),
        validators=[Optional(), Length(max=300)],
        description=_l("留空则取第一行。"),
    )
    publisher = StringField(_l("发布单位/媒体"), validators=[Optional(), Length(max=120)])
    date = StringField(
        _l("发布日期"),
        validators=[
            Optional(),
            Regexp(r"^\d{4}-\d{2}-\d{2}$", message=_l("日期格式应为 2021-10-11。")),
        ],
    )
    article_id = StringField(
        _l("文章编号"),
        validators=[Optional(), Length(max=120), ARTICLE_ID_RULE],
        description=_l("留空则按内容自动生成；同一编号再次保存会更新该文章的草稿题目。"),
    )
    preview = SubmitField(_l("预览生成的题目"))
    # Saving re-posts the same text and regenerates (the generator is deterministic), so the
    # server keeps no state between preview and save.
    save = SubmitField(_l("保存为草稿题库"))


class BankImportForm(FlaskForm):
    file = FileField(
        _l("题库文件"),
        validators=[FileRequired(_l("请选择要上传的文件。"))],
        description=_l(
            "XLSX、CSV（推荐 UTF-8）或 JSON；列：题型、题干、选项A–F、答案、解析、主题日、难度、id、状态、出处。"
        ),
    )
    submit = SubmitField(_l("导入"))
