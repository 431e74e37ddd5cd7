"""Dunning (欠费催交, S0, S4 5.3.6) records: accounts in arrears, bills, payments, call attempts,
exported suspension files. Amounts are in fen (分) so sums are exact."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SuspensionState(StrEnum):
    NONE = "none"
    ONE_WAY = "one_way"  # 单向停机 after one month in arrears
    TWO_WAY = "two_way"  # 双向停机 after two months


class Stage(StrEnum):
    """Where an account stands in the dunning calendar (the campaign screen's filter)."""

    NONE = "none"  # nothing overdue
    FIRST_NOTICE = "first_notice"  # on the list, no notice delivered yet (首次催缴)
    SECOND_NOTICE = "second_notice"  # a notice delivered, still unpaid 10 days on (再次催缴)
    ONE_WAY = "one_way"  # in a one-way suspension file (单向停机)
    TWO_WAY = "two_way"  # in a two-way / malicious-arrears file (双向停机, 恶意欠费)


class AttemptResult(StrEnum):
    """How one dunning call went; ``delivered`` means the notice was heard to the end."""

    DIALING = "dialing"  # reserved before the switch dials (restart-safe)
    DELIVERED = "delivered"  # answered by the subscriber, notice played
    MACHINE = "machine"  # answered by an answering machine: notice left, not delivered
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    INVALID = "invalid"  # invalid / empty number
    FAILED = "failed"  # the switch refused the call (trunk down, dropped)
    INTERRUPTED = "interrupted"  # switchlink stopped with the call in flight
    PROMISED = "promised"  # manual seat: the subscriber promised to pay (承诺缴费)
    REFUSED = "refused"  # manual seat: reached, refused to pay
    WRONG_PERSON = "wrong_person"  # manual seat


#: results that count as a contact for the caps (the subscriber or a machine picked up)
CONTACTS = frozenset({AttemptResult.DELIVERED, AttemptResult.MACHINE, AttemptResult.PROMISED,
                      AttemptResult.REFUSED, AttemptResult.WRONG_PERSON})
#: results after which the notice counts as delivered (the 10-day recall starts)
DELIVERIES = frozenset({AttemptResult.DELIVERED, AttemptResult.PROMISED, AttemptResult.REFUSED})


@dataclass(slots=True)
class DunningAccount:
    """A subscriber account that dunning can call."""

    account: str
    name: str
    phone: str
    suspension: SuspensionState = SuspensionState.NONE
    updated_at: float = 0.0
    level: str = "normal"  # models.calls.CustomerLevel value; VIPs go to the manual seat
    do_not_call: bool = False
    #: the stage last written by run-day (the calendar recomputes it; kept for the screens)
    stage: Stage = Stage.NONE
    #: a promise to pay from the manual seat or the notice: local date "YYYY-MM-DD" and fen
    promise_date: str = ""
    promise_fen: int = 0


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
    #: the bank / billing reference: a reference seen before is never credited twice
    reference: str | None = None


@dataclass(slots=True)
class DunningAttempt:
    """One dunning call, automatic (系统自动外呼) or by a remote dunning seat."""

    account: str
    at: float
    kind: str = "auto"  # "auto" or "manual"
    result: str = ""  # an AttemptResult value or a note
    call_id: str | None = None
    by: str = ""
    bill_id: int | None = None
    id: int | None = None
    #: the local dunning day ("YYYY-MM-DD") and the attempt's number within it: unique, so
    #: running a day twice (or after a restart) never dials the same attempt twice
    day: str = ""
    slot: int = 0
    ended_at: float | None = None
    note: str = ""


@dataclass(slots=True)
class SuspensionFile:
    """A file for network management: one-way / two-way suspension, or restore after payment."""

    kind: str  # "one_way", "two_way", "restore"
    day: str  # the local date it is for
    created_at: float
    rows: list[dict[str, str]] = field(default_factory=list)
    id: int | None = None
