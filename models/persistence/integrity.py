"""Is the stored history whole? Integrity checks that look at every row, on SQLite and PostgreSQL.

Used after a crash (the kill -9 tests) and by a site that wants to know. SQLite has it built
in (``PRAGMA integrity_check``, ``foreign_key_check``). PostgreSQL trusts its constraints at
write time but a crash, a bug in a replica, ``session_replication_role = replica`` or a
constraint added ``NOT VALID`` can still leave rows that break them, so every constraint is
re-checked by query: each foreign key (orphans), each CHECK, each NOT NULL, each primary key
and unique index (duplicates); and, where the ``amcheck`` extension is installed, every btree
index is verified against its table (``bt_index_check(index, heapallindexed => true)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, text

from models.persistence.schema import Base

if TYPE_CHECKING:
    from models.persistence.database import Database


@dataclass(slots=True)
class IntegrityReport:
    """Problems (empty when healthy) and how many of each thing were checked."""

    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    #: why a check could not run (e.g. amcheck not installed); not a problem with the data
    notes: list[str] = field(default_factory=list)


def check(db: Database, *, install_amcheck: bool = False) -> IntegrityReport:
    """Check ``db``; ``install_amcheck`` tries ``CREATE EXTENSION amcheck`` (needs superuser)."""
    report = IntegrityReport()
    migrated = db.current_revision() is not None
    if db.dialect == "postgresql" and install_amcheck:
        _install_amcheck(db, report)
    from models.persistence.database import _READ_OPTION

    # a reader's transaction: on SQLite it never takes the write lock a live daemon needs
    with db.engine.execution_options(**{_READ_OPTION: True}).connect() as conn:
        if db.dialect == "sqlite":
            _sqlite(conn, report)
        else:
            _postgres(conn, report)
        if migrated:
            present = set(inspect(conn).get_table_names())
            report.problems += [f"missing table {name}" for name in Base.metadata.tables
                                if name not in present]
        conn.rollback()
    return report


def _sqlite(conn: Any, report: IntegrityReport) -> None:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    report.problems += [f"integrity_check: {r}" for r in rows if r != "ok"]
    report.problems += [f"foreign_key_check: {tuple(r)}"
                        for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    report.checked.update({"sqlite integrity_check": 1, "sqlite foreign_key_check": 1})


# --- PostgreSQL -------------------------------------------------------------------------------

_CONSTRAINTS = text("""
    SELECT con.conname, con.contype, cls.relname, pg_get_constraintdef(con.oid),
           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n
                 ORDER BY k.i),
           fcls.relname,
           ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n
                 ORDER BY k.i)
    FROM pg_constraint con
    JOIN pg_class cls ON cls.oid = con.conrelid
    LEFT JOIN pg_class fcls ON fcls.oid = con.confrelid
    WHERE cls.relnamespace = current_schema()::regnamespace AND con.contype IN ('f', 'c')
    ORDER BY cls.relname, con.conname
""")
_UNIQUE_INDEXES = text("""
    SELECT ic.relname, tc.relname,
           ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n
                 ORDER BY k.i)
    FROM pg_index ix
    JOIN pg_class ic ON ic.oid = ix.indexrelid
    JOIN pg_class tc ON tc.oid = ix.indrelid
    WHERE ix.indisunique AND ix.indexprs IS NULL AND ix.indpred IS NULL
      AND tc.relnamespace = current_schema()::regnamespace
    ORDER BY tc.relname, ic.relname
""")
_NOT_NULL = text("""
    SELECT c.relname, array_agg(a.attname ORDER BY a.attnum)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull
    GROUP BY c.relname ORDER BY c.relname
""")
_BTREE_INDEXES = text("""
    SELECT ic.oid, ic.relname
    FROM pg_index ix
    JOIN pg_class ic ON ic.oid = ix.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE am.amname = 'btree' AND ic.relnamespace = current_schema()::regnamespace
    ORDER BY ic.relname
