"""Certificates: a printable page per counted attempt, and per student on a themed day's and
the week's board, with the award its rule gives (:mod:`quiz.services.contests.awards`), a short
verification code and a QR.

A certificate is issued only once its board is final: every contest behind it closed (with the
answer grace), none frozen and no attempt still running; until then :class:`Pending` says so,
since a rank printed earlier could still change.

A contest code is ``base32(attempt id (4 bytes) + HMAC-SHA256(SECRET_KEY, "certificate:<id>")[:4])``
without padding: 13 characters that name the attempt and cannot be forged without the key
(a guess succeeds with probability 2**-32). A day or week code is 21 characters (board number,
event id, user id, MAC). ``/verify/<code>`` shows the masked name, the contest, the score, the
rank and the award, so anyone holding a printed certificate can check it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from quiz.bank.constants import THEMED_DAYS
from quiz.enums import AttemptStatus
from quiz.extensions import db
from quiz.models import Attempt, Contest, Event, EventStanding, Standing, User
from quiz.models.standings import WEEK
from quiz.services import Forbidden, NotFound, storable_id
from quiz.services.accounts import managed_ids
from quiz.services.attempts import persist_if_overdue
from quiz.services.boards import SqlSource, mask_name
from quiz.services.contests import PARTICIPATION, AwardRule, RuleKind, award_for
from quiz.services.results.pdf_layout import CertificateData, render_certificate_pdf
from quiz.timeutil import to_local

MAC_BYTES = 4


def _mac(secret: str, attempt_id: int) -> bytes:
    message = f"certificate:{attempt_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()[:MAC_BYTES]


def code_for(attempt_id: int, secret: str) -> str:
    raw = attempt_id.to_bytes(4, "big") + _mac(secret, attempt_id)
    return base64.b32encode(raw).decode().rstrip("=")


def attempt_for_code(code: str, secret: str) -> int | None:
    """The attempt id a code names, or None for a malformed or forged code."""
    cleaned = (code or "").strip().upper().replace("-", "")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, TypeError):
        return None
    if len(raw) != 4 + MAC_BYTES:
        return None
    attempt_id = int.from_bytes(raw[:4], "big")
    return attempt_id if hmac.compare_digest(raw[4:], _mac(secret, attempt_id)) else None


#: Board numbers in event codes: the six themed days in order, then the week.
BOARDS = (*THEMED_DAYS, WEEK)


def _event_mac(secret: str, event_id: int, board: str, user_id: int) -> bytes:
    message = f"certificate:event:{event_id}:{board}:{user_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()[:MAC_BYTES]


def event_code_for(event_id: int, board: str, user_id: int, secret: str) -> str:
    """The code of a themed day's or the week's certificate: 21 characters, base32 of (board
    number, event id, user id, MAC), so it never collides with a 13-character contest code."""
    raw = (
        bytes([BOARDS.index(board)])
        + event_id.to_bytes(4, "big")
        + user_id.to_bytes(4, "big")
        + _event_mac(secret, event_id, board, user_id)
    )
    return base64.b32encode(raw).decode().rstrip("=")


def event_board_for_code(code: str, secret: str) -> tuple[int, str, int] | None:
    """(event id, board, user id) a day or week code names, or None (malformed or forged)."""
    cleaned = (code or "").strip().upper().replace("-", "")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, TypeError):
        return None
    if len(raw) != 9 + MAC_BYTES or raw[0] >= len(BOARDS):
        return None
    board = BOARDS[raw[0]]
    event_id, user_id = int.from_bytes(raw[1:5], "big"), int.from_bytes(raw[5:9], "big")
    mac = _event_mac(secret, event_id, board, user_id)
    return (event_id, board, user_id) if hmac.compare_digest(raw[9:], mac) else None


@dataclass(frozen=True)
class Certificate(CertificateData):
    """What a certificate prints, with what it is for (pages link to it)."""

    attempt: Attempt | None = None  # a contest's certificate
    submitted_at: datetime | None = None  # naive UTC, the counted submission
    award_code: str = PARTICIPATION.code
    event_id: int | None = None  # a themed day's or the week's certificate
    board: str = "contest"  # "contest", a themed-day code or "week"


@dataclass(frozen=True)
class Pending:
    """A certificate not issued yet: the board is still open or frozen (its rank may change)."""

    title: str
    closes_at: datetime  # naive UTC: the last of the board's contests
    frozen: bool


def _rule_of(contests: list[Contest]) -> AwardRule:
    """The award rule of a board: the contests' common rule, else participation for all (a
    day or week whose contests disagree has no single rule to apply)."""
    rules = {
        (c.award_rule or RuleKind.NONE, c.award_cut_1, c.award_cut_2, c.award_cut_3)
        for c in contests
    }
    if len(rules) != 1:
        return AwardRule.of(RuleKind.NONE)
    kind, *cuts = rules.pop()
    return AwardRule.of(kind, *cuts)


def pending(contests: list[Contest], *, now: datetime, grace: float) -> bool:
    """Whether certificates of a board of ``contests`` must wait: any contest not yet closed
    (with the answer grace), frozen, or with an attempt still running (an extended one)."""
    if any(c.freeze_at is not None for c in contests):
        return True
    if any(c.closes_at + timedelta(seconds=grace) > now for c in contests):
        return True
    running = db.session.scalar(
        select(Attempt.id)
        .where(
            Attempt.contest_id.in_([c.id for c in contests]),
            Attempt.status == AttemptStatus.IN_PROGRESS,
            Attempt.is_preview.is_(False),
            Attempt.deadline > now - timedelta(seconds=grace),
        )
        .limit(1)
    )
    return running is not None


def settle(contests: list[Contest], *, now: datetime, grace: float = 0) -> int:
    """Record as expired the open attempts of a final board whose time ran out (abandoned
    tabs), so the standings, and the ranks printed from them, include them as the board does
    (it merges them in at read time). Returns how many were recorded."""
    overdue = db.session.scalars(
        select(Attempt).where(
            Attempt.contest_id.in_([c.id for c in contests]),
            Attempt.status == AttemptStatus.IN_PROGRESS,
            Attempt.is_preview.is_(False),
        )
    ).all()
    for attempt in overdue:
        persist_if_overdue(attempt, now=now, grace_seconds=grace)
    return len(overdue)


def _pending_for(title: str, contests: list[Contest], now: datetime) -> Pending:
    frozen = any(c.freeze_at is not None and c.freeze_at <= now for c in contests)
    return Pending(title=title, closes_at=max(c.closes_at for c in contests), frozen=frozen)


def certificate(attempt: Attempt, secret: str, *, masked: bool = False) -> Certificate | None:
    """The certificate of an attempt that counts on its contest's board, else None (whether
    it is issued yet is :func:`pending`'s question)."""
    standing = db.session.get(Standing, (attempt.contest_id, attempt.user_id))
    if standing is None or standing.attempt_id != attempt.id or standing.is_test:
        return None
    contest = attempt.contest
    source = SqlSource(Standing, contest_id=attempt.contest_id)
    placed = source.placed(attempt.user_id)
    rank = placed[0] + 1 if placed else None
    total = source.total()
    award = award_for(
        _rule_of([contest]),
        rank=rank,
        total=total,
        score=standing.score,
        max_score=standing.max_score,
    )
    user = attempt.user
    return Certificate(
        attempt=attempt,
        name=mask_name(user.display_name) if masked else user.display_name,
        organization=user.organization.path if user.organization else "",
        contest=contest.title,
        event=contest.event.title if contest.event else None,
        score=standing.score,
        max_score=standing.max_score,
        rank=rank,
        total=total,
        award=award.title,
        award_code=award.code,
        code=code_for(attempt.id, secret),
        date=to_local(standing.finished_at).date() if standing.finished_at else None,
        submitted_at=standing.finished_at,
    )


