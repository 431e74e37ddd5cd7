"""Dunning accounts, bills, payments, call attempts, suspension files and campaign state.

Every import is one transaction (all or nothing); attempts are unique per account, day, kind
and slot so a day run twice, or after a restart, never dials the same attempt twice; a
suspension file is unique per kind and day so it is never written twice."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from models.dunning.calendar import DunningConfig, local_date, local_time, milestone
from models.dunning.files import BillingRow, PaymentLine
from models.dunning.planner import AccountView, TodayAttempt, is_contact, is_delivery
from models.dunning.records import (
    AttemptResult,
    Bill,
    DunningAccount,
    DunningAttempt,
    Payment,
    Stage,
    SuspensionFile,
    SuspensionState,
)
from models.persistence.convert import InvalidQuery, NotFound, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import (
    BillRow,
    DunningAccountRow,
    DunningAttemptRow,
    DunningStateRow,
    PaymentRow,
    SuspensionFileRow,
)

#: how far back attempts are read for the caps and the recall (days)
HISTORY_DAYS = 130


class ImportConflict(InvalidQuery):
    """An import that contradicts what is stored (listed by line, nothing written)."""


class DunningRepository:
    """The arrears file: who owes what, what they paid, and when we called."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- accounts and bills ---------------------------------------------------------------

    def save_account(self, account: DunningAccount) -> None:
        with self.db.begin() as s:
            s.merge(DunningAccountRow(**row_values(DunningAccountRow, account)))

    def get_account(self, account: str) -> DunningAccount | None:
        with self.db.read() as s:
            row = s.get(DunningAccountRow, account)
            return None if row is None else to_domain(DunningAccount, row)

    def account_ids(self) -> set[str]:
        with self.db.read() as s:
            return set(s.scalars(select(DunningAccountRow.account)))

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

    def import_billing(self, rows: list[BillingRow], now: float,
                       cfg: DunningConfig | None = None) -> dict[str, int]:
        """Accounts and bills from a parsed billing file, in one transaction. A bill already
        stored with the same amount is left alone (the same file twice changes nothing); one
        with another amount refuses the whole file."""
        cfg = cfg or DunningConfig()
        conflicts: list[str] = []
        counts = {"accounts_new": 0, "accounts_updated": 0, "bills_new": 0, "bills_same": 0}
        with self.db.begin() as s:
            accounts = {r.account for r in rows}
            stored = {a.account: a for a in s.scalars(
                select(DunningAccountRow).where(DunningAccountRow.account.in_(accounts)))}
            bills = {(b.account, b.period): b for b in s.scalars(
                select(BillRow).where(BillRow.account.in_(accounts)))}
            seen: set[str] = set()
            for r in rows:
                if r.account not in seen:
                    seen.add(r.account)
                    acc = stored.get(r.account)
                    if acc is None:
                        s.add(DunningAccountRow(account=r.account, name=r.name, phone=r.phone,
                                                level=r.level, do_not_call=r.do_not_call,
                                                suspension="none", stage="none",
                                                updated_at=now))
                        counts["accounts_new"] += 1
                    elif (acc.name, acc.phone, acc.level, acc.do_not_call) != (
                            r.name, r.phone, r.level, r.do_not_call):
                        acc.name, acc.phone, acc.level = r.name, r.phone, r.level
                        acc.do_not_call, acc.updated_at = r.do_not_call, now
                        counts["accounts_updated"] += 1
            s.flush()  # accounts before their bills (no ORM relationship orders them)
            for r in rows:
                if r.period is None or r.amount_fen is None:
                    continue
                old = bills.get((r.account, r.period))
                if old is not None:
                    if old.amount_fen != r.amount_fen:
                        conflicts.append(
                            f"line {r.line}: bill {r.account} {r.period} is stored with "
                            f"{old.amount_fen / 100:.2f}, the file says {r.amount_fen / 100:.2f}")
                    else:
                        counts["bills_same"] += 1
                    continue
                due = local_time(milestone(r.period, 1, cfg), "00:00", cfg)
                s.add(BillRow(account=r.account, period=r.period, amount_fen=r.amount_fen,
                              due_at=due, paid_fen=0))
                counts["bills_new"] += 1
            if conflicts:  # raising inside the transaction rolls every row back
                raise ImportConflict(f"{len(conflicts)} bad row(s), nothing imported: "
                                     + "; ".join(conflicts[:5]))
        return counts

    # --- payments -------------------------------------------------------------------------

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

    def import_payments(self, lines: list[PaymentLine]) -> dict[str, Any]:
        """A parsed reconciliation file in one transaction: a reference seen before is skipped
        (the same file twice changes nothing); money goes to the oldest unpaid bills first."""
        result: dict[str, Any] = {"imported": 0, "duplicates": 0, "paid_accounts": []}
        with self.db.begin() as s:
            refs = [ln.reference for ln in lines]
            known = set()
            for i in range(0, len(refs), 500):
                known |= set(s.scalars(select(PaymentRow.reference).where(
                    PaymentRow.reference.in_(refs[i:i + 500]))))
            touched: set[str] = set()
            for ln in lines:
                if ln.reference in known:
                    result["duplicates"] += 1
                    continue
                left = ln.amount_fen
                first_bill = None
                for bill in s.scalars(select(BillRow).where(
                        BillRow.account == ln.account, BillRow.paid_fen < BillRow.amount_fen
                ).order_by(BillRow.period)):
                    take = min(left, bill.amount_fen - bill.paid_fen)
                    bill.paid_fen += take
                    left -= take
                    first_bill = first_bill or bill.id
                    if left <= 0:
                        break
                s.add(PaymentRow(account=ln.account, bill_id=first_bill, amount_fen=ln.amount_fen,
                                 paid_at=ln.paid_at, channel=ln.channel, reference=ln.reference))
                touched.add(ln.account)
                result["imported"] += 1
            s.flush()
            for account in sorted(touched):
                owed = s.scalar(select(func.coalesce(func.sum(
                    BillRow.amount_fen - BillRow.paid_fen), 0)).where(
                    BillRow.account == account, BillRow.paid_fen < BillRow.amount_fen))
                if not owed:
                    result["paid_accounts"].append(account)
                    acc = s.get(DunningAccountRow, account)
                    if acc is not None:
                        acc.promise_date, acc.promise_fen = "", 0
        return result

    def payments(self, account: str) -> list[Payment]:
        query = select(PaymentRow).where(PaymentRow.account == account).order_by(
            PaymentRow.paid_at)
        with self.db.read() as s:
            return [to_domain(Payment, r) for r in s.scalars(query)]

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

    # --- attempts -------------------------------------------------------------------------

    def record_attempt(self, attempt: DunningAttempt) -> int:
        with self.db.begin() as s:
            if s.get(DunningAccountRow, attempt.account) is None:
                raise NotFound(f"no dunning account {attempt.account!r}")
            row = DunningAttemptRow(**row_values(DunningAttemptRow, attempt))
            s.add(row)
            s.flush()
            attempt.id = row.id
            return row.id

    def reserve_attempt(self, attempt: DunningAttempt) -> int | None:
        """Write the attempt before dialing; None if that slot of that day is already taken
        (the day ran before, or switchlink restarted): the caller must not dial."""
        try:
            return self.record_attempt(attempt)
        except IntegrityError:
            return None

    def next_manual_slot(self, account: str, day: str) -> int:
        with self.db.read() as s:
            top = s.scalar(select(func.max(DunningAttemptRow.slot)).where(
                DunningAttemptRow.account == account, DunningAttemptRow.day == day,
                DunningAttemptRow.kind == "manual"))
        return 0 if top is None else top + 1

    def finish_attempt(self, attempt_id: int, result: str, ended_at: float,
                       call_id: str | None = None, note: str = "") -> None:
        with self.db.begin() as s:
            row = s.get(DunningAttemptRow, attempt_id)
            if row is None:
                raise NotFound(f"no dunning attempt {attempt_id}")
            row.result, row.ended_at = result, ended_at
            if call_id is not None:
                row.call_id = call_id
            if note:
                row.note = note[:256]

    def end_manual_call(self, attempt_id: int, outcome: str, ended_at: float) -> None:
        """A manual call ended: the switch's outcome stands until the seat records its own."""
        with self.db.begin() as s:
            row = s.get(DunningAttemptRow, attempt_id)
            if row is not None:
                row.ended_at = ended_at
                if row.result == AttemptResult.DIALING.value:
                    row.result = outcome

    def interrupt_dialing(self, now: float) -> int:
        """Attempts left 'dialing' by a stopped switchlink: interrupted (never redialed)."""
        with self.db.begin() as s:
            res = s.execute(update(DunningAttemptRow).where(
                DunningAttemptRow.result == AttemptResult.DIALING.value).values(
                result=AttemptResult.INTERRUPTED.value, ended_at=now))
            return int(res.rowcount or 0)

    def attempts(self, account: str) -> list[DunningAttempt]:
        query = (
            select(DunningAttemptRow)
            .where(DunningAttemptRow.account == account)
            .order_by(DunningAttemptRow.at)
        )
        with self.db.read() as s:
            return [to_domain(DunningAttempt, r) for r in s.scalars(query)]

    def attempts_on(self, day: str) -> list[DunningAttempt]:
        query = select(DunningAttemptRow).where(DunningAttemptRow.day == day).order_by(
            DunningAttemptRow.at)
        with self.db.read() as s:
            return [to_domain(DunningAttempt, r) for r in s.scalars(query)]

    # --- the planner's input --------------------------------------------------------------

    def views(self, day: dt.date, cfg: DunningConfig) -> list[AccountView]:
        """One :class:`AccountView` per account that owes money or is suspended."""
        iso = day.isoformat()
        with self.db.read() as s:
            owed: dict[str, list[Any]] = {}
            for account, period, amount, paid in s.execute(
                    select(BillRow.account, BillRow.period, BillRow.amount_fen, BillRow.paid_fen)
                    .where(BillRow.paid_fen < BillRow.amount_fen).order_by(BillRow.period)):
                item = owed.setdefault(account, [period, 0, 0])
                item[1] += amount - paid
                item[2] += 1
            rows = s.scalars(select(DunningAccountRow).where(or_(
                DunningAccountRow.account.in_(select(BillRow.account).where(
                    BillRow.paid_fen < BillRow.amount_fen)),
                DunningAccountRow.suspension != SuspensionState.NONE.value)))
            views = {}
            for r in rows:
                oldest, fen, months = owed.get(r.account, (None, 0, 0))
                views[r.account] = AccountView(
                    r.account, r.phone, r.name, r.level, bool(r.do_not_call),
                    SuspensionState(r.suspension), oldest, fen, months,
                    promise_date=r.promise_date or "")
            since = (dt.datetime.combine(day - dt.timedelta(days=HISTORY_DAYS), dt.time(),
                                         cfg.zone)).timestamp()
            history: dict[str, list[tuple[float, str, str, int, float | None]]] = \
                defaultdict(list)
            for a in s.execute(select(
                    DunningAttemptRow.account, DunningAttemptRow.at, DunningAttemptRow.result,
                    DunningAttemptRow.day, DunningAttemptRow.slot, DunningAttemptRow.ended_at,
                    DunningAttemptRow.kind).where(DunningAttemptRow.at >= since)):
                if a.account in views:
                    history[a.account].append((a.at, a.result, a.day, a.slot, a.ended_at,
                                               a.kind))
        week_start = day - dt.timedelta(days=6)
        for account, items in history.items():
            view = views[account]
            entered = milestone(view.oldest_unpaid, 1, cfg) if view.oldest_unpaid else day
            for at, result, aday, slot, ended_at, kind in items:
                date = local_date(at, cfg)
                if is_delivery(result) and date >= entered:
                    view.deliveries.append(date)
                if is_contact(result) and week_start <= date <= day:
                    view.contacts.append(date)
                if aday == iso and kind == "auto":
                    view.today.append(TodayAttempt(slot, result, ended_at))
        return list(views.values())

    # --- the day's outcome ----------------------------------------------------------------

    def apply_stages(self, stages: dict[str, Stage], suspend: dict[str, SuspensionState],
                     now: float) -> None:
        """Write the stages the planner computed and the suspensions its files decided."""
        with self.db.begin() as s:
            by_stage: dict[str, list[str]] = defaultdict(list)
            for account, stage in stages.items():
                by_stage[stage.value].append(account)
            s.execute(update(DunningAccountRow).where(
                DunningAccountRow.stage != Stage.NONE.value).values(stage=Stage.NONE.value))
            for stage, accounts in by_stage.items():
                for i in range(0, len(accounts), 500):
                    s.execute(update(DunningAccountRow).where(
                        DunningAccountRow.account.in_(accounts[i:i + 500])).values(stage=stage))
            for account, state in suspend.items():
                s.execute(update(DunningAccountRow).where(
                    DunningAccountRow.account == account).values(
                    suspension=state.value, updated_at=now))

    def set_promise(self, account: str, date: str, fen: int) -> None:
        with self.db.begin() as s:
            row = s.get(DunningAccountRow, account)
            if row is None:
                raise NotFound(f"no dunning account {account!r}")
            row.promise_date, row.promise_fen = date, fen

    def set_do_not_call(self, account: str, value: bool, now: float) -> None:
        with self.db.begin() as s:
            row = s.get(DunningAccountRow, account)
            if row is None:
                raise NotFound(f"no dunning account {account!r}")
            row.do_not_call, row.updated_at = value, now

    def accounts(self, *, stage: str | None = None, search: str = "", manual: bool | None = None,
                 limit: int = 200, offset: int = 0) -> tuple[int, list[DunningAccount]]:
        """A page of accounts on the list (stage != none), filtered; with the total."""
        query = select(DunningAccountRow).where(DunningAccountRow.stage != Stage.NONE.value)
        if stage:
            query = query.where(DunningAccountRow.stage == stage)
        if manual is True:
            query = query.where(or_(DunningAccountRow.level == "vip",
                                    DunningAccountRow.stage == Stage.TWO_WAY.value))
        if search:
            like = f"%{search}%"
            query = query.where(or_(DunningAccountRow.account.like(like),
                                    DunningAccountRow.name.like(like),
                                    DunningAccountRow.phone.like(like)))
        with self.db.read() as s:
            total = s.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = s.scalars(query.order_by(DunningAccountRow.account).limit(limit)
                             .offset(offset))
            return int(total), [to_domain(DunningAccount, r) for r in rows]

    def owed(self, accounts: Iterable[str]) -> dict[str, tuple[int, int, str | None]]:
        """account -> (fen owed, unpaid bills, oldest unpaid period)."""
        wanted = list(accounts)
        out: dict[str, tuple[int, int, str | None]] = {}
        with self.db.read() as s:
            for i in range(0, len(wanted), 500):
                for account, fen, n, oldest in s.execute(select(
                        BillRow.account, func.sum(BillRow.amount_fen - BillRow.paid_fen),
                        func.count(), func.min(BillRow.period)).where(
                        BillRow.account.in_(wanted[i:i + 500]),
                        BillRow.paid_fen < BillRow.amount_fen).group_by(BillRow.account)):
                    out[account] = (int(fen), int(n), oldest)
        return out

    # --- files and state ------------------------------------------------------------------

    def write_file(self, kind: str, day: str, rows: list[dict[str, str]], now: float
                   ) -> tuple[SuspensionFile, bool]:
        """The file for (kind, day): written the first time, returned as stored after."""
        with self.db.begin() as s:
            old = s.scalar(select(SuspensionFileRow).where(
                SuspensionFileRow.kind == kind, SuspensionFileRow.day == day))
            if old is not None:
                return to_domain(SuspensionFile, old), False
            row = SuspensionFileRow(kind=kind, day=day, created_at=now, rows=rows)
            s.add(row)
            s.flush()
            return to_domain(SuspensionFile, row), True

    def get_file(self, kind: str, day: str) -> SuspensionFile | None:
        with self.db.read() as s:
            row = s.scalar(select(SuspensionFileRow).where(
                SuspensionFileRow.kind == kind, SuspensionFileRow.day == day))
            return None if row is None else to_domain(SuspensionFile, row)

    def files(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.db.read() as s:
            rows = s.scalars(select(SuspensionFileRow).order_by(
                SuspensionFileRow.day.desc(), SuspensionFileRow.kind).limit(limit))
            return [{"kind": r.kind, "day": r.day, "rows": len(r.rows),
                     "created_at": r.created_at} for r in rows]

    def get_state(self, key: str) -> dict[str, Any] | None:
        with self.db.read() as s:
            row = s.get(DunningStateRow, key)
            return None if row is None else dict(row.value)

    def set_state(self, key: str, value: dict[str, Any], now: float) -> None:
        with self.db.begin() as s:
            s.merge(DunningStateRow(key=key, value=value, updated_at=now))
