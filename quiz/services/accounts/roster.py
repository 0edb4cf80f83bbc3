"""Bulk-create student accounts in a school from a CSV/XLSX roster, and hand out passwords once.

Every row is validated before anything is written; one bad row means nothing is imported. The
generated passwords are kept in ``PendingCredentials`` only until the organizer downloads them
(once) or a day has passed; after that only their hashes exist.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import Organization, OrgLevel, Role, User
from quiz.models.accounts import PendingCredentials
from quiz.models.audit import record
from quiz.services import Conflict, DomainError, NotFound
from quiz.services.accounts.organizations import (
    check_name,
    create_organization,
    find_child,
    get_managed,
    name_key,
)
from quiz.services.accounts.users import (
    generate_password,
    hash_password,
    normalize_username,
    validate_username,
)
from quiz.services.locking import begin_write
from quiz.services.spreadsheets import RowProblems, SpreadsheetError, Table, read_table

NAME, CLASS, USERNAME = "姓名", "班级", "用户名"
MAX_DISPLAY_NAME = 32
MAX_ROSTER_ROWS = 3000
#: Rosters with more rows than this are imported by a background job (docs/deploy.md).
ROSTER_JOB_ROWS = 100
PROGRESS_EVERY = 25
CREDENTIALS_TTL = timedelta(hours=24)
PREFIX_PATTERN = re.compile(r"^[a-z][a-z0-9_\-]{0,19}$")
CREDENTIAL_HEADER = ("姓名", "班级", "用户名", "初始密码")


@dataclass
class PlannedAccount:
    line: int
    display_name: str
    class_name: str
    username: str


@dataclass
class RosterResult:
    token: str
    created: int
    classes_created: list[str] = field(default_factory=list)


def default_prefix(school_id: int) -> str:
    return f"s{school_id}-"


def check_prefix(prefix: str) -> str:
    """A lower-case prefix for generated usernames, e.g. ``gy2024`` → ``gy2024001``."""
    prefix = normalize_username(prefix)
    if not PREFIX_PATTERN.match(prefix):
        raise DomainError(
            "用户名前缀须以字母开头，只含字母、数字、下划线或连字符，最多20位。", code="bad_prefix"
        )
    return prefix


def plan(table: Table, prefix: str) -> list[PlannedAccount]:
    """Validate every row and choose usernames; raise RowProblems naming each bad line."""
    missing = [column for column in (NAME, CLASS) if column not in table.columns]
    if missing:
        raise SpreadsheetError(
            f"缺少必填列：{'、'.join(missing)}。表头须包含“姓名”“班级”，可选“用户名”。"
        )
    if not table.rows:
        raise DomainError("文件中没有学生数据行。", code="empty")
    if len(table.rows) > MAX_ROSTER_ROWS:
        raise DomainError(f"一次最多导入{MAX_ROSTER_ROWS}名学生，请拆分文件。", code="too_many")
    problems: list[tuple[int, str]] = []
    planned: list[PlannedAccount] = []
    first_line: dict[str, int] = {}
    for row in table.rows:
        name = unicodedata.normalize("NFKC", row.get(NAME)).strip()
        account = PlannedAccount(row.line, name, row.get(CLASS), row.get(USERNAME))
        reasons = _row_problems(account, first_line)
        problems.extend((row.line, reason) for reason in reasons)
        planned.append(account)
    taken = _existing_usernames([a.username for a in planned if a.username])
    for account in planned:
        if account.username in taken:
            problems.append((account.line, f"用户名“{account.username}”已被使用。"))
    if problems:
        raise RowProblems(problems)
    _assign_generated(planned, prefix)
    return planned


def _row_problems(account: PlannedAccount, first_line: dict[str, int]) -> list[str]:
    reasons = []
    if not account.display_name:
        reasons.append("缺少姓名。")
    elif len(account.display_name) > MAX_DISPLAY_NAME:
        reasons.append(f"姓名过长（最多{MAX_DISPLAY_NAME}个字）。")
    try:
        account.class_name = check_name(account.class_name)
    except DomainError as error:
        reasons.append("缺少班级。" if not account.class_name.strip() else f"班级：{error.message}")
    if account.username:
        try:
            account.username = validate_username(account.username)
        except DomainError as error:
            reasons.append(f"用户名“{account.username}”无效：{error.message}")
        else:
            if account.username in first_line:
                reasons.append(
                    f"用户名“{account.username}”与第{first_line[account.username]}行重复。"
                )
            else:
                first_line[account.username] = account.line
    return reasons


def _existing_usernames(usernames: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(usernames), 500):
        chunk = usernames[start : start + 500]
        found.update(
            db.session.execute(select(User.username).where(User.username.in_(chunk))).scalars()
        )
    return found


def _assign_generated(planned: list[PlannedAccount], prefix: str) -> None:
    """``prefix`` + a 3-digit sequence continuing after the highest existing one: deterministic."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    existing = db.session.execute(
        select(User.username).where(User.username.startswith(prefix, autoescape=True))
    ).scalars()
    in_file = {a.username for a in planned if a.username}
    sequence = max(
        (int(m.group(1)) for name in [*existing, *in_file] if (m := pattern.fullmatch(name))),
        default=0,
    )
    for account in planned:
        if account.username:
            continue
        sequence += 1
        candidate = f"{prefix}{sequence:03d}"
        if len(candidate) > 32:
            raise DomainError("用户名前缀过长，生成的用户名超过32位。", code="bad_prefix")
        account.username = candidate


@dataclass
class StagedAccount:
    """A validated row with its generated password and that password's hash (not yet written)."""

    display_name: str
    class_name: str
    username: str
    password: str
    password_hash: str


@dataclass
class StagedRoster:
    """A whole roster ready to commit: every row checked, every password already hashed."""

    school_id: int
    filename: str
    accounts: list[StagedAccount]


