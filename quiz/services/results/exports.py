"""Organizer exports: any board, and a contest's full results, as CSV (UTF-8 BOM) or XLSX.

Files are written by :mod:`quiz.services.spreadsheets` (BOM for Excel, cells starting with
``= + - @`` neutralized with a leading apostrophe). Names are full: exports are organizer-only
and scoped by the routes; test accounts and preview attempts are left out of boards, kept (and
marked) in the full results so nothing is hidden from the organizer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.bank.constants import THEMED_DAYS
from quiz.extensions import db
from quiz.models import Attempt, Contest, IntegrityEvent
from quiz.services.accounts import choices
from quiz.services.attempts import effective_status, time_used_ms
from quiz.services.boards import BoardRef, NullCache, Viewer, board_page, board_state
from quiz.services.results.identity import IdentityView
from quiz.services.spreadsheets import write_csv_bom, write_xlsx
from quiz.timeutil import to_local

FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv_bom),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write_xlsx),
}
PAGE = 200


def _local(value: datetime | None) -> str:
    return to_local(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def board_rows(ref: BoardRef, viewer: Viewer, *, now: datetime, grace: float) -> list[list]:
    """Every row of a board as the (organizer) viewer sees it, header first."""
    week = ref.kind == "week"
    header = ["名次", "姓名", "单位", "得分", "用时（秒）", "提交时间"]
    if week:
        header += [THEMED_DAYS[d] for d in THEMED_DAYS]
    rows, offset = [header], 0
    state = board_state(ref, viewer=viewer, now=now, grace=grace)
    while True:
        page = board_page(state, offset=offset, limit=PAGE, now=now, grace=grace, cache=NullCache())
        for row in page.rows:
            line = [row["rank"], row["name"], row["organization"], row["score"],
                    round(row["time_used_ms"] / 1000, 1), row["submitted_at"] or ""]  # fmt: skip
            if week:
                line += [row["days"][d] for d in THEMED_DAYS]
            rows.append(line)
        offset += PAGE
        if offset >= page.total:
            return rows


def results_rows(
    contest: Contest, *, now: datetime, grace: float, scope: set[int] | None = None
) -> list[list]:
    """Every attempt with every answer, time used and integrity counts (one row per answer).

    An attempt with no answers still gets one row, so every attempt appears. Students outside
    ``scope`` (the viewer's organization ids; None: an admin) are masked (results.identity).
    """
    header = ["答题编号", "用户名", "姓名", "单位", "测试账号", "预览", "第几次", "状态",
              "开始时间", "提交时间", "用时（秒）", "得分", "满分", "切屏次数", "离开时长（秒）",
              "完整性事件数", "题目编号", "题型", "作答", "是否正确", "本题得分"]  # fmt: skip
    events = dict(
        db.session.execute(
            select(IntegrityEvent.attempt_id, db.func.count())
            .join(Attempt, Attempt.id == IntegrityEvent.attempt_id)
            .where(Attempt.contest_id == contest.id)
            .group_by(IntegrityEvent.attempt_id)
        ).all()
    )
    attempts = db.session.execute(
        select(Attempt)
        .where(Attempt.contest_id == contest.id)
        .options(selectinload(Attempt.answers), selectinload(Attempt.user))
        .order_by(Attempt.id)
    ).scalars()
    rows = [header]
    identities = IdentityView(scope, dict(choices(None)))
    for attempt in attempts:
        user = attempt.user
        who = identities.of(user)
        base = [attempt.id, who.username, who.name, who.organization,
                "是" if user.is_test_account else "", "是" if attempt.is_preview else "",
                attempt.number, effective_status(attempt, now, grace),
                _local(attempt.started_at), _local(attempt.finished_at),
                round(time_used_ms(attempt.started_at, attempt.finished_at, attempt.deadline) / 1000, 1),
                attempt.score, attempt.max_score, attempt.focus_losses,
                round(attempt.focus_away_ms / 1000, 1), events.get(attempt.id, 0)]  # fmt: skip
        answers = {a.question_id: a for a in attempt.answers}
        items = attempt.paper or []
        if not items:
            rows.append(base + [""] * 5)
        for item in items:
            answer = answers.get(item["question_id"])
            response = ""
            if answer is not None:
                if answer.text is not None:
                    response = answer.text
                else:
                    response = "、".join(
                        item["options"][i] for i in answer.choice or [] if i < len(item["options"])
                    )
            rows.append(base + [item["question_id"], item["type"] + ("（已作废）" if item.get("voided") else ""),
                                response, "是" if answer and answer.is_correct else "否",
                                answer.points if answer else 0])  # fmt: skip
    return rows


def render(rows: list[list], fmt: str, *, sheet: str = "成绩") -> tuple[bytes, str]:
    """(file bytes, mimetype) in ``fmt`` (csv or xlsx)."""
    mimetype, writer = FORMATS[fmt]
    data = writer(rows) if fmt == "csv" else writer(rows, sheet_title=sheet)
    return data, mimetype