def _require_viewer(user: User, viewer: User, what: str) -> None:
    """The student themself, an organizer whose scope holds the student's unit, or an admin."""
    if user.id != viewer.id:
        scope = managed_ids(viewer) if viewer.is_organizer else set()
        if scope is not None and user.organization_id not in scope:
            raise Forbidden(f"您无权查看该{what}。")


def certificate_for(
    attempt_id: int, viewer: User, secret: str, *, now: datetime, grace: float = 0
) -> Certificate | Pending:
    """The certificate of ``attempt_id`` as ``viewer`` may see it, or :class:`Pending` until
    the contest is closed and unfrozen (a rank shown earlier could still change).

    Shown to the student themself, to organizers whose scope holds the student's unit and to
    admins; NotFound when the attempt does not count on the board.
    """
    attempt = db.session.get(Attempt, attempt_id) if storable_id(attempt_id) else None
    if attempt is None:
        raise NotFound("答题记录不存在。")
    _require_viewer(attempt.user, viewer, "证书")
    contest = attempt.contest
    final = not pending([contest], now=now, grace=grace)
    if final:
        settle([contest], now=now, grace=grace)
    if attempt_certificate_state(attempt, now=now, grace=grace) is None:
        raise NotFound("该次答题没有计入排行榜，没有证书。")
    if not final:
        return _pending_for(contest.title, [contest], now)
    return certificate(attempt, secret)


