"""Complaint work orders: the full life cycle of issue 16 — readable ids, priority, error
class, attachments, IVR trail, optimistic version, warning moments, feedback; who acted in
what role; full-text search (SQLite FTS5 trigram table, PostgreSQL pg_trgm index).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None

#: SQLite: an external-content FTS5 table over work_orders.search_text, kept by triggers
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE work_order_search USING fts5(search_text, content='work_orders', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER work_order_search_ai AFTER INSERT ON work_orders BEGIN "
    "INSERT INTO work_order_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER work_order_search_ad AFTER DELETE ON work_orders BEGIN "
    "INSERT INTO work_order_search(work_order_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER work_order_search_au AFTER UPDATE OF search_text ON work_orders BEGIN "
    "INSERT INTO work_order_search(work_order_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO work_order_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO work_order_search(work_order_search) VALUES ('rebuild')",
]
#: PostgreSQL: trigram GIN index for ILIKE '%text%' (Chinese has no spaces to split words on)
POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_work_orders_search_trgm ON work_orders USING gin (search_text gin_trgm_ops)",
]


def upgrade() -> None:
    op.create_table(
        "work_order_sequences",
        sa.Column("day", sa.String(8), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.String(24), nullable=True))
        batch_op.add_column(
            sa.Column("priority", sa.String(8), server_default="normal", nullable=False))
        batch_op.add_column(
            sa.Column("cross_region", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(
            sa.Column("error_class", sa.String(24), server_default="", nullable=False))
        batch_op.add_column(sa.Column("attachments", sa.JSON(), server_default="[]",
                                      nullable=False))
        batch_op.add_column(sa.Column("ivr_trail", sa.JSON(), server_default="[]",
                                      nullable=False))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.add_column(
            sa.Column("updated_by", sa.String(64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("warn_yellow_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("warn_orange_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("warn_red_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("satisfied", sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column("immediate", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("replied_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="",
                                      nullable=False))
    # orders of the sketch (before issue 16) get a number from their row id
    op.execute("UPDATE work_orders SET number = 'TS-' || CAST(id AS VARCHAR(12)), "
               "search_text = content WHERE number IS NULL")
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.alter_column("number", existing_type=sa.String(24), nullable=False)
        batch_op.create_index("ix_work_orders_number", ["number"], unique=True)
        batch_op.create_index("ix_work_orders_state_due", ["state", "due_at"], unique=False)
        batch_op.create_index("ix_work_orders_category_created", ["category", "created_at"],
                              unique=False)
        batch_op.create_index("ix_work_orders_department_state", ["department", "state"],
                              unique=False)
        batch_op.create_index("ix_work_orders_creator", ["created_by", "created_at"],
                              unique=False)
    with op.batch_alter_table("work_order_history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(32), server_default="", nullable=False))
    for statement in (SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite"
                      else POSTGRES_SEARCH):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("work_order_search_ai", "work_order_search_ad", "work_order_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS work_order_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_work_orders_search_trgm")
    with op.batch_alter_table("work_order_history", schema=None) as batch_op:
        batch_op.drop_column("role")
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        for index in ("ix_work_orders_creator", "ix_work_orders_department_state",
                      "ix_work_orders_category_created",
                      "ix_work_orders_state_due", "ix_work_orders_number"):
            batch_op.drop_index(index)
        for column in ("search_text", "closed_at", "replied_at", "immediate", "satisfied",
                       "warn_red_at", "warn_orange_at", "warn_yellow_at", "updated_by",
                       "version", "ivr_trail", "attachments", "error_class", "cross_region",
                       "priority", "number"):
            batch_op.drop_column(column)
    op.drop_table("work_order_sequences")
