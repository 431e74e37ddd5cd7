"""Link, line, fax and IVR test results: recorded, searched, and a pass rate per board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.linktests import LinkTestResult
from models.persistence.convert import check_range, newest_in_window, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import LinkTestRow

#: how many results a pass-rate query reads at most (a year of nightly sweeps of ~500
#: channels is ~180,000): it never walks an unbounded table
PASS_RATE_MAX_ROWS = 500_000


@dataclass(slots=True)
class PassRate:
    """Tests of one board in one period (a local calendar day or week)."""

    board: str
    period: str
    tests: int
    passed: int

    @property
    def rate(self) -> float:
        return self.passed / self.tests if self.tests else 0.0


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

    def search(
        self,
        *,
        board: str | None = None,
        target: str | None = None,
        kind: str | None = None,
        passed: bool | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[LinkTestResult]:
        """Results in ``since <= at < until``, newest first, filtered by board / target / kind."""
        query = select(LinkTestRow)
        if board is not None:
            query = query.where(LinkTestRow.board == board)
        if target is not None:
            query = query.where(LinkTestRow.target == target)
        if kind is not None:
            query = query.where(LinkTestRow.kind == kind)
        if passed is not None:
            query = query.where(LinkTestRow.passed == passed)
        query = newest_in_window(query, LinkTestRow.at, LinkTestRow.id, since, until, limit,
                                 offset)
        with self.db.read() as s:
            return [to_domain(LinkTestResult, r) for r in s.scalars(query)]

    def pass_rates(
        self, *, since: float | None = None, until: float | None = None, period: str = "day",
        board: str | None = None,
    ) -> list[PassRate]:
        """Tests and passes per board per local calendar ``day`` or ISO ``week``, oldest first.

        Grouped here rather than in SQL: a local calendar day is not the same expression on
        SQLite and PostgreSQL, and the rows are few (see :data:`PASS_RATE_MAX_ROWS`).
        """
        if period not in ("day", "week"):
            raise ValueError(f"period must be day or week, got {period!r}")
        check_range(since, until, 1)
        query = select(LinkTestRow.board, LinkTestRow.at, LinkTestRow.passed)
        if board is not None:
            query = query.where(LinkTestRow.board == board)
        if since is not None:
            query = query.where(LinkTestRow.at >= float(since))
        if until is not None:
            query = query.where(LinkTestRow.at < float(until))
        query = query.order_by(LinkTestRow.at.desc()).limit(PASS_RATE_MAX_ROWS)
        totals: dict[tuple[str, str], list[int]] = {}
        with self.db.read() as s:
            for row_board, at, ok in s.execute(query):
                key = (row_board, _period(at, period))
                tally = totals.setdefault(key, [0, 0])
                tally[0] += 1
                tally[1] += bool(ok)
        return [PassRate(b, p, n, k) for (b, p), (n, k) in
                sorted(totals.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


def _period(at: float, period: str) -> str:
    day = datetime.fromtimestamp(at).date()
    if period == "day":
        return day.isoformat()
    monday = day - timedelta(days=day.weekday())
    return f"{monday.isoformat()}/W{day.isocalendar().week:02d}"
