"""Demo data for ``quickstart``: organizations, a demo organizer, and the seed question bank."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask

from quiz.extensions import db
from quiz.models import Role
from quiz.services.accounts import (
    NewUser,
    create_user,
    ensure_path,
    get_user_by_username,
    hash_password,
)

DEMO_ORGANIZER = "organizer"
DEMO_ORGANIZATIONS = (
    "四川省/广元市第一中学/高一(1)班",
    "四川省/广元市第一中学/高一(2)班",
    "四川省/广元市第一中学/高二(1)班",
    "四川省/成都市实验中学/初二(3)班",
    "四川省/成都市实验中学/初二(4)班",
)
DEMO_ORGANIZER_UNIT = "四川省"
SEED_ID = "sichuan-2021-cybersecurity-week"
SEED_BANK = f"question_bank/{SEED_ID}.json"
SEED_ARTICLE = f"seeds/{SEED_ID}.txt"


@dataclass
class DemoReport:
    organizer_username: str
    organizer_password: str
    lines: list[str] = field(default_factory=list)


def prepare(app: Flask) -> DemoReport:
    """Idempotently create demo organizations and the demo organizer (with a fresh password)."""
    from quiz.services.accounts import generate_password

    for path in DEMO_ORGANIZATIONS:
        ensure_path(path)
    db.session.commit()
    password = generate_password()
    method = app.config["PASSWORD_HASH_METHOD"]
    organizer = get_user_by_username(DEMO_ORGANIZER)
    if organizer is None:
        create_user(
            NewUser(
                username=DEMO_ORGANIZER,
                display_name="演示组织者",
                password=password,
                role=Role.ORGANIZER,
                organization_id=ensure_path(DEMO_ORGANIZER_UNIT).id,
                is_test_account=True,
            ),
            hash_method=method,
        )
    else:
        organizer.password_hash = hash_password(password, method)
        organizer.failed_logins = 0
        organizer.locked_until = None
        db.session.commit()
    report = DemoReport(DEMO_ORGANIZER, password)
    report.lines.append(f"演示单位: {len(DEMO_ORGANIZATIONS)} 个班级已就绪")
    report.lines.extend(load_seed_bank())
    report.lines.extend(ensure_demo_week())
    return report


DEMO_EVENT_TITLE = "四川省2021年国家网络安全宣传周（演示）"


#: Paper sizes the demo week tries, largest first.
DEMO_PAPER_SIZES = (10, 8, 6, 5, 4)


def ensure_demo_week() -> list[str]:
    """Create the six themed-day contests, open now, unless the demo event already exists.

    A newcomer can then register as a student and take a quiz straight away.
    """
    from sqlalchemy import select

    from quiz.models import Event
    from quiz.services import DomainError
    from quiz.timeutil import to_local, utcnow

    existing = db.session.execute(
        select(Event).where(Event.title == DEMO_EVENT_TITLE)
    ).scalar_one_or_none()
    if existing is not None:
        return [f"比赛: 已有演示活动「{existing.title}」（{len(existing.contests)} 场主题日比赛）"]
    now = utcnow()
    try:
        # Owned by the demo organizer's unit, so the printed login can manage it.
        event, counts = create_fitting_week(
            title=DEMO_EVENT_TITLE,
            start=to_local(now).date(),
            actor=get_user_by_username(DEMO_ORGANIZER),
            now=now,
        )
    except DomainError as error:
        return [f"比赛: 未能创建演示主题日比赛：{error.message}"]
    from quiz.bank.constants import THEMED_DAYS

    sizes = "，".join(f"{THEMED_DAYS[day]} {count} 题" for day, count in counts.items())
    return [
        f"比赛: 已创建「{event.title}」的 {len(event.contests)} 场主题日比赛，现已开放（{sizes}）"
    ]


def create_fitting_week(*, title: str, start, actor, now):
    """The demo (or a benchmark's) week, open now, each day with the largest paper it can fill.

    The seed article says little about some days (校园日): with only the questions a teacher
    approved, their papers may not fill ten questions from ten different sentences, while other
    days can. Returns ``(event, {day: questions per paper})``; a day that cannot fill even the
    smallest size gets it anyway, and the week's creation is refused with that day's reason.
    """
    from quiz.services.contests import create_week

    counts = fitting_counts()
    return create_week(
        title=title, start=start, actor=actor, open_now=True, now=now, question_counts=counts
    ), counts


def fitting_counts(sizes: tuple[int, ...] = DEMO_PAPER_SIZES) -> dict[str, int]:
    """Per themed day, the largest of ``sizes`` whose papers the approved bank can draw (the
    smallest size when none fits)."""
    from quiz.bank.constants import THEMED_DAYS
    from quiz.services.contests import undrawable, week_type_counts

    counts = {}
    for day in THEMED_DAYS:
        fits = (size for size in sizes if not undrawable(day, size, week_type_counts(size)))
        counts[day] = next(fits, min(sizes))
    return counts


def seed_bank() -> tuple[dict | None, dict[str, str], list[str]]:
    """The committed seed bank (or one built from the seed article), its source texts, notes."""
    from quiz.bank import ArticleError, article_from_text, generate
    from quiz.bank.formats import read_json
    from quiz.resources import source_root
    from quiz.services.questions import read_source_texts

    root = source_root()
    bank_path, article_path = root / SEED_BANK, root / SEED_ARTICLE
    if bank_path.exists():
        result = read_json(bank_path.read_bytes())
        if result.errors:
            return None, {}, [f"题库: {SEED_BANK} 有误，未载入（{result.errors[0]}）"]
        bank = {"schema_version": 1, "sources": result.sources, "questions": result.questions}
        texts, warnings = read_source_texts(bank, root)
        return bank, texts, [f"题库: 警告 {warning}" for warning in warnings]
    if not article_path.exists():
        return None, {}, [f"题库: 未找到 {SEED_BANK} 或 {SEED_ARTICLE}，跳过"]
    try:
        text = article_path.read_bytes().decode("utf-8-sig")
        article = article_from_text(text, id=SEED_ID, path=SEED_ARTICLE)
    except (UnicodeDecodeError, ArticleError) as error:
        return None, {}, [f"题库: 种子文章无法读取（{error}），跳过"]
    return generate([article]).bank, {SEED_ID: article.text}, [f"题库: 由 {SEED_ARTICLE} 生成"]


def load_seed_bank() -> list[str]:
    """Load the seed bank into the database (idempotent: a second run adds nothing)."""
    from quiz.services import DomainError
    from quiz.services.questions import load_bank

    bank, texts, lines = seed_bank()
    if bank is None:
        return lines
    try:
        loaded = load_bank(bank, source_texts=texts)
    except DomainError as error:
        return [*lines, f"题库: 载入失败：{error.message}"]
    return [*lines, f"题库: 新增 {loaded.created} 题（已通过 {loaded.created_approved}）"]
