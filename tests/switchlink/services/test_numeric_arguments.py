"""Every numeric argument of every command, fed NaN, infinities, negatives and huge numbers.

Through the real dispatcher on a running emulator: the answer is always a clean ``bad_request``
(or, for a huge value that is still meaningful, ``ok``), never an internal error, and the
emulator keeps a sound timer heap and keeps delivering events afterwards.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scripted_switch import FAST_HASHER, PASSWORD

from ivr.bundled import load_checked
from models import events as ev
from models.persistence.database import open_database
from models.security import Role
from switchlink.adapters.errors import InvalidArgument
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.engine.state import FloorState
from switchlink.services import alarms as alarm_commands
from switchlink.services import blacklist as blacklist_commands
from switchlink.services import history as history_commands
from switchlink.services.alarms import AlarmService, MemoryRuleStore
from switchlink.services.complaints import SERVICE_KEY as COMPLAINTS
from switchlink.services.complaints import ComplaintDesk, load_site_settings
from switchlink.services.dunning.dialer import SERVICE_KEY as DUNNING
from switchlink.services.dunning.setup import attach as attach_dunning
from switchlink.services.dunning.setup import load_dunning_settings
from switchlink.services.registry import COMMANDS, CommandError, Context, dispatch
from switchlink.services.reports.desk import SERVICE_KEY as REPORTS
from switchlink.services.reports.desk import ReportDesk
from switchlink.services.users.auth import Authenticator, FileUserStore
from switchlink.storage.blacklist_store import open_blacklist
from switchlink.storage.user_store import DbAuditLog

NAN, INF = float("nan"), float("inf")
HOSTILE = st.sampled_from(
    [NAN, INF, -INF, -0.5, -1, -1e300, 1e300, 2**63 - 1, 2**64 - 1, -(2**63), 1e18]
) | st.floats() | st.integers(-(2**63), 2**64 - 1)


@dataclass(frozen=True)
class Numeric:
    """One numeric parameter: how to place a value in a command, and what range is valid."""

    command: str
    where: str
    build: Callable[[Any], dict[str, Any]]
    valid: Callable[[Any], bool]
    #: what a refusal must name (default: the parameter's own name)
    mentions: str = ""
    #: codes a well-formed value may get instead of ok (an id that names nothing: unknown_target;
    #: a version that is not the order's current one: stale); a bad value is still bad_request
    answers: tuple[str, ...] = ()


def _finite(v: Any) -> bool:
    return not isinstance(v, bool) and isinstance(v, int | float) and math.isfinite(v)


def _seconds(high: float) -> Callable[[Any], bool]:
    return lambda v: _finite(v) and 0 <= v <= high


def _int_in(low: int, high: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _rule(**fields: Any) -> dict[str, Any]:
    level = {"threshold": 60.0, **fields.pop("level", {})}
    return {"rules": [{"id": "r", "metric": "longest_wait_s", "levels": {"red": level},
                       **fields}]}


def _never(v: Any) -> bool:
    """A number where text (an order number) is expected is never right."""
    return False


#: the switch clock of the running Floor (complaints.announce wants a time after now)
_SWITCH_NOW: list[Callable[[], float]] = []


def _notice_expiry(v: Any) -> bool:
    now = _SWITCH_NOW[0]()
    return _finite(v) and now < v <= now + 7 * 86400


def _promise(v: Any) -> bool:
    """Yuan with at most ten whole digits, more than 0 once rounded to fen."""
    return (_finite(v) and v > 0 and len(f"{v:.2f}") <= 13
            and int(f"{v:.2f}".replace(".", "")) > 0)


#: a volume window ends at VOLUME_UNTIL; at most 2000 intervals of 300 s before it
VOLUME_UNTIL = 1_800_000_000.0
#: the complaint order, flow and dunning account the rows below act on (made by the Floor)
ORDER: dict[str, str] = {}
DUNNING_ACCOUNT = "A1"
_FRESH = itertools.count(1)
PARAMETERS = [
    Numeric("inject_fault", "params.delay_s",
            lambda v: {"kind": "event_delay", "params": {"delay_s": v}}, _seconds(3600)),
    Numeric("inject_fault", "params.duration_s",
            lambda v: {"kind": "link_drop", "params": {"duration_s": v}}, _seconds(7 * 86400)),
    Numeric("set_skills", "skills.<queue>",
            lambda v: {"agent": "AGENT", "skills": {"QUEUE": v}},
            lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 10,
            mentions="skill level"),
    *(
        Numeric(name, arg, (lambda a: lambda v: {a: v})(arg), _finite)
        for name in ("history.calls", "history.alarms", "audit.search", "equipment.tests",
                     "equipment.pass_rate")
        for arg in ("since", "until")
    ),
    *(  # history answers one page of at most MAX_PAGE rows; the next page by offset
        Numeric(name, arg, (lambda a: lambda v: {a: v})(arg), valid)
        for name in ("history.calls", "history.alarms", "equipment.tests")
        for arg, valid in (("limit", _int_in(1, history_commands.MAX_PAGE)),
                           ("offset", _int_in(0, history_commands.MAX_OFFSET)))
    ),
    Numeric("audit.search", "limit", lambda v: {"limit": v}, _int_in(1, 10_000)),
    Numeric("audit.search", "offset", lambda v: {"offset": v}, _int_in(0, 1_000_000)),
    Numeric("alarms.rules.set", "levels.red.threshold",
            lambda v: _rule(level={"threshold": v, "clear_threshold": v}), _finite),
    Numeric("alarms.rules.set", "levels.red.min_duration_s",
            lambda v: _rule(level={"min_duration_s": v}), lambda v: _finite(v) and v >= 0),
    Numeric("alarms.rules.set", "escalate_after_s",
            lambda v: _rule(escalate_after_s=v), lambda v: _finite(v) and v >= 0),
    *(  # a window: edit a listed number's, or add a new number (a fresh one each time)
        Numeric(name, arg, (lambda n, a: lambda v: {
            "number": "13800000001" if n == "blacklist.edit" else f"139{next(_FRESH):08d}",
            "action": "busy", "reason": "r", "from": 0.0, a: v})(name, arg), valid)
        for name in ("blacklist.edit", "blacklist.add")
        for arg, valid in (("from", _finite),
                           ("until", lambda v: _finite(v) and 0 < v <= 3650 * 86400),
                           ("duration_s", lambda v: _finite(v) and 0 < v <= 3650 * 86400))
    ),
    Numeric("blacklist.list", "limit", lambda v: {"limit": v}, _int_in(0, 1000)),
    Numeric("blacklist.list", "offset", lambda v: {"offset": v}, _int_in(0, 10**9)),
    Numeric("ivr.emergency", "minutes",
            lambda v: {"flow": "notice", "text": "线路抢修中。", "minutes": v},
            lambda v: _finite(v) and 1 <= v <= 7 * 24 * 60),
    # complaints.* (issue 16): pages, times, the optimistic version, the notice's expiry
    Numeric("complaints.list", "limit", lambda v: {"limit": v}, _int_in(1, 500)),
    Numeric("complaints.list", "offset", lambda v: {"offset": v}, _int_in(0, 1_000_000)),
    *(Numeric("complaints.list", arg, (lambda a: lambda v: {a: v})(arg), _finite)
      for arg in ("since", "until")),
    Numeric("complaints.show", "id", lambda v: {"id": v}, _never),
    Numeric("complaints.act", "version",
            lambda v: {"id": ORDER.get("id", ""), "action": "note", "note": "n", "version": v},
            _int_in(1, 2**63 - 1), answers=("stale",)),
    Numeric("complaints.act", "id",
            lambda v: {"id": v, "action": "note", "note": "n", "version": 1}, _never),
    Numeric("complaints.announce", "expires_at",
            lambda v: {"classification": "故障报修/电话故障", "flow": "notice",
                       "text": "线路抢修中。", "expires_at": v}, _notice_expiry),
    Numeric("complaints.volume", "interval_s",
            lambda v: {"node": "welcome", "interval_s": v}, _int_in(60, 86_400)),
    Numeric("complaints.volume", "since",
            lambda v: {"node": "welcome", "until": VOLUME_UNTIL, "since": v},
            lambda v: _finite(v) and VOLUME_UNTIL - 2000 * 300 <= v < VOLUME_UNTIL),
    Numeric("complaints.volume", "until",  # since defaults to two hours before
            lambda v: {"node": "welcome", "until": v},
            lambda v: _finite(v) and v - 7200 < v),
    # dunning.* (issue 17): pages and the promised amount (yuan, as text or a number)
    Numeric("dunning.accounts", "limit", lambda v: {"limit": v}, _int_in(0, 500)),
    Numeric("dunning.accounts", "offset", lambda v: {"offset": v}, _int_in(0, 10**9)),
    Numeric("dunning.seat.record", "promise_amount",
            lambda v: {"account": DUNNING_ACCOUNT, "result": "promised",
                       "promise_date": "2099-01-01", "promise_amount": v}, _promise),
    # reports.* (periodic reports): pages and a stored report's id
    Numeric("reports.list", "limit", lambda v: {"limit": v}, _int_in(0, 500)),
    Numeric("reports.list", "offset", lambda v: {"offset": v}, _int_in(0, 1_000_000)),
    *(Numeric(name, "id", lambda v: {"id": v}, _int_in(1, 2**63 - 1),
              answers=("unknown_target",))
      for name in ("reports.get", "reports.export")),
]

#: a flow for the small floor (its only queue behind the IVR is billing), so ivr.emergency
#: has a running flow to set the notice on
NOTICE_FLOW = """spec = "1.0"
name = "notice"
start = "welcome"
[nodes.welcome]
type = "announce"
prompt = "欢迎致电。"
next = "to_billing"
[nodes.to_billing]
type = "transfer"
queue = "billing"
busy_prompt = "座席忙，请稍候。"
"""


DUNNING_CSV = ("account,name,phone,level,do_not_call,period,amount\n"
               f"{DUNNING_ACCOUNT},张三,13800000002,normal,0,2026-01,88.50\n")


@dataclass
class _Wiring:
    """What dunning's attach reads of the daemon's server: its floor, services, and the lists
    of event processors and tickers (the test pumps events itself)."""

    floor: FloorState
    services: dict[str, Any]
    processors: list[Any] = field(default_factory=list)
    tickers: list[Any] = field(default_factory=list)


class Floor:
    """A small emulated floor in fast mode with the daemon's command services around it."""

    def __init__(self, tmp: Path) -> None:
        self.adapter = LoopbackAdapter(scenario="small", speed="fast", seed=5)
        self.floor = FloorState(self.adapter.start())
        self.pump(900)  # a quarter of an hour in: agents signed in, calls flowing
        auth = Authenticator(FileUserStore(tmp / "users.json"), hasher=FAST_HASHER)
        auth.set_password("admin", PASSWORD, Role.ADMIN)
        self.auth = auth
        self.token = auth.login("admin", PASSWORD).token
        db = open_database(f"sqlite:///{tmp / 'history.db'}")
        db.migrate()
        self.db = db
        self.audit = DbAuditLog(db)  # as in the daemon
        self.alarms = AlarmService(MemoryRuleStore(), self.adapter.now)
        self.blacklist = open_blacklist(db, self.adapter)
        self.agent = next(iter(self.adapter.simulation.agents))
        self.queue = next(iter(self.adapter.simulation.queues))
        (tmp / "notice.toml").write_text(NOTICE_FLOW, encoding="utf-8")
        self.adapter.load_flow("notice", load_checked(tmp / "notice.toml")[0])
        self.call("blacklist.add", {"number": "13800000001", "action": "warn", "reason": "r"})
        # the complaint desk, dunning dialer and report desk as the daemon wires them
        self.services: dict[str, Any] = {
            history_commands.SERVICE_KEY: db, alarm_commands.SERVICE_KEY: self.alarms,
            blacklist_commands.SERVICE_KEY: self.blacklist}
        self.complaints = ComplaintDesk(db, load_site_settings(tmp / "complaints.toml"),
                                        self.adapter.now, floor=self.floor, alarms=self.alarms)
        self.services[COMPLAINTS] = self.complaints
        wiring = _Wiring(self.floor, self.services)
        attach_dunning(wiring, self.adapter, db, self.blacklist, load_dunning_settings(tmp))
        self.reports = ReportDesk(db, self.floor)
        self.services[REPORTS] = self.reports
        assert DUNNING in self.services
        self.order = self.call("complaints.new", {
            "caller": "13900000000", "classification": "故障报修/电话故障",
            "description": "电话无声"})["id"]
        self.call("dunning.import_accounts", {"csv": DUNNING_CSV})

    def close(self) -> None:
        self.reports.close()
        self.db.close()

    def pump(self, seconds: float) -> list[Any]:
        events = self.adapter.advance(seconds)
        for event in events:
            self.floor.apply(event)
        return events

    def call(self, name: str, args: dict[str, Any]) -> Any:
        services = getattr(self, "services", None) or {
            history_commands.SERVICE_KEY: self.db, alarm_commands.SERVICE_KEY: self.alarms,
            blacklist_commands.SERVICE_KEY: self.blacklist}
        ctx = Context(self.adapter, self.floor, self.auth, self.audit, services=services)
        return dispatch(ctx, name, args, self.token)

    def assert_sound(self) -> None:
        """Every timer and delayed event is due at a real time, and the day goes on."""
        sim = self.adapter.simulation
        assert all(math.isfinite(t) for t, *_ in sim._heap)
        assert all(math.isfinite(t) for t, *_ in sim._delayed)
        assert all(math.isfinite(link.delay_s) for link in sim.links.values())
        self.call("inject_fault", {"kind": "clear"})
        board = next(iter(sim.boards))
        test = self.call("self_test", {"board": board})["test"]
        events = self.pump(10)
        assert any(isinstance(e, ev.TestCompleted) and e.target == board for e in events), test


