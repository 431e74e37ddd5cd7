"""Dunning (欠费催交, S0, S4 5.3.6): accounts in arrears, bills, payments, call attempts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SuspensionState(StrEnum):
    NONE = "none"
    ONE_WAY = "one_way"  # 单向停机 after one month in arrears
    TWO_WAY = "two_way"  # 双向停机 after two months


@dataclass(slots=True)
class DunningAccount:
    """A subscriber account that dunning can call."""

    account: str
    name: str
    phone: str
    suspension: SuspensionState = SuspensionState.NONE
    updated_at: float = 0.0


@dataclass(slots=True)
class Bill:
    """A monthly bill; amounts in fen (分) so sums are exact."""

    account: str
    period: str  # "YYYY-MM"
    amount_fen: int
    due_at: float
    paid_fen: int = 0
    id: int | None = None

    @property
    def outstanding_fen(self) -> int:
        return max(0, self.amount_fen - self.paid_fen)


@dataclass(slots=True)
class Payment:
    account: str
    amount_fen: int
    paid_at: float
    channel: str = ""  # bank, card, counter …
    bill_id: int | None = None
    id: int | None = None


@dataclass(slots=True)
class DunningAttempt:
    """One dunning call, automatic (系统自动外呼) or by a remote dunning seat."""

    account: str
    at: float
    kind: str = "auto"  # "auto" or "manual"
    result: str = ""  # a CallOutcome value or a note
    call_id: str | None = None
    by: str = ""
    bill_id: int | None = None
    id: int | None = None
