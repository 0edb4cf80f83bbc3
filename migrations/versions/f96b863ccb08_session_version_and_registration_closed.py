"""Session version (issue 11 item 5) and classes closed to self-registration (item 4).

Revision ID: f96b863ccb08
Revises: a02439fc54ab
Create Date: 2026-12-01 14:10:52.417689

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "f96b863ccb08"
down_revision = "a02439fc54ab"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "registration_closed", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("session_version")

    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_column("registration_closed")