@pytest.fixture(scope="module")
def floor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Floor]:
    f = Floor(tmp_path_factory.mktemp("numeric"))
    _SWITCH_NOW[:], ORDER["id"] = [f.adapter.now], f.order
    yield f
    f.close()


#: parameters that are never numbers (names, ids, text, enums)
TEXT_PARAMS = {
    "agent", "state", "reason", "call", "to_agent", "to_queue", "number", "announcement",
    "caller_id", "kind", "target", "board", "channel", "day", "queue", "username", "password",
    "role", "user", "action", "alarm", "note", "key", "prompt", "period",
    "passed",  # true / false
    "flow", "file", "text",  # ivr.*: a flow's name, a flow file, the emergency notice
    "clear",  # true / false
    "customer_level", "search", "csv",  # blacklist.*: a level's name, a search text, a file
    "reason_code", "result", "department", "display_name",  # issue 12: codes and names
    "record",  # true / false
    "agents", "teams",  # lists of ids (agents.bulk, users.create / update)
    # complaints.*: catalogue paths, names, choices, free text, a call id, references
    "classification", "caller", "description", "cause", "area", "responsible_department",
    "priority", "error_class", "call_id", "warning", "sort", "node", "attachments",
    "mine", "satisfied", "cross_region",  # true / false
    "date", "format", "lang",  # reports / complaints.report: YYYY-MM-DD and choices
    "account", "stage", "promise_date",  # dunning.*: an account id, a stage, YYYY-MM-DD
}


