"""``HylafaxAdapter``: a real HylaFAX fax server as the site's fax board.

Options: ``host`` (default 127.0.0.1), ``port`` (4559), ``user``, ``password``, ``id`` (the
board / link id, default ``hylafax``), ``poll_interval_s`` (2), ``timeout_s`` (5),
``kill_after_min`` (how long a job may keep retrying, default 180), ``max_backoff_s`` (30).

A watcher thread reads the send and done queues and the modem status on a fresh control
connection every ``poll_interval_s`` (hfaxd caches job state per connection) and turns the
differences into :class:`FaxJobChanged` / :class:`ChannelStatusChanged` events; when the
server goes away it reports the link down and retries with doubling back-off. Modems become
fax channels ``<id>/<modem>``. Agents, calls and IVR are not a fax server's: those operations
raise :class:`UnsupportedOperation`.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

from models.agents import AgentState
from models.calls import Participation
from models.equipment import (
    Board,
    BoardKind,
    Channel,
    ChannelStatus,
    Counters,
    EquipmentStatus,
    Link,
    Trunk,
)
from models.events import (
    BoardStatusChanged,
    ChannelStatusChanged,
    Event,
    FaxJobChanged,
    LinkStatusChanged,
    TestCompleted,
)
from models.fax import FaxJob, FaxStatus
from switchlink.adapters.base import Inventory, SwitchAdapter, check_number
from switchlink.adapters.errors import (
    AdapterError,
    InvalidArgument,
    LinkDown,
    UnknownTarget,
    UnsupportedOperation,
)
from switchlink.adapters.hylafax.client import JobRow, ModemRow, document_form, session
from switchlink.adapters.limits import check_options

OPTIONS = frozenset({"host", "port", "user", "password", "id", "poll_interval_s", "timeout_s",
                     "kill_after_min", "max_backoff_s"})
#: hfaxd's one-letter job states (JOBFMT %a) -> neutral fax status
JOB_STATES = {"R": FaxStatus.SENDING, "D": FaxStatus.DONE, "F": FaxStatus.FAILED}
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def fax_status(row: JobRow) -> FaxStatus:
    return JOB_STATES.get(row.state, FaxStatus.QUEUED)


def channel_status(modem: ModemRow) -> ChannelStatus:
    """A modem's free-text status (``Running and idle``, ``Sending job 3`` …) as a channel's."""
    text = modem.status.lower()
    if "idle" in text:
        return ChannelStatus.IDLE
    if any(w in text for w in ("sending", "receiving", "answering", "dialing", "in use")):
        return ChannelStatus.BUSY
    return ChannelStatus.DOWN


class HylafaxAdapter(SwitchAdapter):
    """A HylaFAX server reached through hfaxd's client protocol."""

    name: ClassVar[str] = "hylafax"
    capabilities: ClassVar[frozenset[str]] = frozenset({"fax"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        check_options("hylafax", options, OPTIONS)
        self.host = str(options.get("host", "127.0.0.1"))
        self.port = int(check_number("port", options.get("port", 4559), low=1, high=65535,
                                     integer=True))
        self.user = str(options.get("user", "callfloor"))
        self.password = str(options.get("password", ""))
        self.id = str(options.get("id", "hylafax"))
        self.poll_interval_s = float(check_number(
            "poll_interval_s", options.get("poll_interval_s", 2.0), low=0.05, high=3600))
        self.timeout_s = float(check_number("timeout_s", options.get("timeout_s", 5.0),
                                            low=0.1, high=300))
        self.kill_after_min = int(check_number(
            "kill_after_min", options.get("kill_after_min", 180), low=1, high=99 * 1440,
            integer=True))
        self.max_backoff_s = float(check_number(
            "max_backoff_s", options.get("max_backoff_s", 30.0), low=0.1, high=3600))
        self._events: queue.Queue[Event] = queue.Queue()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._lock = threading.Lock()
        self._jobs: dict[str, JobRow] = {}
        self._modems: dict[str, ModemRow] = {}
        self._link_up = False
        self._link_error = ""
        self._reconnects = 0
        self._latency_ms = 0.0
        self._test_ids = itertools.count(1)

    # --- sessions -----------------------------------------------------------------------

    def _session(self):  # type: ignore[no-untyped-def]
        return session(self.host, self.port, self.user, self.password, self.timeout_s)

    def _snapshot(self) -> tuple[str, list[ModemRow], list[JobRow]]:
        started = time.monotonic()
        with self._session() as s:
            scheduler, modems = s.modems()
            jobs = s.jobs("sendq") + s.jobs("doneq")
        self._latency_ms = (time.monotonic() - started) * 1000
        return scheduler, modems, jobs

    # --- lifecycle ----------------------------------------------------------------------

    def _start(self) -> Inventory:
        _scheduler, modems, jobs = self._snapshot()  # refused / unreachable: raise now
        with self._lock:
            self._modems = {m.modem: m for m in modems}
            self._jobs = {j.id: j for j in jobs}
            self._link_up = True
        self._watcher = threading.Thread(target=self._watch, name="hylafax-watch", daemon=True)
        self._watcher.start()
        return Inventory(boards=self._boards(), channels=self._channels(), links=self._links())

    def _shutdown(self) -> None:
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=self.timeout_s + 1)

    def _watch(self) -> None:
        """Poll the server; on failure report the link down and retry with back-off."""
        backoff = 0.0
        while not self._stop.wait(backoff or self.poll_interval_s):
            try:
                scheduler, modems, jobs = self._snapshot()
            except AdapterError as exc:
                self._went_down(str(exc))
                backoff = min(self.max_backoff_s, max(0.5, backoff * 2))
                continue
            backoff = 0.0
            self._apply(scheduler, modems, jobs)

    def _went_down(self, error: str) -> None:
        with self._lock:
            was_up, self._link_up, self._link_error = self._link_up, False, error
        if was_up:
            now = time.time()
            self._events.put(LinkStatusChanged(now, self.id, EquipmentStatus.DOWN, error=error))
            self._events.put(BoardStatusChanged(now, self.id, EquipmentStatus.DOWN, error))

    def _apply(self, scheduler: str, modems: list[ModemRow], jobs: list[JobRow]) -> None:
        now = time.time()
        out: list[Event] = []
        with self._lock:
            if not self._link_up:
                self._link_up, self._link_error = True, ""
                self._reconnects += 1
                out += [LinkStatusChanged(now, self.id, EquipmentStatus.UP, self._latency_ms),
                        BoardStatusChanged(now, self.id, EquipmentStatus.UP)]
            for modem in modems:
                old = self._modems.get(modem.modem)
                if old is None or channel_status(old) != channel_status(modem):
                    out.append(ChannelStatusChanged(
                        now, self._channel_id(modem), channel_status(modem),
                        error="" if channel_status(modem) != ChannelStatus.DOWN else modem.status))
            for gone in set(self._modems) - {m.modem for m in modems}:
                out.append(ChannelStatusChanged(now, f"{self.id}/{gone}", ChannelStatus.DOWN,
                                                error="modem no longer reported"))
            self._modems = {m.modem: m for m in modems}
            for job in jobs:
                old = self._jobs.get(job.id)
                if old is None or (fax_status(old), old.pages_sent, old.status) != (
                        fax_status(job), job.pages_sent, job.status):
                    out.append(FaxJobChanged(now, job.id, fax_status(job), job.number,
                                             job.pages_sent, self._error(job)))
            self._jobs = {j.id: j for j in jobs}
        for event in out:
            self._events.put(event)

    @staticmethod
    def _error(row: JobRow) -> str:
        return row.status if fax_status(row) in (FaxStatus.FAILED, FaxStatus.QUEUED) else ""

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        out: list[Event] = []
        with contextlib.suppress(queue.Empty):
            out.append(self._events.get(timeout=timeout) if timeout else
                       self._events.get_nowait())
            while len(out) < max_events:
                out.append(self._events.get_nowait())
        return out

    def _now(self) -> float:
        return time.time()

    def _require_link(self) -> None:
        with self._lock:
            if not self._link_up:
                raise LinkDown(f"hylafax link {self.id} is down: {self._link_error}")

    # --- fax ----------------------------------------------------------------------------

    def _send_fax(self, number: str, document: str, pages: int, resolution: str) -> str:
        if any(c in number for c in '"\r\n'):
            raise InvalidArgument(f"fax number {number!r} contains a quote or a line break")
        path = Path(document)
        try:
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                raise InvalidArgument(f"document {document} is larger than "
                                      f"{MAX_DOCUMENT_BYTES // 2**20} MB")
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidArgument(f"cannot read document {document}: {exc.strerror}") from None
        try:
            form = document_form(data)
        except ValueError as exc:
            raise InvalidArgument(f"document {document} is {exc}") from None
        self._require_link()
        with self._session() as s:
            job = s.submit(data, form, number, resolution, self.kill_after_min, self.user)
        now = time.time()
        row = JobRow(job, "P", number, 0, 0, "", 0, now, "", "sendq")
        with self._lock:
            self._jobs[job] = row
        self._events.put(FaxJobChanged(now, job, FaxStatus.QUEUED, number))
        return job

    def _fax_jobs(self, queue_name: str) -> list[FaxJob]:
        self._require_link()
        with self._session() as s:
            rows = s.jobs("sendq" if queue_name == "send" else "doneq")
        return [self._fax_job(r) for r in rows]

    def _fax_status(self, job: str) -> FaxJob:
        self._require_link()
        with self._session() as s:  # a fresh session: hfaxd caches state per connection
            rows = s.jobs("sendq") + s.jobs("doneq")
        for row in rows:
            if row.id == job:
                return self._fax_job(row)
        raise UnknownTarget(f"hylafax: no fax job {job} in the send or done queue")

    def _cancel_fax(self, job: str) -> None:
        self._require_link()
        status = self._fax_status(job).status
        if status in (FaxStatus.DONE, FaxStatus.FAILED):
            raise UnknownTarget(f"hylafax: fax job {job} already finished ({status.value})")
        with self._session() as s:
            s.kill(job)

    def _fax_job(self, row: JobRow) -> FaxJob:
        status = fax_status(row)
        finished = status in (FaxStatus.DONE, FaxStatus.FAILED)
        return FaxJob(row.id, row.number, "", max(1, row.pages_total), status,
                      row.scheduled_at, time.time() if finished else None,
                      f"{self.id}/{row.modem}" if row.modem and row.modem != "any" else None,
                      self._error(row), row.tries)

    # --- equipment ----------------------------------------------------------------------

    def _channel_id(self, modem: ModemRow) -> str:
        return f"{self.id}/{modem.modem}"

    def _boards(self) -> list[Board]:
        with self._lock:
            up, error = self._link_up, self._link_error
        return [Board(self.id, BoardKind.FAX, EquipmentStatus.UP if up else EquipmentStatus.DOWN,
                      error)]

    def _trunks(self) -> list[Trunk]:
        return []

    def _channels(self) -> list[Channel]:
        with self._lock:
            modems = list(self._modems.values())
            busy = {j.modem for j in self._jobs.values() if fax_status(j) is FaxStatus.SENDING}
        return [Channel(self._channel_id(m), self.id, BoardKind.FAX, channel_status(m),
                        next((j.id for j in self._jobs.values() if j.modem == m.modem
                              and m.modem in busy), None),
                        m.status if channel_status(m) is ChannelStatus.DOWN else "")
                for m in modems]

    def _links(self) -> list[Link]:
        with self._lock:
            up, error, reconnects = self._link_up, self._link_error, self._reconnects
        return [Link(self.id, EquipmentStatus.UP if up else EquipmentStatus.DOWN,
                     self._latency_ms, error, Counters(errors=reconnects))]

    def _self_test(self, board: str) -> str:
        if board != self.id:
            raise UnknownTarget(f"hylafax: no board {board!r} (this server is {self.id!r})")
        test = f"{self.id}-selftest-{next(self._test_ids)}"
        try:
            scheduler, modems, _jobs = self._snapshot()
            passed = "running" in scheduler.lower()
            detail = (f"{scheduler or 'no scheduler status'}; {len(modems)} modem(s); "
                      f"round trip {self._latency_ms:.0f} ms")
        except AdapterError as exc:
            passed, detail = False, str(exc)
        self._events.put(TestCompleted(time.time(), board, "self_test", passed, detail))
        return test

    def _loopback_test(self, channel: str) -> str:
        raise UnsupportedOperation("hylafax: loopback test calls are not supported")

    # --- not a fax server's ------------------------------------------------------------

    def _no_acd(self, what: str) -> UnsupportedOperation:
        return UnsupportedOperation(f"hylafax: a fax server has no {what}")

    def _login(self, agent: str, state: AgentState) -> None:
        raise self._no_acd("agents")

    def _set_state(self, agent: str, state: AgentState, reason: str, forced: bool,
                   by: str) -> None:
        raise self._no_acd("agents")

    def _set_skills(self, agent: str, skills: dict[str, int]) -> None:
        raise self._no_acd("agents")

    def _join_call(self, call: str, supervisor: str, how: Participation) -> None:
        raise self._no_acd("voice calls")

    def _leave_call(self, call: str, supervisor: str) -> None:
        raise self._no_acd("voice calls")

    def _force_release(self, call: str, by: str, reason: str) -> None:
        raise self._no_acd("voice calls")

    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None:
        raise self._no_acd("voice calls")

    def _originate(self, number: str, announcement: str, caller_id: str) -> str:
        raise self._no_acd("voice calls")
