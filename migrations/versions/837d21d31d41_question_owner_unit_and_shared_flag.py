"""Question owner unit and shared flag (issue 11 item 2).

Revision ID: 837d21d31d41
Revises: f96b863ccb08
Create Date: 2026-12-01 14:25:20.654568

Existing questions came from the CLI or the seed: no owner (admins edit them) and shared.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "837d21d31d41"
down_revision = "f96b863ccb08"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_unit_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("shared", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_question_owner_unit_id"), ["owner_unit_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_question_owner_unit_id_organization"),
            "organization",
            ["owner_unit_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_question_owner_unit_id_organization"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_question_owner_unit_id"))
        batch_op.drop_column("shared")
        batch_op.drop_column("owner_unit_id")