def test_the_table_covers_every_numeric_parameter_of_every_command() -> None:
    """A new parameter that is not text (a number, or a map holding numbers) needs a row."""
    covered = {(p.command, arg) for p in PARAMETERS for arg in p.build(1)}
    missing = sorted(
        (name, param) for name, spec in COMMANDS.items() for param in spec.params
        if param not in TEXT_PARAMS and (name, param) not in covered
    )
    assert not missing, f"numeric (or structured) parameters without a test: {missing}"


def test_the_table_covers_every_command_with_numbers() -> None:
    """A new command with a number must be added here (or this list of number-free ones)."""
    without_numbers = {
        "status", "self_test", "loopback_test", "history.intervals", "login", "logout",
        "whoami", "passwd", "alarms.list", "alarms.ack", "alarms.rules.get",
        "set_agent_state", "monitor", "whisper", "barge", "leave", "release", "transfer",
        "originate", "users.list", "users.disable", "users.enable", "users.lockouts",
        "users.unlock", "prompt_test", "fax_test", "equipment.reset",
        "equipment.out_of_service", "equipment.in_service", "equipment.sweep",
        "equipment.sweep_status",
        "ivr.flows", "ivr.get", "ivr.reload", "ivr.counts", "ivr.dialplan",
        "blacklist.show", "blacklist.lift", "blacklist.import", "blacklist.export",
        "agents.bulk", "cancel_logout", "reason_codes", "roles", "users.create",
        "users.update", "users.reset_password", "history.call",
        "complaints.catalogue", "complaints.new", "complaints.warnings", "complaints.report",
        "complaints.spikes",
        "dunning.status", "dunning.start", "dunning.pause", "dunning.run_day", "dunning.files",
        "dunning.export", "dunning.import_accounts", "dunning.import_payments",
        "dunning.account", "dunning.seat.next", "dunning.seat.dial",
        "reports.generate",
    }
    with_numbers = {p.command for p in PARAMETERS}
    unlisted = set(COMMANDS) - without_numbers - with_numbers
    assert not unlisted, f"say which of these take numbers: {sorted(unlisted)}"


