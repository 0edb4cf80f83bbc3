"""Contests: events (a week of six themed days) and the contests held in them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quiz.extensions import db
from quiz.models.accounts import Organization, User
from quiz.timeutil import utcnow


class Event(db.Model):
    """An event such as 四川省2021年国家网络安全宣传周, holding the themed-day contests."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, Asia/Shanghai calendar
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    contests: Mapped[list[Contest]] = relationship(
        back_populates="event", order_by="Contest.opens_at"
    )
    organization: Mapped[Organization | None] = relationship()


class Contest(db.Model):
    """A timed quiz. Rules here are also checked by the services and backed by constraints."""

    __tablename__ = "contest"
    __table_args__ = (
        CheckConstraint("closes_at > opens_at", name="closes_after_opens"),
        CheckConstraint("time_limit_seconds > 0", name="positive_time_limit"),
        CheckConstraint("question_count > 0", name="positive_question_count"),
        CheckConstraint("attempts_allowed > 0", name="positive_attempts"),
        CheckConstraint(
            "award_rule IN ('none', 'rank_count', 'rank_percent', 'score_percent')",
            name="known_award_rule",
        ),
        CheckConstraint(
            "(award_cut_1 IS NULL OR award_cut_1 > 0) AND (award_cut_2 IS NULL OR award_cut_2 > 0)"
            " AND (award_cut_3 IS NULL OR award_cut_3 > 0)",
            name="positive_award_cuts",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    themed_day: Mapped[str | None] = mapped_column(String(10), index=True)
    opens_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    closes_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    time_limit_seconds: Mapped[int] = mapped_column(Integer, default=600)
    question_count: Mapped[int] = mapped_column(Integer, default=10)
    draw_mode: Mapped[str] = mapped_column(String(10), default="rules")
    # {"types": {"single_choice": 5, ...}, "difficulty": {"1": 4, "2": 4, "3": 2}} (either optional)
    draw_rules: Mapped[dict] = mapped_column(JSON, default=dict)
    points_per_question: Mapped[int] = mapped_column(Integer, default=10)
    partial_credit: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts_allowed: Mapped[int] = mapped_column(Integer, default=1)
    counting: Mapped[str] = mapped_column(String(10), default="best")
    access: Mapped[str] = mapped_column(String(15), default="everyone")
    join_code: Mapped[str | None] = mapped_column(String(32))
    show_answers: Mapped[str] = mapped_column(String(15), default="after_submit")
    # None = off; otherwise submit automatically after this many focus losses.
    auto_submit_after_switches: Mapped[int | None] = mapped_column(Integer)
    # Public boards show standings as of this time (organizers still see the live board).
    freeze_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the pool was fixed (the first start after opens_at; 更新题池 sets it again). Until
    # then draws follow the bank; from then on they come only from ``contest_pool``.
    pool_fixed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Certificates (quiz.services.contests.awards): the rule and up to three cut-offs, counts
    # or percentages by rule; None = that level is not awarded.
    award_rule: Mapped[str] = mapped_column(String(15), default="none", server_default="none")
    award_cut_1: Mapped[int | None] = mapped_column(Integer)
    award_cut_2: Mapped[int | None] = mapped_column(Integer)
    award_cut_3: Mapped[int | None] = mapped_column(Integer)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    event: Mapped[Event | None] = relationship(back_populates="contests")
    organization: Mapped[Organization | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    allowed_organizations: Mapped[list[ContestOrganization]] = relationship(
        cascade="all, delete-orphan"
    )
    fixed_questions: Mapped[list[ContestQuestion]] = relationship(
        cascade="all, delete-orphan", order_by="ContestQuestion.position"
    )

    @property
    def max_score(self) -> int:
        return self.question_count * self.points_per_question


class ContestOrganization(db.Model):
    """An organization whose members (and their sub-units) may enter a restricted contest."""

    __tablename__ = "contest_organization"

    contest_id: Mapped[int] = mapped_column(
        ForeignKey("contest.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True
    )


class ContestQuestion(db.Model):
    """A hand-picked question of a contest with a fixed set."""

    __tablename__ = "contest_question"
    __table_args__ = (UniqueConstraint("contest_id", "position"),)

    contest_id: Mapped[int] = mapped_column(
        ForeignKey("contest.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)


class ContestPool(db.Model):
    """A question version in a contest's fixed pool (one version per question and contest)."""

    __tablename__ = "contest_pool"
    __table_args__ = (UniqueConstraint("contest_id", "question_id"),)

    contest_id: Mapped[int] = mapped_column(
        ForeignKey("contest.id", ondelete="CASCADE"), primary_key=True
    )
    question_version_id: Mapped[int] = mapped_column(
        ForeignKey("question_version.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # Denormalized from the version, so the practicable rule reads a pool without a join and
    # the unique constraint keeps one version per question.
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
