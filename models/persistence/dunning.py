"""Dunning accounts, bills, payments and call attempts."""

from __future__ import annotations

from sqlalchemy import select

from models.dunning import Bill, DunningAccount, DunningAttempt, Payment
from models.persistence.convert import InvalidQuery, NotFound, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import BillRow, DunningAccountRow, DunningAttemptRow, PaymentRow


class DunningRepository:
    """The arrears file: who owes what, what they paid, and when we called."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save_account(self, account: DunningAccount) -> None:
        with self.db.begin() as s:
            s.merge(DunningAccountRow(**row_values(DunningAccountRow, account)))

    def get_account(self, account: str) -> DunningAccount | None:
        with self.db.read() as s:
            row = s.get(DunningAccountRow, account)
            return None if row is None else to_domain(DunningAccount, row)

    def add_bill(self, bill: Bill) -> Bill:
        if bill.amount_fen < 0:
            raise InvalidQuery(f"bill for {bill.account} {bill.period}: amount must be >= 0")
        with self.db.begin() as s:
            if s.get(DunningAccountRow, bill.account) is None:
                raise NotFound(f"no dunning account {bill.account!r}")
            row = BillRow(**row_values(BillRow, bill))
            s.add(row)
            s.flush()
            bill.id = row.id
        return bill

    def record_payment(self, payment: Payment) -> Payment:
        """Store a payment and credit it to its bill, in one transaction."""
        if payment.amount_fen <= 0:
            raise InvalidQuery(f"payment for {payment.account}: amount must be > 0")
        with self.db.begin() as s:
            if s.get(DunningAccountRow, payment.account) is None:
                raise NotFound(f"no dunning account {payment.account!r}")
            if payment.bill_id is not None:
                bill = s.get(BillRow, payment.bill_id)
                if bill is None or bill.account != payment.account:
                    raise NotFound(f"account {payment.account!r} has no bill {payment.bill_id}")
                bill.paid_fen += payment.amount_fen
            row = PaymentRow(**row_values(PaymentRow, payment))
            s.add(row)
            s.flush()
            payment.id = row.id
        return payment

    def record_attempt(self, attempt: DunningAttempt) -> int:
        with self.db.begin() as s:
            if s.get(DunningAccountRow, attempt.account) is None:
                raise NotFound(f"no dunning account {attempt.account!r}")
            row = DunningAttemptRow(**row_values(DunningAttemptRow, attempt))
            s.add(row)
            s.flush()
            attempt.id = row.id
            return row.id

    def bills(self, account: str) -> list[Bill]:
        query = select(BillRow).where(BillRow.account == account).order_by(BillRow.period)
        with self.db.read() as s:
            return [to_domain(Bill, r) for r in s.scalars(query)]

    def unpaid_bills(self, period: str | None = None) -> list[Bill]:
        """Bills with money outstanding (the dunning list), optionally for one period."""
        query = select(BillRow).where(BillRow.paid_fen < BillRow.amount_fen)
        if period is not None:
            query = query.where(BillRow.period == period)
        with self.db.read() as s:
            rows = s.scalars(query.order_by(BillRow.account, BillRow.period))
            return [to_domain(Bill, r) for r in rows]

    def attempts(self, account: str) -> list[DunningAttempt]:
        query = (
            select(DunningAttemptRow)
            .where(DunningAttemptRow.account == account)
            .order_by(DunningAttemptRow.at)
        )
        with self.db.read() as s:
            return [to_domain(DunningAttempt, r) for r in s.scalars(query)]