# --- themed days and the week ----------------------------------------------------------------


def board_contests(event: Event, board: str) -> list[Contest]:
    """The contests behind a themed day's board (``board`` a day code) or the week's."""
    if board == WEEK:
        return [c for c in event.contests if c.themed_day in THEMED_DAYS]
    return [c for c in event.contests if c.themed_day == board]


def _board_title(event: Event, board: str) -> str:
    return f"{event.title} · {'周总榜' if board == WEEK else THEMED_DAYS[board]}"


def board_max_score(contests: list[Contest]) -> float:
    """The maximum of a day (its contests' highest) or the week (the days' maxima added up).

    A contest's maximum is the one its counted attempts were marked out of (a voided question
    lowers it), else its paper's nominal maximum when nobody has a row yet.
    """
    marked = dict(
        db.session.execute(
            select(Standing.contest_id, func.max(Standing.max_score))
            .where(Standing.contest_id.in_([c.id for c in contests]))
            .group_by(Standing.contest_id)
        ).all()
    )
    best: dict[str, float] = {}
    for c in contests:
        best[c.themed_day] = max(best.get(c.themed_day, 0.0), float(marked.get(c.id, c.max_score)))
    return float(sum(best.values()))


def event_certificate(
    event: Event, board: str, user: User, secret: str, *, masked: bool = False
) -> Certificate | None:
    """A student's certificate of a themed day or the week, else None (not on that board)."""
    standing = db.session.get(EventStanding, (event.id, board, user.id))
    contests = board_contests(event, board)
    if standing is None or standing.is_test or not contests:
        return None
    source = SqlSource(EventStanding, event_id=event.id, day=board)
    placed = source.placed(user.id)
    rank = placed[0] + 1 if placed else None
    total = source.total()
    max_score = board_max_score(contests)
    award = award_for(
        _rule_of(contests), rank=rank, total=total, score=standing.score, max_score=max_score
    )
    return Certificate(
        name=mask_name(user.display_name) if masked else user.display_name,
        organization=user.organization.path if user.organization else "",
        contest="周总榜" if board == WEEK else THEMED_DAYS[board],
        event=event.title,
        score=standing.score,
        max_score=max_score,
        rank=rank,
        total=total,
        award=award.title,
        award_code=award.code,
        code=event_code_for(event.id, board, user.id, secret),
        date=to_local(standing.finished_at).date() if standing.finished_at else None,
        submitted_at=standing.finished_at,
        event_id=event.id,
        board=board,
    )


def event_certificate_for(
    event_id: int, board: str, user_id: int, viewer: User, secret: str, *, now, grace: float = 0
) -> Certificate | Pending:
    """A themed day's (``board`` a day code) or the week's (``board`` = "week") certificate
    of ``user_id`` as ``viewer`` may see it; :class:`Pending` until every contest of the board
    is closed and unfrozen."""
    event = db.session.get(Event, event_id) if storable_id(event_id) else None
    if event is None or (board != WEEK and board not in THEMED_DAYS):
        raise NotFound("榜单不存在。")
    user = db.session.get(User, user_id) if storable_id(user_id) else None
    if user is None:
        raise NotFound("用户不存在。")
    _require_viewer(user, viewer, "证书")
    contests = board_contests(event, board)
    if not contests:
        raise NotFound("该榜单没有比赛，没有证书。")
    final = not pending(contests, now=now, grace=grace)
    if final:
        settle(contests, now=now, grace=grace)
    standing = db.session.get(EventStanding, (event.id, board, user.id))
    if standing is None or standing.is_test:
        raise NotFound("您没有计入该榜单的成绩，没有证书。")
    if not final:
        return _pending_for(_board_title(event, board), contests, now)
    return event_certificate(event, board, user, secret)


