"""Contest pools and question versions (issue 11 item 2).

Revision ID: b5e2c7a91f04
Revises: 837d21d31d41
Create Date: 2026-12-01 16:05:00.000000

A contest's pool is fixed at the first start after opens_at, as ``contest_pool`` rows naming
immutable ``question_version`` rows. Existing contests start unfixed: their next start fixes
them (a contest already running keeps drawing as before until then).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b5e2c7a91f04"
down_revision = "837d21d31d41"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "question_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_question_version_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_version")),
        sa.UniqueConstraint(
            "question_id",
            "content_hash",
            name=op.f("uq_question_version_question_id_content_hash"),
        ),
    )
    with op.batch_alter_table("question_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_version_question_id"), ["question_id"], unique=False
        )

    op.create_table(
        "contest_pool",
        sa.Column("contest_id", sa.Integer(), nullable=False),
        sa.Column("question_version_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contest_id"],
            ["contest.id"],
            name=op.f("fk_contest_pool_contest_id_contest"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_contest_pool_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_version_id"],
            ["question_version.id"],
            name=op.f("fk_contest_pool_question_version_id_question_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contest_id", "question_version_id", name=op.f("pk_contest_pool")),
        sa.UniqueConstraint(
            "contest_id", "question_id", name=op.f("uq_contest_pool_contest_id_question_id")
        ),
    )
    with op.batch_alter_table("contest_pool", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contest_pool_question_id"), ["question_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contest_pool_question_version_id"),
            ["question_version_id"],
            unique=False,
        )

    with op.batch_alter_table("contest", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pool_fixed_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("contest", schema=None) as batch_op:
        batch_op.drop_column("pool_fixed_at")
    with op.batch_alter_table("contest_pool", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contest_pool_question_version_id"))
        batch_op.drop_index(batch_op.f("ix_contest_pool_question_id"))
    op.drop_table("contest_pool")
    with op.batch_alter_table("question_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_version_question_id"))
    op.drop_table("question_version")