""")


#: heapallindexed: every row of the table must be found in the index, not only a sane tree
_BT_INDEX_CHECK = text("SELECT bt_index_check(CAST(CAST(:oid AS oid) AS regclass), true)")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _postgres(conn: Any, report: IntegrityReport) -> None:
    fks = checks = 0
    for name, kind, table, definition, cols, ftable, fcols in conn.execute(_CONSTRAINTS).all():
        if kind == "f":
            fks += 1
            bad = _orphans(conn, table, cols, ftable, fcols)
            if bad:
                report.problems.append(
                    f"foreign key {name}: {bad} row(s) of {table}({', '.join(cols)}) have no "
                    f"{ftable}({', '.join(fcols)})")
        else:
            checks += 1
            expr = definition.removesuffix(" NOT VALID").removeprefix("CHECK ")
            bad = conn.execute(text(f"SELECT count(*) FROM {_q(table)} WHERE NOT {expr}")).scalar()
            if bad:
                report.problems.append(f"check {name} on {table}: {bad} row(s) violate {expr}")
    uniques = 0
    for index, table, cols in conn.execute(_UNIQUE_INDEXES).all():
        uniques += 1
        col_list = ", ".join(_q(c) for c in cols)
        not_null = " AND ".join(f"{_q(c)} IS NOT NULL" for c in cols)
        dup = conn.execute(text(
            f"SELECT count(*) FROM (SELECT 1 FROM {_q(table)} WHERE {not_null} "
            f"GROUP BY {col_list} HAVING count(*) > 1) d")).scalar()
        if dup:
            report.problems.append(f"unique index {index}: {dup} duplicated key(s) in {table}")
    tables = 0
    for table, cols in conn.execute(_NOT_NULL).all():
        tables += 1
        counts = ", ".join(f"count(*) FILTER (WHERE {_q(c)} IS NULL)" for c in cols)
        nulls = conn.execute(text(f"SELECT {counts} FROM {_q(table)}")).one()
        report.problems += [f"not null {table}.{c}: {n} row(s) are NULL"
                            for c, n in zip(cols, nulls, strict=True) if n]
    report.checked.update({"foreign keys": fks, "check constraints": checks,
                           "unique keys": uniques, "tables (not null)": tables})
    _amcheck(conn, report)


def _orphans(conn: Any, table: str, cols: list[str], ftable: str, fcols: list[str]) -> int:
    """Rows whose key (all columns set: MATCH SIMPLE) is missing from the referenced table."""
    set_ = " AND ".join(f"c.{_q(c)} IS NOT NULL" for c in cols)
    match = " AND ".join(f"p.{_q(f)} = c.{_q(c)}" for c, f in zip(cols, fcols, strict=True))
    return int(conn.execute(text(
        f"SELECT count(*) FROM {_q(table)} c WHERE {set_} "
        f"AND NOT EXISTS (SELECT 1 FROM {_q(ftable)} p WHERE {match})")).scalar())


def _install_amcheck(db: Database, report: IntegrityReport) -> None:
    try:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
    except Exception as exc:  # not superuser, or contrib not installed: checked without it
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        report.notes.append(f"amcheck could not be installed: {first}")


def _amcheck(conn: Any, report: IntegrityReport) -> None:
    installed = conn.execute(text(
        "SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).first()
    if not installed:
        report.notes.append("amcheck not installed: btree indexes not verified "
                            "(CREATE EXTENSION amcheck as a superuser enables it)")
        return
    indexes = 0
    for oid, name in conn.execute(_BTREE_INDEXES).all():
        indexes += 1
        savepoint = conn.begin_nested()
        try:
            conn.execute(_BT_INDEX_CHECK, {"oid": oid})
            savepoint.commit()
        except Exception as exc:
            savepoint.rollback()
            first = str(exc).strip().splitlines()[0]
            report.problems.append(f"amcheck {name}: {first}")
    report.checked["btree indexes (amcheck)"] = indexes
