"""Link, line, fax and IVR test results."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.linktests import LinkTestResult
from models.persistence.convert import check_range, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import LinkTestRow


class LinkTestRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, result: LinkTestResult) -> int:
        with self.db.begin() as s:
            row = LinkTestRow(**row_values(LinkTestRow, result))
            s.add(row)
            s.flush()
            result.id = row.id
            return row.id

    def record_in(self, session: Session, results: list[LinkTestResult]) -> None:
        """Append results inside a caller's unit of work (the daemon's batch writer)."""
        session.add_all([LinkTestRow(**row_values(LinkTestRow, r)) for r in results])

    def recent(self, target: str | None = None, limit: int = 50) -> list[LinkTestResult]:
        """Newest first, optionally for one target."""
        check_range(None, None, limit)
        query = select(LinkTestRow)
        if target is not None:
            query = query.where(LinkTestRow.target == target)
        query = query.order_by(LinkTestRow.at.desc(), LinkTestRow.id.desc()).limit(limit)
        with self.db.read() as s:
            return [to_domain(LinkTestResult, r) for r in s.scalars(query)]