def verified(code: str, secret: str, *, now: datetime, grace: float = 0) -> Certificate | None:
    """The certificate a code names, masked, if it is issued (``/verify/<code>``), else None."""
    attempt_id = attempt_for_code(code, secret)
    if attempt_id is not None:
        attempt = db.session.get(Attempt, attempt_id)
        if attempt is None or pending([attempt.contest], now=now, grace=grace):
            return None
        settle([attempt.contest], now=now, grace=grace)
        return certificate(attempt, secret, masked=True)
    named = event_board_for_code(code, secret)
    if named is None:
        return None
    event_id, board, user_id = named
    event, user = db.session.get(Event, event_id), db.session.get(User, user_id)
    if event is None or user is None:
        return None
    contests = board_contests(event, board)
    if not contests or pending(contests, now=now, grace=grace):
        return None
    settle(contests, now=now, grace=grace)
    return event_certificate(event, board, user, secret, masked=True)


def attempt_certificate_state(attempt: Attempt, *, now: datetime, grace: float = 0) -> str | None:
    """ "issued", "pending" or None (the attempt does not count on the board): what the result
    page offers."""
    standing = db.session.get(Standing, (attempt.contest_id, attempt.user_id))
    if standing is None or standing.attempt_id != attempt.id or standing.is_test:
        return None
    return "pending" if pending([attempt.contest], now=now, grace=grace) else "issued"


def issued_on_board(
    user,
    *,
    contest: Contest | None = None,
    event: Event | None = None,
    board: str = "",
    now: datetime,
    grace: float = 0,
) -> int | bool | None:
    """What the viewer's own row on a board links to, once its certificate is issued: the
    counted attempt's id on a contest's board, True on a day's or the week's; else None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if contest is not None:
        standing = db.session.get(Standing, (contest.id, user.id))
        if standing is None or standing.is_test or pending([contest], now=now, grace=grace):
            return None
        return standing.attempt_id
    standing = db.session.get(EventStanding, (event.id, board, user.id))
    contests = board_contests(event, board)
    if standing is None or standing.is_test or not contests:
        return None
    return None if pending(contests, now=now, grace=grace) else True


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (segno, pure Python). It has a viewBox and no fixed
    size, so the stylesheet sizes it (a fixed-size SVG in a flex row shrank to 0 px on phones)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=4, dark="#0b1f3a", omitsize=True)


def qr_matrix(url: str) -> list[str]:
    """The QR code of ``url`` as rows of "1" (dark) and "0" (light), quiet zone excluded: what
    the score card's canvas draws, so the page needs no QR library of its own."""
    import segno

    return [
        "".join("1" if cell else "0" for cell in row) for row in segno.make(url, error="m").matrix
    ]


def _number(value) -> str:
    return f"{float(value):.1f}".rstrip("0").rstrip(".")


def score_card(found: Certificate, verify_url: str, viewer: User) -> dict:
    """What the shareable score card draws (``/certificates/<id>/card``): the contest, the
    score, the final rank, the award and the verification QR, for the student themself only.

    The card is an image made to be shared, so it carries the masked name that the QR's
    verification page shows too, and nothing else about the student (no unit, no answers).
    """
    # A day's or the week's certificate is always the viewer's own (its route names no one).
    owner = found.attempt.user_id if found.attempt is not None else viewer.id
    if owner != viewer.id:
        raise Forbidden("成绩卡只能由本人保存。")
    return {
        "title": found.contest,
        "event": found.event or "",
        "name": mask_name(found.name),
        "score": _number(found.score),
        "max_score": _number(found.max_score),
        "rank": found.rank,
        "total": found.total,
        "award": found.award,
        "date": found.date.isoformat() if found.date else "",
        "code": found.code,
        "verify_url": verify_url,
        "qr": qr_matrix(verify_url),
    }


def certificate_pdf(found: Certificate, verify_url: str, *, font_path: str | None = None) -> bytes:
    """The certificate as an A4 landscape PDF (see :mod:`quiz.services.results.pdf_layout`)."""
    return render_certificate_pdf(replace(found, verify_url=verify_url), font_path=font_path)


def download_name(found: Certificate) -> str:
    """The PDF's UTF-8 file name: <award>-<name>-<contest>.pdf (一等奖-王小明-校园日知识竞赛.pdf),
    without characters that file systems or headers reject (path separators, reserved and
    control characters)."""
    stem = f"{found.award}-{found.name}-{found.contest}"
    stem = "".join("_" if ch in '/\\:*?"<>|' or not ch.isprintable() else ch for ch in stem)
    return stem.strip(" .")[:100] + ".pdf"
