"""A realistic little world for the robustness and security suites.

Two schools, an organizer of each, an admin, students (one with an HTML-laden display name), a
question bank with a source article, an event with its six contests, a standalone contest with a
started attempt, and a roster import whose credentials are still pending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Organization
from quiz.services import accounts
from quiz.services.attempts.lifecycle import start_attempt
from quiz.services.contests.papers import build_paper
from quiz.services.contests.week import create_week, week_type_counts
from quiz.services.jobs import create_job
from quiz.services.results.certificates import code_for
from quiz.timeutil import utcnow

OTHER_SCHOOL = "四川省/绵阳中学"
OTHER_CLASS = f"{OTHER_SCHOOL}/初一(2)班"
XSS = "<script>alert(1)</script>"
ORG_XSS = "<img src=x onerror=alert(3)>"  # no "/": that separates path levels
ARTICLE = (
    "2021年10月11日，国家网络安全宣传周在西安开幕。"
    '<img src=x onerror="alert(2)">本届宣传周共举办活动72场。'
    "主题是网络安全为人民，网络安全靠人民。"
)
ROSTER_CSV = "姓名,班级,用户名\n张三,高一(1)班,\n李四,高一(2)班,lisi2024\n".encode()


@dataclass
class World:
    """Ids of what was created; ``params`` fills URL path parameters by name."""

    ids: dict[str, int] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    usernames: dict[str, str] = field(default_factory=dict)


def build_world(app, factories) -> World:
    now = utcnow()
    world = World()
    teacher = factories.organizer("teacher")
    rival = factories.organizer("rival", unit=OTHER_SCHOOL)
    factories.admin("root")
    student = factories.student("student", display_name=XSS)
    factories.student("classmate")
    factories.student("stranger", organization=OTHER_CLASS)
    # An organization whose name is an XSS attempt, under the teacher's school.
    evil_org = factories.organization(f"四川省/广元中学/{ORG_XSS}")
    factories.student("evilclass", organization=evil_org)

    factories.source("xss-article", text=ARTICLE)
    question = factories.question(stem=f"题干{XSS}", fact="xss-fact")
    question.source_id = "xss-article"
    question.sentence = "本届宣传周共举办活动72场。"
    question.start = ARTICLE.index("本届")
    question.end = question.start + len(question.sentence)
    question.explanation = f"解析{XSS}"
    question.owner_unit_id = teacher.organization_id  # the teacher's school edits it
    db.session.commit()

    contest = factories.contest(owner=teacher, now=now, title=f"比赛{XSS}")
    attempt, _created = start_attempt(
        contest,
        student,
        now=now,
        grace_seconds=float(app.config["ANSWER_GRACE_SECONDS"]),
        paper_builder=build_paper,
    )
    for qtype, count in week_type_counts(4).items():
        factories.questions(count, type=qtype, days=tuple(THEMED_DAYS))
    factories.questions(4, days=tuple(THEMED_DAYS))  # the untyped rest of each paper
    event = create_week(
        title="2026年网安周",
        start=(now - timedelta(days=1)).date(),
        actor=teacher,
        open_now=True,
        now=now,
        question_count=4,
    )
    school = db.session.scalars(
        db.select(Organization).where(Organization.name == "广元中学")
    ).one()
    imported = accounts.import_roster(
        teacher,
        school.id,
        "名单.csv",
        ROSTER_CSV,
        prefix="gy",
        hash_method=app.config["PASSWORD_HASH_METHOD"],
        now=now,
    )
    job = create_job("roster", teacher, total=3, now=now)  # the teacher's progress page
    db.session.commit()
    paper_question = attempt.paper[0]["question_id"]

    world.ids = {
        "attempt": attempt.id,
        "contest": contest.id,
        "event": event.id,
        "question": question.id,
        "paper_question": paper_question,
        "student": student.id,
        "school": school.id,
        "rival": rival.id,
        "evil_org": evil_org.id,
    }
    world.params = {
        "attempt_id": str(attempt.id),
        "contest_id": str(contest.id),
        "event_id": str(event.id),
        "question_id": str(question.id),
        "org_id": str(school.id),
        "user_id": str(student.id),
        "token": imported.token,
        "job_id": str(job.id),
        "day": "campus",
        "kind": "board",
        "board": "week",
        "fmt": "csv",
        "code": code_for(attempt.id, app.config["SECRET_KEY"]),
        "filename": "css/app.css",
        "source_id": "xss-article",
    }
    return world


def build_url(rule, values: dict[str, str]) -> str:
    """Substitute raw strings into the rule (url_for would refuse garbage for int converters)."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: values[m.group(1)], rule.rule)
