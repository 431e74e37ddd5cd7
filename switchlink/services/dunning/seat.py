"""The manual dunning seat (远程座席): the collection group's queue (two-way suspended and VIP
accounts), the next account to call, a click-to-dial through the switch, and the outcome and
promise the person records. Claims are in memory and last ten minutes, so two seats are not
given the same account while one is on the phone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.dunning.calendar import local_date
from models.dunning.files import fen_to_yuan
from models.dunning.planner import PlannedCall
from models.dunning.records import AttemptResult, DunningAttempt, Stage
from models.persistence.convert import NotFound
from switchlink.services.dunning.dialer import DunningDialer
from switchlink.services.registry import CommandError

CLAIM_S = 600.0
#: what a person at the seat may record
SEAT_RESULTS = frozenset({AttemptResult.PROMISED, AttemptResult.REFUSED,
                          AttemptResult.WRONG_PERSON, AttemptResult.DELIVERED,
                          AttemptResult.NO_ANSWER, AttemptResult.BUSY, AttemptResult.INVALID,
                          AttemptResult.MACHINE})
MAX_NOTE = 256


class ManualSeat:
    def __init__(self, dialer: DunningDialer) -> None:
        self.dialer = dialer
        self.claims: dict[str, tuple[str, float]] = {}  # account -> (user, until)
        self.done: dict[str, set[str]] = {}  # day -> accounts recorded today

    def _today(self) -> str:
        return local_date(self.dialer.clock(), self.dialer.cfg).isoformat()

    def detail(self, account: str) -> dict[str, Any]:
        repo = self.dialer.repo
        acc = repo.get_account(account)
        if acc is None:
            raise CommandError("unknown_target", f"no dunning account {account!r}")
        bills = repo.bills(account)
        return {
            "account": acc.account, "name": acc.name, "phone": acc.phone, "level": acc.level,
            "stage": acc.stage.value, "suspension": acc.suspension.value,
            "do_not_call": acc.do_not_call, "promise_date": acc.promise_date,
            "promise": fen_to_yuan(acc.promise_fen) if acc.promise_fen else "",
            "owed": fen_to_yuan(sum(b.outstanding_fen for b in bills)),
            "bills": [{"period": b.period, "amount": fen_to_yuan(b.amount_fen),
                       "paid": fen_to_yuan(b.paid_fen)} for b in bills],
            "attempts": [{"at": a.at, "kind": a.kind, "result": a.result, "by": a.by,
                          "note": a.note} for a in repo.attempts(account)[-20:]],
        }

    def next(self, user: str) -> dict[str, Any] | None:
        now = self.dialer.clock()
        done = self.done.get(self._today(), set())
        mine = [a for a, (u, until) in self.claims.items() if u == user and until > now]
        for account in mine:
            if account not in done:
                return self.detail(account) | {"claimed_until": self.claims[account][1]}
        for call in self.dialer.manual:
            claim = self.claims.get(call.account)
            if call.account in done or (claim and claim[0] != user and claim[1] > now):
                continue
            if self.dialer.blocked(call.phone) or self.dialer.complaint_hold(call.phone):
                continue
            self.claims[call.account] = (user, now + CLAIM_S)
            return self.detail(call.account) | {"claimed_until": now + CLAIM_S}
        return None

    def dial(self, account: str, user: str) -> dict[str, Any]:
        d = self.dialer
        acc = d.repo.get_account(account)
        if acc is None:
            raise CommandError("unknown_target", f"no dunning account {account!r}")
        if acc.do_not_call:
            raise CommandError("invalid_operation", f"{account} is marked do-not-call")
        if d.blocked(acc.phone):
            raise CommandError("invalid_operation", f"{acc.phone} is on the blacklist")
        if d.complaint_hold(acc.phone):
            raise CommandError("invalid_operation",
                               f"{account} has an open complaint about its charges")
        now = d.clock()
        day = self._today()
        slot = d.repo.next_manual_slot(account, day)
        attempt = DunningAttempt(account, now, "manual", AttemptResult.DIALING.value, by=user,
                                 day=day, slot=slot)
        attempt_id = d.repo.reserve_attempt(attempt)
        if attempt_id is None:
            raise CommandError("busy", "another seat dialed this account just now; try again")
        call_id = d.adapter.originate(acc.phone, caller_id=d.cfg.caller_id)
        d.repo.finish_attempt(attempt_id, AttemptResult.DIALING.value, now, call_id)
        d.inflight[call_id] = (attempt_id, PlannedCall(account, acc.phone, 0, Stage.TWO_WAY,
                                                        slot, now, True), "manual")
        d._count(now, "dialed")
        self.claims[account] = (user, now + CLAIM_S)
        return {"call": call_id, "attempt": attempt_id}

    def record(self, account: str, result: str, user: str, *, promise_date: str = "",
               promise_fen: int = 0, note: str = "") -> dict[str, Any]:
        d = self.dialer
        try:
            outcome = AttemptResult(result)
        except ValueError:
            outcome = None
        if outcome not in SEAT_RESULTS:
            allowed = ", ".join(sorted(r.value for r in SEAT_RESULTS))
            raise CommandError("bad_request", f"result {result!r} is not one of: {allowed}")
        if len(note) > MAX_NOTE:
            raise CommandError("bad_request", f"note is longer than {MAX_NOTE} characters")
        today = local_date(d.clock(), d.cfg)
        if outcome is AttemptResult.PROMISED:
            try:
                when = dt.date.fromisoformat(promise_date)
            except ValueError:
                raise CommandError("bad_request", f"promise_date {promise_date!r} is not a "
                                   "date YYYY-MM-DD") from None
            if when < today:
                raise CommandError("bad_request", f"promise_date {promise_date} is in the past")
            if promise_fen <= 0:
                raise CommandError("bad_request",
                                   "promise_amount: a promise needs an amount more than 0")
        now = d.clock()
        day = today.isoformat()
        open_attempt = next((a for a in reversed(d.repo.attempts(account))
                             if a.kind == "manual" and a.day == day and a.by == user
                             and a.result in (AttemptResult.DIALING, AttemptResult.DELIVERED)),
                            None)
        try:
            if open_attempt is not None and open_attempt.id is not None:
                d.repo.finish_attempt(open_attempt.id, outcome.value,
                                      open_attempt.ended_at or now, note=note)
            else:  # a call made outside the switch (the seat's own phone)
                slot = d.repo.next_manual_slot(account, day)
                d.repo.record_attempt(DunningAttempt(account, now, "manual", outcome.value,
                                                     by=user, day=day, slot=slot,
                                                     ended_at=now, note=note))
            if outcome is AttemptResult.PROMISED:
                d.repo.set_promise(account, promise_date, promise_fen)
        except NotFound as exc:
            raise CommandError("unknown_target", str(exc)) from None
        d._tally(now, outcome)
        self.done.setdefault(day, set()).add(account)
        self.claims.pop(account, None)
        return self.detail(account)
