"""Factories for users, organizations (and later contests and questions) in tests."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from quiz.extensions import db
from quiz.models import Organization, Question, Role, Source, User
from quiz.services.accounts.organizations import ensure_path
from quiz.services.accounts.users import NewUser, create_user
from quiz.services.contests.editing import save_contest
from quiz.services.contests.values import ContestValues
from tests.clock import NOW

DEFAULT_PASSWORD = "passw0rd!"
DEFAULT_CLASS = "四川省/广元中学/高一(1)班"


class Factories:
    """Create domain objects through the real services so tests exercise the same rules."""

    _counter = itertools.count(1)

    def __init__(self, app):
        self.app = app

    def organization(self, path: str = DEFAULT_CLASS) -> Organization:
        node = ensure_path(path)
        db.session.commit()
        return node

    def user(
        self,
        username: str | None = None,
        *,
        role: str = Role.STUDENT,
        password: str = DEFAULT_PASSWORD,
        organization: str | Organization | None = DEFAULT_CLASS,
        display_name: str | None = None,
        **extra,
    ) -> User:
        username = username or f"user{next(self._counter)}"
        if isinstance(organization, str):
            organization = self.organization(organization)
        return create_user(
            NewUser(
                username=username,
                display_name=display_name or f"用户{username}",
                password=password,
                role=role,
                organization_id=organization.id if organization else None,
                **extra,
            ),
            hash_method=self.app.config["PASSWORD_HASH_METHOD"],
        )

    def student(self, username: str | None = None, **kwargs) -> User:
        return self.user(username, role=Role.STUDENT, **kwargs)

    def organizer(self, username: str | None = None, *, unit: str = "四川省/广元中学", **kwargs):
        return self.user(username, role=Role.ORGANIZER, organization=unit, **kwargs)

    def admin(self, username: str | None = None, **kwargs) -> User:
        return self.user(username, role=Role.ADMIN, organization=None, **kwargs)

    # --- question bank -------------------------------------------------------------------

    def source(self, source_id: str = "test-article", text: str = "测试文章。第二句。") -> Source:
        source = db.session.get(Source, source_id)
        if source is None:
            source = Source(
                id=source_id, title="测试文章", publisher="测试报", date="2021-10-11", text=text
            )
            db.session.add(source)
            db.session.commit()
        return source

    def question(
        self,
        *,
        type: str = "single_choice",
        days: tuple[str, ...] = ("campus",),
        status: str = "approved",
        fact: str | None = None,
        difficulty: int = 1,
        stem: str | None = None,
        options: list[str] | None = None,
        answer: list | None = None,
    ) -> Question:
        n = next(self._counter)
        defaults = {
            "single_choice": (["甲", "乙", "丙", "丁"], [0]),
            "multiple_choice": (["甲", "乙", "丙", "丁", "戊"], [0, 2]),
            "true_false": (["正确", "错误"], [1]),
            "fill_blank": ([], ["72万元", "72万"]),
        }[type]
        source = self.source()
        question = Question(
            uid=f"q{n:05d}",
            type=type,
            stem=stem or f"第{n}题的题干是什么？",
            options=options if options is not None else defaults[0],
            answer=answer if answer is not None else defaults[1],
            explanation=f"出处：测试报 2021-10-11 第{n}题",
            difficulty=difficulty,
            status=status,
            fact=fact or f"fact-{n}",
            source_id=source.id,
            sentence="测试文章。",
            # Each question its own place in the source (a paper never holds two questions of one
            # sentence); the highlight finds the sentence by its text when offsets run past it.
            start=n * 10,
            end=n * 10 + 5,
        )
        question.themed_days = list(days)
        db.session.add(question)
        db.session.commit()
        return question

    def questions(self, count: int, **kwargs) -> list[Question]:
        return [self.question(**kwargs) for _ in range(count)]

    # --- contests ------------------------------------------------------------------------

    def contest(self, *, owner: User | None = None, now: datetime | None = None, **overrides):
        """An open contest (opened a minute before ``now``, default NOW) with enough questions to draw.

        Questions are created for its day unless ``with_questions=False``.
        """
        with_questions = overrides.pop("with_questions", True)
        now = now or NOW
        values = ContestValues(
            title=overrides.pop("title", "校园日知识竞赛"),
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(hours=2),
            themed_day="campus",
            time_limit_seconds=600,
            question_count=4,
            type_counts={"single_choice": 2, "true_false": 1, "fill_blank": 1},
        )
        for name, value in overrides.items():
            setattr(values, name, value)
        if with_questions:
            day = (values.themed_day or "general",)
            for qtype, count in values.type_counts.items():
                self.questions(count, type=qtype, days=day)
            extra = values.question_count - sum(values.type_counts.values())
            if extra > 0:
                self.questions(extra, days=day)
        owner = owner or self.organizer()
        return save_contest(None, values, actor=owner)
