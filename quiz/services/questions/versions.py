"""Question versions: immutable snapshots of a question's content (issue 11 item 2).

A contest's fixed pool refers to versions (services.contests.pools), so the live question can
be edited without changing what a running contest draws. A version is the content the draw
and the paper read; one row per distinct content of a question (``content_hash``), made when a
pool is fixed or refreshed, and when a question a fixed pool uses is edited.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import exists, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from quiz.extensions import db
from quiz.models import ContestPool, Question, QuestionVersion
from quiz.timeutil import utcnow

#: Questions per INSERT / SELECT when snapshotting a pool (SQLite limits bound parameters).
CHUNK = 400


def source_info(question: Question) -> dict:
    """A question's provenance as papers snapshot it (empty when it has no source)."""
    if question.source is None:
        return {}
    return {
        "id": question.source_id,
        "title": question.source.title,
        "publisher": question.source.publisher,
        "date": question.source.date,
        "sentence": question.sentence,
        "start": question.start,
        "end": question.end,
    }


def version_content(question: Question) -> dict:
    """What a version keeps: everything a draw and a paper item read from the question."""
    return {
        "uid": question.uid,
        "type": question.type,
        "stem": question.stem,
        "options": list(question.options or ()),
        "answer": list(question.answer or ()),
        "explanation": question.explanation or "",
        "difficulty": question.difficulty,
        "fact": question.fact or "",
        "source": source_info(question),
        "answer_spans": [list(span) for span in question.answer_spans or ()],
        "themed_days": list(question.themed_days),
    }


def content_hash(content: dict) -> str:
    return hashlib.sha256(
        json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def ensure_versions(questions: list[Question]) -> dict[int, int]:
    """The version id of each question's current content (question id -> version id),
    inserting the versions that do not exist yet.

    Two transactions snapshotting the same content at once (two contests fixing their pools)
    meet on the unique (question_id, content_hash): the insert skips what exists, and the
    read after it finds the row whichever transaction wrote it.
    """
    if not questions:
        return {}
    wanted = {}
    rows = []
    # In id order: two transactions inserting overlapping versions wait on each other's rows
    # in the same order (no deadlock on PostgreSQL).
    for question in sorted(questions, key=lambda q: q.id):
        content = version_content(question)
        digest = content_hash(content)
        wanted[question.id] = digest
        rows.append(
            {
                "question_id": question.id,
                "content": content,
                "content_hash": digest,
                "created_at": utcnow(),
            }
        )
    dialect = db.session.connection().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    ids = list(wanted)
    versions = {}
    for start in range(0, len(rows), CHUNK):  # bound parameters per statement stay modest
        db.session.execute(
            insert(QuestionVersion)
            .values(rows[start : start + CHUNK])
            .on_conflict_do_nothing(index_elements=["question_id", "content_hash"])
        )
        found = db.session.execute(
            select(
                QuestionVersion.id, QuestionVersion.question_id, QuestionVersion.content_hash
            ).where(QuestionVersion.question_id.in_(ids[start : start + CHUNK]))
        )
        versions.update({qid: vid for vid, qid, digest in found if wanted[qid] == digest})
    return versions


def version_if_pooled(question: Question) -> None:
    """After an edit: a question a fixed pool uses gets a version of its new content (the pool
    keeps the old one, 更新题池 moves it to the new)."""
    used = db.session.execute(
        select(exists().where(ContestPool.question_id == question.id))
    ).scalar()
    if used:
        ensure_versions([question])
