"""Supervisor control (issue 12): users' teams, department and forced password change;
recordings made while monitoring a call (kept on its call record); the audit
trail searchable by target.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("teams", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(
            sa.Column("department", sa.String(64), server_default="", nullable=False))
        batch_op.add_column(sa.Column(
            "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_target_at", ["target", "at"], unique=False)
    with op.batch_alter_table("call_records", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recordings", sa.JSON(), server_default="[]", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("call_records", schema=None) as batch_op:
        batch_op.drop_column("recordings")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_target_at")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("department")
        batch_op.drop_column("teams")
