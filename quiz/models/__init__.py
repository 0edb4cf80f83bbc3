"""SQLAlchemy 2.0 typed models, one module per aggregate.

Importing this package registers every table on ``db.metadata`` (Alembic and ``create_all``
both rely on that).
"""

from quiz.models.accounts import ROLES, LoginFailure, Organization, OrgLevel, Role, User
from quiz.models.attempts import Answer, Attempt, IntegrityEvent, ReviewItem
from quiz.models.audit import AuditLog
from quiz.models.bank import Question, QuestionDay, QuestionVersion, Source
from quiz.models.contests import (
    Contest,
    ContestOrganization,
    ContestPool,
    ContestQuestion,
    Event,
)
from quiz.models.jobs import Job, JobState
from quiz.models.standings import BoardVersion, EventStanding, Standing

__all__ = [
    "Answer",
    "Attempt",
    "Contest",
    "ContestOrganization",
    "ContestPool",
    "ContestQuestion",
    "Event",
    "EventStanding",
    "IntegrityEvent",
    "Job",
    "JobState",
    "LoginFailure",
    "ReviewItem",
    "ROLES",
    "AuditLog",
    "BoardVersion",
    "OrgLevel",
    "Organization",
    "Question",
    "QuestionDay",
    "QuestionVersion",
    "Role",
    "Source",
    "Standing",
    "User",
]
