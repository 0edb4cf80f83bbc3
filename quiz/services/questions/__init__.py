"""Questions: the bank in the database — loading bank files, importing spreadsheets, editing
and reviewing, searching, articles pasted by organizers, and where a question came from.
"""

from .articles import ArticleMeta, decode_upload, preview_article, save_article
from .edit import (
    QuestionEdit,
    QuestionInvalid,
    answer_warnings,
    approve_recommended,
    bulk_approve,
    edit_question,
    get_question,
    may_edit,
    require_editable,
    set_status,
)
from .file_import import (
    BANK_JOB_BYTES,
    BankImportError,
    commit_bank_file,
    import_bank_file,
    stage_bank_file,
)
from .provenance import display_excerpt, highlight_for, leading_sentences, normalise_punctuation
from .query import (
    BankFilters,
    day_counts,
    export_payload,
    page_of_questions,
    pickable_questions,
    source_choices,
    status_counts,
)
from .store import load_bank, read_source_texts
from .versions import ensure_versions, source_info, version_content

__all__ = [
    "ArticleMeta",
    "BankFilters",
    "BANK_JOB_BYTES",
    "BankImportError",
    "commit_bank_file",
    "stage_bank_file",
    "QuestionEdit",
    "QuestionInvalid",
    "answer_warnings",
    "approve_recommended",
    "bulk_approve",
    "day_counts",
    "decode_upload",
    "edit_question",
    "ensure_versions",
    "may_edit",
    "require_editable",
    "export_payload",
    "get_question",
    "highlight_for",
    "display_excerpt",
    "leading_sentences",
    "normalise_punctuation",
    "import_bank_file",
    "load_bank",
    "page_of_questions",
    "pickable_questions",
    "preview_article",
    "read_source_texts",
    "save_article",
    "set_status",
    "source_choices",
    "source_info",
    "status_counts",
    "version_content",
]
