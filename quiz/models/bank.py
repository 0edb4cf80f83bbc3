"""The question bank in the database: source articles and their questions.

The bank JSON file is the exchange format; the database is the working copy that organizers
edit. ``Question.uid`` is the generator's stable id, ``Question.id`` the app's own id.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quiz.bank.constants import QuestionStatus
from quiz.extensions import db
from quiz.timeutil import utcnow


class Source(db.Model):
    """A source article. Its full text is kept so a question's sentence can be shown in place."""

    __tablename__ = "source"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    publisher: Mapped[str] = mapped_column(String(120), default="")
    date: Mapped[str] = mapped_column(String(10), default="")
    path: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    questions: Mapped[list[Question]] = relationship(back_populates="source")


class Question(db.Model):
    """One bank question with its provenance (sentence and offsets into the source text)."""

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    stem: Mapped[str] = mapped_column(Text)
    options: Mapped[list] = mapped_column(JSON, default=list)
    answer: Mapped[list] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    difficulty: Mapped[int] = mapped_column(Integer, default=1, index=True)
    status: Mapped[str] = mapped_column(String(10), default=QuestionStatus.DRAFT, index=True)
    fact: Mapped[str] = mapped_column(String(120), default="", index=True)
    source_id: Mapped[str | None] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"), index=True
    )
    sentence: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    # Where in the sentence the answer stands (a true/false stem may print a false value; the
    # paper draw needs the true one to keep questions that give each other away apart).
    answer_spans: Mapped[list] = mapped_column(JSON, default=list)
    generator_rule: Mapped[str] = mapped_column(String(80), default="")
    generator_version: Mapped[str] = mapped_column(String(40), default="")
    # The generator's judgement (bank schema 2): a 0-100 score, the codes behind it, and whether
    # it recommends the question. Recommended questions stay drafts until an organizer approves.
    quality_score: Mapped[int | None] = mapped_column(Integer)
    quality_reasons: Mapped[list] = mapped_column(JSON, default=list)
    recommended: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # Set when an organizer edits the question in the UI: ``bank load`` then leaves it alone.
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # The unit whose organizers edit and retire it; None (the CLI bank, the seed): admins only.
    owner_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    # Shared questions may be drawn and exported by every unit (their keys only by the owner).
    shared: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    source: Mapped[Source | None] = relationship(back_populates="questions")
    days: Mapped[list[QuestionDay]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="QuestionDay.day"
    )

    @property
    def themed_days(self) -> list[str]:
        return [tag.day for tag in self.days]

    @themed_days.setter
    def themed_days(self, values: list[str]) -> None:
        wanted = sorted(set(values))
        self.days = [tag for tag in self.days if tag.day in wanted]
        have = {tag.day for tag in self.days}
        self.days.extend(QuestionDay(day=day) for day in wanted if day not in have)


class QuestionDay(db.Model):
    """A themed-day tag of a question (a table, so a paper's draw filters by day in SQL)."""

    __tablename__ = "question_day"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[str] = mapped_column(String(10), primary_key=True, index=True)

    question: Mapped[Question] = relationship(back_populates="days")


class QuestionVersion(db.Model):
    """One immutable snapshot of a question's content, as a contest's fixed pool serves it.

    A pool refers to versions, not to questions, so an edit of the live question (a new
    version) never changes what a running contest draws. ``content`` holds what the draw and
    the paper read (type, stem, options, answer, explanation, difficulty, fact, source,
    answer spans, themed days); ``content_hash`` names it, one row per distinct content.
    """

    __tablename__ = "question_version"
    __table_args__ = (UniqueConstraint("question_id", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    content: Mapped[dict] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
