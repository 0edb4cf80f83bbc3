"""Attempts: a student's paper (a frozen snapshot), their answers, and integrity events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models.accounts import User
from quiz.models.contests import Contest
from quiz.timeutil import utcnow


class Attempt(db.Model):
    """One try at a contest. The deadline is fixed at start; ``paper`` never changes after."""

    __tablename__ = "attempt"
    __table_args__ = (
        UniqueConstraint("contest_id", "user_id", "number"),
        # At most one open attempt per student and contest, even for two simultaneous starts.
        Index(
            "uq_attempt_one_open",
            "contest_id",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'in_progress'"),
            postgresql_where=text("status = 'in_progress'"),
        ),
        Index("ix_attempt_contest_status", "contest_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    seed: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12), default=AttemptStatus.IN_PROGRESS)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deadline: Mapped[datetime] = mapped_column(DateTime)
    extension_seconds: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Kept current as answers are saved, so an expired attempt is ranked without a write.
    score: Mapped[float] = mapped_column(Float, default=0.0)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    # Snapshot of the paper as shown: questions, option order, key (server-side only).
    paper: Mapped[list] = mapped_column(JSON, default=list)
    focus_losses: Mapped[int] = mapped_column(Integer, default=0)
    focus_away_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    is_preview: Mapped[bool] = mapped_column(default=False)

    contest: Mapped[Contest] = relationship()
    user: Mapped[User] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )


class Answer(db.Model):
    """The latest saved answer to one question of an attempt (graded when saved)."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"))
    # Shown-order option indices, or None for fill-in answers.
    choice: Mapped[list | None] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(String(500))
    points: Mapped[float] = mapped_column(Float, default=0.0)
    is_correct: Mapped[bool] = mapped_column(default=False)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="answers")


class IntegrityEvent(db.Model):
    """A focus loss or return reported by the quiz page (page hidden / blur)."""

    __tablename__ = "integrity_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempt.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # hidden, visible, blur, focus
    client_time: Mapped[datetime | None] = mapped_column(DateTime)
    server_time: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    away_ms: Mapped[int] = mapped_column(BigInteger, default=0)


class ReviewItem(db.Model):
    """错题本: a question the student got wrong, kept until they answer it right in practice."""

    __tablename__ = "review_item"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    times_wrong: Mapped[int] = mapped_column(Integer, default=1)
    last_wrong_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    mastered_at: Mapped[datetime | None] = mapped_column(DateTime)
