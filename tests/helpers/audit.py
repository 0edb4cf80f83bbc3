"""Reading the audit log in tests."""

from __future__ import annotations

from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog


def audit(action: str) -> list[AuditLog]:
    """Every audit entry of ``action``, oldest first."""
    return list(
        db.session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id))
    )
