"""Blacklist enforcement: who changed an entry last, what each change set, and which entry
screened each call (issue 13).

Revision ID: 0004
Revises: 0003
Create Date: 2026-08-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("blacklist_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("updated_by", sa.String(64), server_default="", nullable=False))
    with op.batch_alter_table("blacklist_history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.JSON(), server_default="{}", nullable=False))
        batch_op.create_index("ix_blacklist_history_number_at", ["number", "at"], unique=False)
    with op.batch_alter_table("call_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("blacklist_entry", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("blacklist_action", sa.String(16), server_default="", nullable=False))
        batch_op.create_index(
            "ix_call_records_blacklist_entry", ["blacklist_entry", "arrived_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("call_records", schema=None) as batch_op:
        batch_op.drop_index("ix_call_records_blacklist_entry")
        batch_op.drop_column("blacklist_action")
        batch_op.drop_column("blacklist_entry")
    with op.batch_alter_table("blacklist_history", schema=None) as batch_op:
        batch_op.drop_index("ix_blacklist_history_number_at")
        batch_op.drop_column("detail")
    with op.batch_alter_table("blacklist_entries", schema=None) as batch_op:
        batch_op.drop_column("updated_by")
        batch_op.drop_column("updated_at")