def plan_roster(
    actor: User, school_id: int, filename: str, data: bytes, *, prefix: str = ""
) -> list[PlannedAccount]:
    """Read and validate the file and choose usernames (reads only; fast, no write)."""
    school = get_managed(actor, school_id)
    if school.level != OrgLevel.SCHOOL:
        raise DomainError("请选择一所学校/单位。", code="not_school")
    prefix = check_prefix(prefix) if prefix.strip() else default_prefix(school.id)
    return plan(read_table(filename, data), prefix)


def stage_roster(
    school_id: int,
    filename: str,
    planned: list[PlannedAccount],
    *,
    hash_method: str,
    progress: Callable[[int, int], None] | None = None,
) -> StagedRoster:
    """Generate and hash every password with no transaction open (the slow part).

    The session's read transaction ends first, so hashing 3,000 passwords (scrypt, ~0.1 s each)
    never holds SQLite's write lock or a PostgreSQL snapshot; ``progress(done, total)`` may
    commit a job's counters between hashes.
    """
    db.session.rollback()  # end the reads: nothing below touches the database
    accounts = []
    for number, account in enumerate(planned, start=1):
        password = generate_password()
        accounts.append(
            StagedAccount(
                account.display_name,
                account.class_name,
                account.username,
                password,
                hash_password(password, hash_method),
            )
        )
        if progress is not None and (number % PROGRESS_EVERY == 0 or number == len(planned)):
            progress(number, len(planned))
    return StagedRoster(school_id, filename, accounts)


def commit_roster(
    actor: User, staged: StagedRoster, *, now: datetime, commit: bool = True
) -> RosterResult:
    """Write the staged roster in one short write transaction: every account or none.

    Usernames are checked again under the write lock (someone may have taken one while the
    passwords were hashed). With ``commit=False`` the caller commits (a job, together with its
    own success).
    """
    begin_write()
    try:
        school = get_managed(actor, staged.school_id)
        taken = _existing_usernames([a.username for a in staged.accounts])
        if taken:
            raise Conflict(
                f"用户名“{sorted(taken)[0]}”等{len(taken)}个已被使用，未导入任何内容，请重新上传。",
                code="username_taken",
            )
        purge_expired(now)
        classes: dict[str, Organization] = {}
        created_classes: list[str] = []
        rows = []
        for account in staged.accounts:
            key = name_key(account.class_name)
            if key not in classes:
                node = find_child(school, account.class_name)
                if node is None:
                    node = create_organization(account.class_name, school, commit=False)
                    created_classes.append(node.name)
                classes[key] = node
            node = classes[key]
            db.session.add(
                User(
                    username=account.username,
                    display_name=account.display_name[:64],
                    password_hash=account.password_hash,
                    role=Role.STUDENT,
                    organization_id=node.id,
                    must_change_password=True,
                )
            )
            rows.append([account.display_name, node.name, account.username, account.password])
        token = secrets.token_urlsafe(32)
        db.session.add(
            PendingCredentials(token=token, created_by_id=actor.id, label=school.path, rows=rows)
        )
        record(
            actor,
            "roster.import",
            "organization",
            school.id,
            file=staged.filename,
            created=len(rows),
            classes_created=created_classes,
        )
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(
            "有用户名已被使用，未导入任何内容，请重新上传。", code="username_taken"
        ) from error
    except DomainError:
        db.session.rollback()
        raise
    if commit:
        db.session.commit()
    return RosterResult(token=token, created=len(rows), classes_created=created_classes)


def import_roster(
    actor: User,
    school_id: int,
    filename: str,
    data: bytes,
    *,
    prefix: str = "",
    hash_method: str,
    now: datetime,
) -> RosterResult:
    """Create one student per row under ``school_id`` (classes created as needed), atomically.

    Validate, then hash with no transaction open, then commit in one short step.
    """
    planned = plan_roster(actor, school_id, filename, data, prefix=prefix)
    staged = stage_roster(school_id, filename, planned, hash_method=hash_method)
    return commit_roster(actor, staged, now=now)


def purge_expired(now: datetime) -> None:
    """Forget undownloaded passwords after a day (the caller commits)."""
    db.session.execute(
        delete(PendingCredentials).where(PendingCredentials.created_at < now - CREDENTIALS_TTL)
    )


def _pending(actor: User, token: str, now: datetime) -> PendingCredentials:
    pending = db.session.execute(
        select(PendingCredentials).where(PendingCredentials.token == token)
    ).scalar_one_or_none()
    if (
        pending is None
        or pending.created_by_id != actor.id
        or pending.created_at < now - CREDENTIALS_TTL
    ):
        raise NotFound("这批初始密码已下载或已过期，服务器不再保存。如有需要请为学生重置密码。")
    return pending


def view_credentials(actor: User, token: str, now: datetime) -> tuple[PendingCredentials, bool]:
    """The pending batch and whether its passwords may be shown now (only the first time)."""
    pending = _pending(actor, token, now)
    first_view = not pending.shown
    pending.shown = True
    db.session.commit()
    return pending, first_view


def take_credentials(actor: User, token: str, now: datetime) -> tuple[str, list[list[str]]]:
    """Return the batch for download and delete it, so a second download finds nothing."""
    pending = _pending(actor, token, now)
    label, rows = pending.label, [list(row) for row in pending.rows]
    # The conditional delete decides the race: only one concurrent request removes the row.
    deleted = db.session.execute(
        delete(PendingCredentials).where(PendingCredentials.id == pending.id)
    ).rowcount
    db.session.commit()
    if deleted != 1:
        raise NotFound("这批初始密码已被下载过。")
    return label, [list(CREDENTIAL_HEADER), *rows]
