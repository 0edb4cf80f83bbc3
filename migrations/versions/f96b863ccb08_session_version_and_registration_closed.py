"""Session version (issue 11 item 5), per-source login failures and classes closed to
self-registration (item 4).

Revision ID: f96b863ccb08
Revises: 43426447aec0
Create Date: 2026-12-01 14:10:52.417689

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "f96b863ccb08"
down_revision = "43426447aec0"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "source"),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_failure_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_login_failure_locked_until"), ["locked_until"], unique=False
        )
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
    op.drop_table("login_failure")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("session_version")

    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_column("registration_closed")