@pytest.mark.parametrize("param", PARAMETERS, ids=lambda p: f"{p.command}:{p.where}")
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=HOSTILE)
def test_a_hostile_number_is_a_clean_bad_request_and_the_floor_runs_on(
    floor: Floor, param: Numeric, value: Any
) -> None:
    args = param.build(value)
    if param.command == "set_skills":
        args = {"agent": floor.agent, "skills": {floor.queue: value}}
    try:
        floor.call(param.command, args)
    except CommandError as exc:
        if exc.code in param.answers:  # well-formed, and answered for what it names
            assert param.valid(value), (value, exc)
            floor.assert_sound()
            return
        assert exc.code == "bad_request", (param.where, value, exc)
        assert not param.valid(value), (value, exc)
        assert (param.mentions or param.where.split(".")[-1]) in exc.message, exc
    else:
        assert param.valid(value), f"{param.command} {param.where}={value!r} was accepted"
    floor.assert_sound()


def test_an_event_delay_of_nan_is_refused_and_events_keep_coming(tmp_path: Path) -> None:
    """Issue 11 item 15: with delay_s=NaN no event emitted during the fault was ever delivered.
    On a floor of its own: the shared one has pumped past closing time by now (the table's
    rows each run the day on by ten seconds, sixty times)."""
    floor = Floor(tmp_path)
    try:
        with pytest.raises(CommandError) as err:
            floor.call("inject_fault", {"kind": "event_delay", "params": {"delay_s": NAN}})
        assert err.value.code == "bad_request" and "delay_s" in err.value.message
        assert any(isinstance(e, ev.CallArrived) for e in floor.pump(300))
    finally:
        floor.close()


def test_a_nan_fault_duration_never_reaches_the_timer_heap(floor: Floor) -> None:
    sim = floor.adapter.simulation
    for bad in (NAN, INF, -1.0):
        with pytest.raises(InvalidArgument, match="duration_s"):
            floor.adapter.inject_fault("link_drop", "", duration_s=bad)
        with pytest.raises(InvalidArgument, match="duration_s"):  # the emulator's own check
            sim.inject_fault("link_drop", "", {"duration_s": bad})
    assert not sim._faults
    floor.assert_sound()


def test_adapter_calls_refuse_non_finite_numbers(floor: Floor) -> None:
    adapter = floor.adapter
    for bad in (NAN, INF, -1):
        with pytest.raises(InvalidArgument, match="timeout"):
            adapter.poll(bad)
        with pytest.raises(InvalidArgument, match="seconds"):
            adapter.advance(bad)
    with pytest.raises(InvalidArgument, match="pages"):
        adapter.send_fax("12345", "doc.pdf", pages=10**9)
    with pytest.raises(InvalidArgument, match="unknown fault parameter"):
        adapter.inject_fault("event_delay", "", delay_ms=5)
    floor.assert_sound()
