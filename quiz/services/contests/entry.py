"""Entering a contest: who may take it, join codes, and the contests a session has unlocked.

The unlocked ids live in the session under ``entered_contests`` (shared by the JSON API and the
student pages), so a student types the code once per login, not once per attempt.
"""

from __future__ import annotations

import secrets
from collections.abc import MutableMapping

from quiz.enums import Access
from quiz.extensions import db
from quiz.models import Contest, Organization, User
from quiz.services import DomainError, Forbidden
from quiz.services.accounts import descendant_ids
from quiz.services.contests.values import normalize_code

SESSION_KEY = "entered_contests"


def entered_contests(session: MutableMapping) -> set[int]:
    """Ids of the contests unlocked in this session (tolerates a tampered or stale value)."""
    stored = session.get(SESSION_KEY) or []
    if not isinstance(stored, list):
        return set()
    return {value for value in stored if isinstance(value, int) and not isinstance(value, bool)}


def remember_entry(session: MutableMapping, contest_id: int) -> None:
    """Add ``contest_id`` to the unlocked set (reassigned so the session is marked modified)."""
    session[SESSION_KEY] = sorted(entered_contests(session) | {contest_id})


def enter(contest: Contest, user: User, code, session: MutableMapping) -> None:
    """Unlock ``contest`` with ``code`` for this session; open contests need no code.

    Raises Forbidden for a wrong code or a contest restricted to other organizations.
    """
    if contest.access == Access.CODE:
        if not isinstance(code, str) or not code.strip():
            raise DomainError("请输入参赛口令。", code="malformed")
        if not user.is_organizer and not check_join_code(contest, code):
            raise Forbidden("参赛口令不正确。", code="wrong_code")
        remember_entry(session, contest.id)
        return
    if not may_enter(contest, user, entered_codes=entered_contests(session)):
        raise Forbidden("您所在的单位不在本比赛的参赛范围内。", code="not_allowed")


def require_entry(contest: Contest, user: User, session: MutableMapping) -> None:
    """Forbidden unless ``user`` may take ``contest`` (a code contest must be unlocked first)."""
    if may_enter(contest, user, entered_codes=entered_contests(session)):
        return
    if contest.access == Access.CODE:
        raise Forbidden("请先输入参赛口令。", code="requires_code")
    raise Forbidden("您所在的单位不在本比赛的参赛范围内。", code="not_allowed")


def new_join_code() -> str:
    """A fresh six-character code (0-9, A-F), short enough to read out in class."""
    return secrets.token_hex(3).upper()


def may_enter(contest: Contest, user: User, *, entered_codes: set[int]) -> bool:
    """Whether ``user`` may take ``contest`` (entered_codes: contests unlocked by join code)."""
    if user.is_organizer:
        return True
    if contest.access == Access.EVERYONE:
        return True
    if contest.access == Access.CODE:
        return contest.id in entered_codes
    if user.organization is None:
        return False
    allowed: set[int] = set()
    for link in contest.allowed_organizations:
        org = db.session.get(Organization, link.organization_id)
        if org is not None:
            allowed |= descendant_ids(org)
    return user.organization_id in allowed


def check_join_code(contest: Contest, code: str) -> bool:
    """Whether ``code`` unlocks ``contest`` (compared after normalization)."""
    return contest.access == Access.CODE and normalize_code(code) == contest.join_code
