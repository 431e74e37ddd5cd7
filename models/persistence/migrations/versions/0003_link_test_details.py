"""Link-test results name their board, the adapter's test id and what was measured.

Revision ID: 0003
Revises: 0002
Create Date: 2026-08-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("link_test_results", schema=None) as batch_op:
        batch_op.add_column(sa.Column("board", sa.String(64), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("test_id", sa.String(64), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("measured", sa.JSON(), server_default="{}", nullable=False))
        batch_op.create_index("ix_link_test_results_board_at", ["board", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("link_test_results", schema=None) as batch_op:
        batch_op.drop_index("ix_link_test_results_board_at")
        batch_op.drop_column("measured")
        batch_op.drop_column("test_id")
        batch_op.drop_column("board")
