"""Bank pages: browse and filter, one question with its source, edit, approve, retire,
bulk-approve, import and export. Every route lives in the admin blueprint (organizers only)."""

from __future__ import annotations

from io import BytesIO

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.bank_forms import (
    BankFilterForm,
    BankImportForm,
    BulkApproveForm,
    ExportForm,
    QuestionForm,
    parse_answer,
)
from quiz.admin.forms import ConfirmForm
from quiz.admin.jobs import start as start_job
from quiz.admin.routes import add_dashboard_link
from quiz.bank.formats.schema import QUESTION_TYPE_NAMES, STATUS_NAMES, THEMED_DAY_NAMES
from quiz.bank.quality import REASONS
from quiz.models import JobState, Question
from quiz.services import DomainError, questions
from quiz.services.questions import BankImportError, highlight_for, import_bank_file
from quiz.timeutil import to_local, utcnow
from quiz.web.errors import refusals_redirect_to
from quiz.web.params import safe_next
from quiz.web.settings import per_page

#: Seconds a big bank upload waits for its job: a file refused at once is answered on the form.
BANK_JOB_WAIT = 1.5

LABELS = {"types": QUESTION_TYPE_NAMES, "statuses": STATUS_NAMES, "days": THEMED_DAY_NAMES}


# Dashboard tiles for these pages.
add_dashboard_link("admin.bank", _l("题库"), _l("浏览、搜索、审核和编辑题目"))
add_dashboard_link(
    "admin.bank_article_new", _l("从文章出题"), _l("粘贴或上传新闻稿，预览并保存为草稿题目")
)
add_dashboard_link(
    "admin.bank_import", _l("导入/导出题库"), _l("Excel、CSV、JSON、Moodle XML、GIFT")
)


def _filters(form: BankFilterForm) -> questions.BankFilters:
    """The form's filters; a tampered value (unknown day, say) means "any", not an error."""
    form.source.choices = [("", _("全部"))] + questions.source_choices()
    form.validate()

    def clean(field, empty):
        return empty if field.errors or not field.data else field.data

    return questions.BankFilters(
        day=clean(form.day, ""),
        type=clean(form.type, ""),
        difficulty=clean(form.difficulty, 0),
        status=clean(form.status, ""),
        source=clean(form.source, ""),
        q=form.q.data or "",
        recommended=bool(form.recommended.data),
    )


@bp.route("/bank")
def bank():
    """The bank: filters, text search, counts per status and day, a page of questions."""
    form = BankFilterForm(request.args)
    page = questions.page_of_questions(
        _filters(form), page=request.args.get("page", 1, type=int), per_page=per_page()
    )
    args = {key: value for key, value in request.args.items() if key != "page"}
    return render_template(
        "admin/bank/list.html",
        form=form,
        page=page,
        args=args,
        status_counts=questions.status_counts(),
        day_counts=questions.day_counts(),
        bulk_form=BulkApproveForm(),
        confirm_form=ConfirmForm(),
        source=form.source.data or "",
        labels=LABELS,
    )


@bp.route("/bank/questions/<int:question_id>")
def bank_question(question_id: int):
    """One question, with its source sentence highlighted in its paragraph."""
    question = questions.get_question(question_id)
    source = question.source
    highlight = (
        highlight_for(source.text, question.sentence, question.start, question.end)
        if source
        else None
    )
    return render_template(
        "admin/bank/question.html",
        question=question,
        highlight=highlight,
        form=ConfirmForm(),
        labels=LABELS,
        reasons=REASONS,
        warnings=questions.answer_warnings(question),
    )


@bp.route("/bank/sources/<source_id>/approve-recommended", methods=["POST"])
@refusals_redirect_to("admin.bank")
def bank_approve_recommended(source_id: str):
    """Approve, in one action, every question the generator recommends from one article."""
    if ConfirmForm().validate_on_submit():
        approved, skipped = questions.approve_recommended(source_id, actor=current_user)
        flash(_("已通过该文章的 %(count)s 道推荐题目。", count=approved), "success")
        if skipped:
            flash(_("%(count)s 道题未通过：已停用或不符合出题规则。", count=skipped), "warning")
    return redirect(url_for("admin.bank", source=source_id, recommended="y"))


@bp.route("/bank/questions/<int:question_id>/edit", methods=["GET", "POST"])
@refusals_redirect_to("admin.bank_question")
def bank_question_edit(question_id: int):
    """Edit a question; it is then marked edited so ``bank load`` never overwrites it."""
    question = questions.get_question(question_id)
    questions.require_editable(question, current_user)  # owner unit's organizers, or admins
    form = QuestionForm()
    if not form.is_submitted():
        form.fill(question)
    elif form.validate():
        warnings = _save_edit(form, question)
        if warnings is not None:
            flash(_("题目已保存。"), "success")
            for warning in warnings:
                flash(warning, "warning")
            return redirect(url_for("admin.bank_question", question_id=question.id))
    status = 422 if form.is_submitted() else 200
    return render_template(
        "admin/bank/edit.html", form=form, question=question, labels=LABELS
    ), status


