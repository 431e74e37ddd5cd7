"""Dunning CSV files (docs/dunning.md): the billing file (accounts and their bills), the
reconciliation file (payments) and the suspension / restore files for network management.

Imports are all-or-nothing: a file with any bad row is refused whole, every bad row named by
its line and reason (:class:`models.blacklist_csv.CsvRefused`). Amounts are yuan with at most
two decimals in files, fen inside.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from models.blacklist_csv import MAX_LISTED, CsvRefused, RowError
from models.dunning.calendar import ConfigError, DunningConfig, parse_period
from models.phone_numbers import NumberError, normalise

BILLING_HEADER = ("account", "name", "phone", "level", "do_not_call", "period", "amount")
PAYMENT_HEADER = ("reference", "account", "amount", "paid_at", "channel")
SUSPENSION_HEADER = ("file_date", "action", "account", "phone", "name", "months_in_arrears",
                     "owed", "oldest_period")
ACTIONS = {"one_way": "suspend_one_way", "two_way": "suspend_two_way", "restore": "restore"}
_AMOUNT = re.compile(r"^\d{1,10}(\.\d{1,2})?$")
_ACCOUNT = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


@dataclass(frozen=True, slots=True)
class BillingRow:
    line: int
    account: str
    name: str
    phone: str
    level: str
    do_not_call: bool
    period: str | None
    amount_fen: int | None


@dataclass(frozen=True, slots=True)
class PaymentLine:
    line: int
    reference: str
    account: str
    amount_fen: int
    paid_at: float
    channel: str


def yuan_to_fen(text: str) -> int:
    """"123.4" -> 12340; raises ValueError for anything that is not a plain amount."""
    text = text.strip()
    if not _AMOUNT.match(text):
        raise ValueError(f"amount {text!r} is not a number of yuan with at most 2 decimals")
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def fen_to_yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _reader(text: str, header: tuple[str, ...], required: tuple[str, ...]) -> csv.DictReader:
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text))
    names = [n.strip() for n in (reader.fieldnames or [])]
    missing = [c for c in required if c not in names]
    unknown = [c for c in names if c not in header]
    if missing or unknown:
        why = []
        if missing:
            why.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            why.append(f"unknown column(s) {', '.join(unknown)}")
        raise CsvRefused([RowError(1, "header: " + "; ".join(why)
                                   + f" (expected {','.join(header)})")])
    reader.fieldnames = names
    return reader


def _refuse_if(errors: list[RowError]) -> None:
    if errors:
        raise CsvRefused(errors[:MAX_LISTED])


def parse_billing(text: str) -> list[BillingRow]:
    """The billing file: one row per bill (or per account with empty period and amount)."""
    reader = _reader(text, BILLING_HEADER, ("account", "name", "phone"))
    rows: list[BillingRow] = []
    errors: list[RowError] = []
    seen_bill: dict[tuple[str, str], int] = {}
    phone_of: dict[str, tuple[int, str]] = {}
    for raw in reader:
        line = reader.line_num
        get = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            errors.append(RowError(line, "more fields than the header has"))
            continue
        try:
            account = get.get("account", "")
            if not _ACCOUNT.match(account):
                raise ValueError(f"account {account!r}: 1–32 letters, digits, '.', '_' or '-'")
            name = get.get("name", "")
            if not name or len(name) > 128:
                raise ValueError("name is empty or longer than 128 characters")
            try:
                phone = normalise(get.get("phone", ""))
            except NumberError as exc:
                raise ValueError(f"phone: {exc}") from None
            level = get.get("level") or "normal"
            if level not in ("normal", "vip"):
                raise ValueError(f"level {level!r} is not normal or vip")
            dnc_text = (get.get("do_not_call") or "0").lower()
            if dnc_text not in ("0", "1", "yes", "no", "true", "false"):
                raise ValueError(f"do_not_call {dnc_text!r} is not 0/1")
            period = get.get("period") or None
            amount_text = get.get("amount") or ""
            if (period is None) != (not amount_text):
                raise ValueError("period and amount go together (both or neither)")
            amount = None
            if period is not None:
                try:
                    parse_period(period)
                except ConfigError as exc:
                    raise ValueError(str(exc)) from None
                amount = yuan_to_fen(amount_text)
                if (account, period) in seen_bill:
                    raise ValueError(f"bill {account} {period} also on line "
                                     f"{seen_bill[account, period]}")
                seen_bill[account, period] = line
            if account in phone_of and phone_of[account][1] != phone:
                raise ValueError(f"account {account} has another phone on line "
                                 f"{phone_of[account][0]}")
            phone_of.setdefault(account, (line, phone))
        except ValueError as exc:
            errors.append(RowError(line, str(exc)))
            continue
        rows.append(BillingRow(line, account, name, phone, level,
                               dnc_text in ("1", "yes", "true"), period, amount))
    if not rows and not errors:
        errors.append(RowError(1, "the file has no rows"))
    _refuse_if(errors)
    return rows


def parse_time(text: str, cfg: DunningConfig) -> float:
    """An ISO date or date-time; without a zone it is the site's local time."""
    try:
        if len(text) == 10:
            when = dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        else:
            when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"paid_at {text!r} is not a date or date-time (ISO 8601)") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=cfg.zone)
    return when.timestamp()


def parse_payments(text: str, cfg: DunningConfig, known: set[str] | None = None
                   ) -> list[PaymentLine]:
    """The reconciliation file; ``known``: the accounts that exist (others are bad rows)."""
    reader = _reader(text, PAYMENT_HEADER, ("reference", "account", "amount", "paid_at"))
    rows: list[PaymentLine] = []
    errors: list[RowError] = []
    refs: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        if None in raw:
            errors.append(RowError(line, "more fields than the header has"))
            continue
        get = {k: (v or "").strip() for k, v in raw.items()}
        try:
            ref = get.get("reference", "")
            if not ref or len(ref) > 64:
                raise ValueError("reference is empty or longer than 64 characters")
            if ref in refs:
                raise ValueError(f"reference {ref!r} also on line {refs[ref]}")
            refs[ref] = line
            account = get.get("account", "")
            if known is not None and account not in known:
                raise ValueError(f"no dunning account {account!r}")
            amount = yuan_to_fen(get.get("amount", ""))
            if amount <= 0:
                raise ValueError("amount must be more than 0")
            paid_at = parse_time(get.get("paid_at", ""), cfg)
            channel = get.get("channel", "")[:32]
        except ValueError as exc:
            errors.append(RowError(line, str(exc)))
            continue
        rows.append(PaymentLine(line, ref, account, amount, paid_at, channel))
    if not rows and not errors:
        errors.append(RowError(1, "the file has no rows"))
    _refuse_if(errors)
    return rows


def suspension_csv(rows: list[dict[str, str]]) -> str:
    """A suspension / restore file as network management takes it (UTF-8, header, CRLF)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, SUSPENSION_HEADER, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in SUSPENSION_HEADER})
    return out.getvalue()
