"""Accounts: registration, password rules, login with per-source backoff, resets.

Usernames compare under NFKC and case-folding, so ``Ｚｈａｎｇ`` and ``zhang`` are one account.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quiz.extensions import db
from quiz.models import LoginFailure, Organization, Role, User
from quiz.services import Conflict, DomainError, storable_id
from quiz.services.accounts import passwords
from quiz.services.accounts.organizations import check_open_for_registration
from quiz.services.accounts.passwords import PRODUCTION_METHOD
from quiz.services.accounts.sessions import bump_session_version


def N_(text: str) -> str:  # noqa: N802 (the gettext convention's name, which Babel extracts)
    """Mark ``text`` for the message catalog; the page that shows it translates it."""
    return text


#: What a username may be, in the one wording every message quotes: the register and staff
#: forms' hint and length error, and this module's refusal. USERNAME_PATTERN is the same rule.
USERNAME_RULE = N_("3-32位字母、数字、下划线、点或连字符")
USERNAME_PATTERN = re.compile(r"^[a-z0-9_.\-]{3,32}$")
USERNAME_LENGTH = (3, 32)
# Readable initial passwords: no 0/O/1/l/I confusion when read off a printed sheet.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105


def normalize_username(raw: str) -> str:
    """NFKC + casefold + strip: the form in which usernames are stored and compared."""
    return unicodedata.normalize("NFKC", raw or "").strip().casefold()


def validate_username(username: str) -> str:
    """Return the normalized username or raise DomainError with a Chinese message."""
    normalized = normalize_username(username)
    if not USERNAME_PATTERN.match(normalized):
        raise DomainError(f"用户名须为{USERNAME_RULE}。", code="bad_username")
    return normalized


def password_problem(password: str, min_length: int = 8) -> str | None:
    """Why a password is too weak (Chinese), or None when it is acceptable."""
    if len(password) < min_length:
        return f"密码至少需要{min_length}个字符。"
    if password.isdigit() or password.isalpha():
        return "密码须同时包含字母和数字。"
    if len(set(password)) < 4:
        return "密码过于简单，请避免重复字符。"
    return None


def generate_password(length: int = 10) -> str:
    """A random initial password with letters and digits (for rosters and resets)."""
    while True:
        candidate = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))
        if password_problem(candidate) is None:
            return candidate


def hash_password(password: str, method: str = PRODUCTION_METHOD) -> str:
    """Hash a password with ``method`` (see quiz.services.accounts.passwords)."""
    return passwords.hash_password(password, method)


def get_user_by_username(username: str) -> User | None:
    return db.session.execute(
        select(User).where(User.username == normalize_username(username))
    ).scalar_one_or_none()


@dataclass
class NewUser:
    """Values for creating one account (from registration, the CLI, the admin UI or a roster)."""

    username: str
    display_name: str
    password: str
    role: str = Role.STUDENT
    organization_id: int | None = None
    must_change_password: bool = False
    is_test_account: bool = False


def create_user(
    new: NewUser,
    *,
    hash_method: str = PRODUCTION_METHOD,
    check_strength: bool = True,
    commit: bool = True,
) -> User:
    """Create an account; raise DomainError/Conflict with a Chinese message on bad values."""
    username = validate_username(new.username)
    display_name = unicodedata.normalize("NFKC", new.display_name or "").strip()
    if not display_name:
        raise DomainError("请填写姓名/昵称。", code="bad_display_name")
    if new.role not in {r.value for r in Role}:
        raise DomainError(f"未知角色：{new.role}", code="bad_role")
    if check_strength and (problem := password_problem(new.password)):
        raise DomainError(problem, code="weak_password")
    if new.role == Role.STUDENT and new.organization_id is None:
        raise DomainError("学生必须选择所属单位（学校/班级）。", code="missing_organization")
    if new.organization_id is not None and (
        not storable_id(new.organization_id)
        or db.session.get(Organization, new.organization_id) is None
    ):
        raise DomainError("所选单位不存在。", code="bad_organization")
    user = User(
        username=username,
        display_name=display_name[:64],
        password_hash=hash_password(new.password, hash_method),
        role=new.role,
        organization_id=new.organization_id,
        must_change_password=new.must_change_password,
        is_test_account=new.is_test_account,
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict("该用户名已被使用。", code="username_taken") from exc
    if commit:
        db.session.commit()
    return user


def register_student(
    new: NewUser, *, hash_method: str = PRODUCTION_METHOD, now: datetime | None = None
) -> User:
    """A student's own registration: only into schools and classes open to it.

    With ``now``, the student is logged in at once (the page does so): it counts as their
    last login.
    """
    if new.organization_id is not None:
        check_open_for_registration(new.organization_id)
    user = create_user(new, hash_method=hash_method)
    if now is not None:
        user.last_login_at = now
        db.session.commit()
    return user


class LoginThrottled(DomainError):
    code = "throttled"
    status = 429

    def __init__(self, retry_after: int, *, student: bool = True):
        helper = "你的老师可以为你解锁。" if student else "管理员可以为你解锁。"
        super().__init__(f"登录失败次数过多，请在{retry_after}秒后再试。{helper}")
        self.retry_after = retry_after


@dataclass(frozen=True)
class BackoffPolicy:
    """Backoff per account and source: after ``free_failures`` failures from one source, that
    source waits base·2^(n−free) seconds; other sources (the owner elsewhere) are not slowed."""

    free_failures: int = 5
    base_seconds: int = 30
    max_seconds: int = 900

    def lock_seconds(self, failures: int) -> int:
        if failures < self.free_failures:
            return 0
        return min(self.max_seconds, self.base_seconds * 2 ** (failures - self.free_failures))


def _failure_row(user: User, source: str) -> LoginFailure | None:
    return db.session.execute(
        select(LoginFailure).where(LoginFailure.user_id == user.id, LoginFailure.source == source)
    ).scalar_one_or_none()


def _count_failure(user: User, source: str, now: datetime, policy: BackoffPolicy) -> None:
    """One more failure of ``user`` from ``source``; lock that source when the policy says so."""
    row = _failure_row(user, source)
    if row is None:
        row = LoginFailure(user_id=user.id, source=source, failures=0)
        db.session.add(row)
    row.failures += 1
    row.last_failed_at = now
    lock = policy.lock_seconds(row.failures)
    row.locked_until = now + timedelta(seconds=lock) if lock else None
    # The account's summary (all sources), shown to organizers.
    user.failed_logins = (user.failed_logins or 0) + 1
    if row.locked_until and (user.locked_until is None or user.locked_until < row.locked_until):
        user.locked_until = row.locked_until
    try:
        db.session.commit()
    except IntegrityError:  # the same source failed twice at once: count it on the other row
        db.session.rollback()


def authenticate(
    username: str,
    password: str,
    *,
    now: datetime,
    policy: BackoffPolicy,
    hash_method: str = PRODUCTION_METHOD,
    source: str = "unknown",
) -> User | None:
    """Check credentials; back off per (account, source) after repeated failures.

    Raises LoginThrottled while this source is locked for this account (without checking the
    password, so guessing cannot continue from there). A source that has not failed - the
    owner on another network - still gets in with the right password. Returns None on bad
    credentials without saying which part.
    """
    user = get_user_by_username(username)
    if user is None:
        # The same verify path and cost (a dummy hash of the same method) as a real account,
        # so response timing does not reveal which usernames exist.
        passwords.check_login(None, password, hash_method)
        return None
    row = _failure_row(user, source)
    if row is not None and row.locked_until and row.locked_until > now:
        wait = int((row.locked_until - now).total_seconds() + 0.999)
        raise LoginThrottled(wait, student=user.role == Role.STUDENT)
    if not passwords.check_login(user.password_hash, password, hash_method) or not user.is_active:
        _count_failure(user, source, now, policy)
        return None
    if passwords.needs_rehash(user.password_hash, hash_method):
        user.password_hash = hash_password(password, hash_method)  # upgrade older hashes
    if row is not None:
        db.session.delete(row)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    db.session.commit()
    return user


def clear_login_failures(user: User) -> int:
    """Forget every failure of ``user`` (an unlock or a reset); return the sources cleared."""
    rows = db.session.execute(select(LoginFailure).where(LoginFailure.user_id == user.id))
    count = 0
    for row in rows.scalars():
        db.session.delete(row)
        count += 1
    user.failed_logins = 0
    user.locked_until = None
    return count


def change_password(
    user: User, current: str, new: str, *, hash_method: str = PRODUCTION_METHOD
) -> None:
    """Change one's own password (also clears the forced-change flag)."""
    if not passwords.verify_password(user.password_hash, current):
        raise DomainError("当前密码不正确。", code="wrong_password")
    if problem := password_problem(new):
        raise DomainError(problem, code="weak_password")
    if new == current:
        raise DomainError("新密码不能与当前密码相同。", code="same_password")
    user.password_hash = hash_password(new, hash_method)
    user.must_change_password = False
    bump_session_version(user)  # other sessions end; the caller logs this one in again
    db.session.commit()


def reset_password(user: User, *, hash_method: str = PRODUCTION_METHOD) -> str:
    """Issue a new random password that must be changed at next login; return it once."""
    password = generate_password()
    user.password_hash = hash_password(password, hash_method)
    user.must_change_password = True
    clear_login_failures(user)
    bump_session_version(user)  # a reset ends every session, stolen cookies included
    return password
