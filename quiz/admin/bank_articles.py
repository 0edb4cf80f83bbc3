"""Questions from a new article: paste or upload it, preview what the generator makes of it,
save the article and its questions as drafts."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.admin import bp
from quiz.admin.bank import LABELS
from quiz.admin.bank_forms import ArticleForm
from quiz.bank.constants import QuestionStatus
from quiz.bank.quality import REASONS
from quiz.services import DomainError
from quiz.services.questions import ArticleMeta, decode_upload, preview_article, save_article


@bp.route("/bank/articles/new", methods=["GET", "POST"])
def bank_article_new():
    """Paste or upload an article; 预览 shows its questions, 保存 stores them as drafts."""
    form = ArticleForm()
    preview = None
    if form.validate_on_submit():
        try:
            text = _posted_text(form)
            meta = ArticleMeta(
                id=form.article_id.data or "",
                title=form.title.data or "",
                publisher=form.publisher.data or "",
                date=form.date.data or "",
            )
            if form.save.data:
                saved, report = save_article(text, meta, actor=current_user)
                flash(_("已保存为草稿：%(summary)s。", summary=report.summary()), "success")
                return redirect(
                    url_for("admin.bank", source=saved.article_id, status=QuestionStatus.DRAFT)
                )
            preview = preview_article(text, meta)
        except DomainError as error:
            flash(error.message, "danger")
    status = 422 if form.is_submitted() and preview is None else 200
    return render_template(
        "admin/bank/article.html", form=form, preview=preview, labels=LABELS, reasons=REASONS
    ), status


def _posted_text(form: ArticleForm) -> str:
    """The uploaded file's text (shown back in the text box for saving), else the pasted text."""
    upload = form.file.data
    if upload and getattr(upload, "filename", ""):
        if not upload.filename.lower().endswith(".txt"):
            raise DomainError(_("请上传 .txt 文本文件（Word 文档请先另存为 UTF-8 文本）。"))
        form.text.data = decode_upload(upload.read())
    return form.text.data or ""
