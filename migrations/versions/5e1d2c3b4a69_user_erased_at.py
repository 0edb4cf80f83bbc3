"""User.erased_at: personal data erased on request or by retention (issue 11 item 8).

Revision ID: 5e1d2c3b4a69
Revises: b5e2c7a91f04
Create Date: 2026-12-01 15:50:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "5e1d2c3b4a69"
down_revision = "b5e2c7a91f04"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_user_erased_at"), ["erased_at"], unique=False)


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_erased_at"))
        batch_op.drop_column("erased_at")
