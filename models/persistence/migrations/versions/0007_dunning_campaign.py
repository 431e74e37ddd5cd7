"""Dunning campaign (issue 17): account level, stage and do-not-call; payment references for
idempotent reconciliation; the day each attempt belongs to; exported suspension files; the
campaign's persisted state.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dunning_accounts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("level", sa.String(16), server_default="normal", nullable=False))
        batch_op.add_column(
            sa.Column("do_not_call", sa.Boolean(), server_default="0", nullable=False))
        batch_op.add_column(
            sa.Column("stage", sa.String(16), server_default="none", nullable=False))
        batch_op.add_column(
            sa.Column("promise_date", sa.String(10), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("promise_fen", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reference", sa.String(64), nullable=True))
        batch_op.create_index("ix_payments_reference", ["reference"], unique=True)
    with op.batch_alter_table("dunning_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("day", sa.String(10), server_default="", nullable=False))
        batch_op.add_column(sa.Column("slot", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("ended_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.String(256), server_default="", nullable=False))
        batch_op.create_index("ix_dunning_attempts_day", ["day"], unique=False)
        batch_op.create_index(
            "ix_dunning_attempts_slot", ["account", "day", "kind", "slot"], unique=True)
    op.create_table(
        "dunning_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_dunning_files_kind_day", "dunning_files", ["kind", "day"], unique=True)
    op.create_table(
        "dunning_state",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("dunning_state")
    op.drop_index("ix_dunning_files_kind_day", table_name="dunning_files")
    op.drop_table("dunning_files")
    with op.batch_alter_table("dunning_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_dunning_attempts_slot")
        batch_op.drop_index("ix_dunning_attempts_day")
        for name in ("note", "ended_at", "slot", "day"):
            batch_op.drop_column(name)
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index("ix_payments_reference")
        batch_op.drop_column("reference")
    with op.batch_alter_table("dunning_accounts", schema=None) as batch_op:
        for name in ("promise_fen", "promise_date", "stage", "do_not_call", "level"):
            batch_op.drop_column(name)
