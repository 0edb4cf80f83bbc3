"""Results: what organizers get once students have answered — item statistics, exports,
rescoring a voided question, the live monitor and certificates.
"""

from .certificates import (
    Certificate,
    Pending,
    attempt_certificate_state,
    attempt_for_code,
    certificate,
    certificate_for,
    certificate_pdf,
    download_name,
    event_certificate_for,
    issued_on_board,
    qr_matrix,
    qr_svg,
    score_card,
    verified,
)
from .exports import FORMATS, board_rows, render, results_rows
from .identity import Identity, IdentityView
from .monitor import audit_entries, get_attempt, integrity_log, monitor_rows, status_counts
from .rescoring import void_question
from .statistics import contest_statistics

__all__ = [
    "Certificate",
    "Pending",
    "event_certificate_for",
    "attempt_certificate_state",
    "issued_on_board",
    "verified",
    "FORMATS",
    "Identity",
    "IdentityView",
    "attempt_for_code",
    "audit_entries",
    "board_rows",
    "certificate",
    "certificate_for",
    "certificate_pdf",
    "contest_statistics",
    "download_name",
    "get_attempt",
    "integrity_log",
    "monitor_rows",
    "qr_matrix",
    "qr_svg",
    "score_card",
    "render",
    "results_rows",
    "status_counts",
    "void_question",
]
