"""Contest award rules for certificates (issue 12 item 3).

Revision ID: b7e2c4a91d35
Revises: 5e1d2c3b4a69
Create Date: 2026-12-01 16:15:00

Existing contests get the rule ``none``: every student on the final board gets a 参与证明,
which is what their certificates said before (no contest had prizes).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b7e2c4a91d35"
down_revision = "5e1d2c3b4a69"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("contest", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("award_rule", sa.String(length=15), server_default="none", nullable=False)
        )
        batch_op.add_column(sa.Column("award_cut_1", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("award_cut_2", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("award_cut_3", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            "known_award_rule",
            "award_rule IN ('none', 'rank_count', 'rank_percent', 'score_percent')",
        )
        batch_op.create_check_constraint(
            "positive_award_cuts",
            "(award_cut_1 IS NULL OR award_cut_1 > 0) AND (award_cut_2 IS NULL OR award_cut_2 > 0)"
            " AND (award_cut_3 IS NULL OR award_cut_3 > 0)",
        )


def downgrade():
    with op.batch_alter_table("contest", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_contest_positive_award_cuts"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_contest_known_award_rule"), type_="check")
        batch_op.drop_column("award_cut_3")
        batch_op.drop_column("award_cut_2")
        batch_op.drop_column("award_cut_1")
        batch_op.drop_column("award_rule")
