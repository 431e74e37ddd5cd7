"""Call records count transfers and are searchable by agent.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("call_records", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("transfers", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_index(
            "ix_call_records_agent_arrived", ["agent", "arrived_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("call_records", schema=None) as batch_op:
        batch_op.drop_index("ix_call_records_agent_arrived")
        batch_op.drop_column("transfers")