def _save_edit(form: QuestionForm, question: Question) -> list[str] | None:
    """Save a validated edit: the service's warnings, or None with the problems on the form."""
    answer, problem = parse_answer(question.type, form.answer.data)
    if problem:
        form.answer.errors.append(problem)
        return None
    try:
        return questions.edit_question(
            question, _edit_values(form, question.type, answer), actor=current_user
        )
    except questions.QuestionInvalid as error:
        _attach(form, error.problems)
        return None


def _edit_values(form: QuestionForm, qtype: str, answer: list) -> questions.QuestionEdit:
    return questions.QuestionEdit(
        stem=form.stem.data.strip(),
        options=form.options_for(qtype),
        answer=answer,
        explanation=(form.explanation.data or "").strip(),
        difficulty=form.difficulty.data,
        status=form.status.data,
        themed_days=list(form.days.data or []),
    )


def _attach(form: QuestionForm, problems: dict[str, list[str]]) -> None:
    """Service problems shown under the matching field (options under 选项A)."""
    fields = {"stem": form.stem, "answer": form.answer, "options": form.option_a}
    fields |= {"difficulty": form.difficulty, "status": form.status, "themed_days": form.days}
    for name, messages in problems.items():
        target = fields.get(name, form.stem)
        target.errors = [*target.errors, *messages]


@bp.route("/bank/questions/<int:question_id>/approve", methods=["POST"])
@refusals_redirect_to("admin.bank_question")
def bank_question_approve(question_id: int):
    """Approve one question (it may then be drawn into papers)."""
    return _set_status(question_id, "approved", _("题目已通过审核。"))


@bp.route("/bank/questions/<int:question_id>/retire", methods=["POST"])
@refusals_redirect_to("admin.bank_question")
def bank_question_retire(question_id: int):
    """Retire one question: never drawn again, kept for the attempts that used it."""
    return _set_status(question_id, "retired", _("题目已停用。"))


def _set_status(question_id: int, status: str, done: str):
    question = questions.get_question(question_id)
    if ConfirmForm().validate_on_submit():
        questions.set_status(question, status, actor=current_user)
        flash(done, "success")
    return redirect(url_for("admin.bank_question", question_id=question.id))


@bp.route("/bank/bulk-approve", methods=["POST"])
def bank_bulk_approve():
    """Approve every ticked question of the list page."""
    form = BulkApproveForm()
    if form.validate_on_submit():
        approved, skipped = questions.bulk_approve(form.ids.data or [], actor=current_user)
        flash(_("已通过 %(count)s 道题。", count=approved), "success")
        if skipped:
            flash(_("%(count)s 道题未通过：已停用或不符合出题规则。", count=skipped), "warning")
    return redirect(safe_next(request.referrer) or url_for("admin.bank"))


@bp.route("/bank/import", methods=["GET", "POST"])
def bank_import():
    """Import XLSX/CSV/JSON: every row is checked; one bad row and nothing is imported."""
    form = BankImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        upload = form.file.data
        data, filename = upload.read(), upload.filename or ""
        try:
            if len(data) > questions.BANK_JOB_BYTES:
                job = _start_bank_job(filename, data)
                if not job.finished:
                    return redirect(url_for("admin.job_status", job_id=job.id))
                if job.state == JobState.FAILED:
                    raise BankImportError((job.result or {}).get("problems", []), job.error)
                flash(_("导入完成：%(summary)s。", summary=job.result["summary"]), "success")
                return redirect(url_for("admin.bank"))
            report = import_bank_file(filename, data, actor=current_user)
        except BankImportError as error:
            flash(error.message, "danger")
            problems = error.problems
        except DomainError as error:
            flash(error.message, "danger")
        else:
            flash(_("导入完成：%(summary)s。", summary=report.summary()), "success")
            return redirect(url_for("admin.bank"))
    status = 422 if form.is_submitted() else 200
    export_form = ExportForm(formdata=None)
    export_form.source.choices = [("", _("全部"))] + questions.source_choices()
    return render_template(
        "admin/bank/import.html", form=form, export_form=export_form, problems=problems
    ), status


def _start_bank_job(filename: str, data: bytes):
    """A big bank file: parse, check and commit it in a background job (its page shows why
    nothing was imported if a row is wrong)."""

    def work(actor, progress) -> dict:
        progress(0, 1)
        staged = questions.stage_bank_file(filename, data)
        progress(0, len(staged.questions))
        report = questions.commit_bank_file(staged, actor=actor, commit=False)
        return {"summary": report.summary()}

    return start_job("bank", work, total=1, wait=BANK_JOB_WAIT)


@bp.route("/bank/export")
@refusals_redirect_to("admin.bank_import")
def bank_export():
    """Download the (filtered) bank as XLSX, CSV, JSON, Moodle XML or GIFT; an organizer gets
    keys only for their units' questions (``questions.export_payload``)."""
    form = ExportForm(request.args)
    filters = _filters(form)
    payload, extension, mimetype = questions.export_payload(
        form.format.data, filters, actor=current_user
    )
    stamp = to_local(utcnow()).strftime("%Y%m%d-%H%M")
    return send_file(
        BytesIO(payload),
        mimetype=mimetype,
        as_attachment=True,
        download_name=f"题库-{stamp}.{extension}",
    )
