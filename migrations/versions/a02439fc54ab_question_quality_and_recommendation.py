"""Question quality and recommendation (bank schema 2), and the answer's place in its sentence.

Revision ID: a02439fc54ab
Revises: d39d249e7ca4
Create Date: 2026-12-01 11:54:09.602243

Existing questions get an empty span list, no score and ``recommended`` false: a reload of the
bank file fills them in.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a02439fc54ab"
down_revision = "d39d249e7ca4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("answer_spans", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("quality_score", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("quality_reasons", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(
            sa.Column("recommended", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index(batch_op.f("ix_question_recommended"), ["recommended"], unique=False)


def downgrade():
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_recommended"))
        batch_op.drop_column("recommended")
        batch_op.drop_column("quality_reasons")
        batch_op.drop_column("quality_score")
        batch_op.drop_column("answer_spans")
