"""SQLAlchemy 2.0 typed models, one module per aggregate.

Importing this package registers every table on ``db.metadata`` (Alembic and ``create_all``
both rely on that).
"""

from quiz.models.accounts import ROLES, Organization, OrgLevel, Role, User
from quiz.models.audit import AuditLog

__all__ = ["ROLES", "AuditLog", "OrgLevel", "Organization", "Role", "User"]
