"""Scenario files (TOML, ``spec = "1.0"``): load, validate with clear errors, and name bundled ones.

The schema is documented field by field in ``docs/emulator.md``. Every error names the file,
the field path (``queues[2].handle_time.mean``) and why it is wrong.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from models.equipment import BoardKind
from switchlink.adapters.base import FAULT_KINDS
from switchlink.adapters.loopback.distributions import Distribution, fixed, show
from switchlink.adapters.loopback.harassers import HarasserSpec, parse_harassers
from switchlink.adapters.loopback.ivr_callers import IvrCallers, parse_ivr_section
from switchlink.adapters.loopback.reader import ScenarioError, TableReader

SPEC_VERSIONS = ("1.0",)
#: the rate profile's step: arrivals are given per half hour (S1 short-term forecasts)
INTERVAL_S = 1800.0
MAX_INTERVALS = 48
#: limits that keep a loaded scenario runnable (memory, a finite event rate)
MAX_AGENTS = 100_000
MAX_CHANNELS = 10_000
MAX_TRUNK_CAPACITY = 1_000_000
MAX_CALLS_PER_INTERVAL = 1_000_000


@dataclass(frozen=True, slots=True)
class QueueSpec:
    id: str
    name: str
    handle_time: Distribution
    acw: Distribution
    patience: Distribution | None
    sl_threshold_s: float = 15.0
    sl_target: float = 0.85
    max_length: int | None = None
    vip_priority: int = 10
    hold_probability: float = 0.0
    hold_time: Distribution = field(default_factory=lambda: fixed(30.0))


@dataclass(frozen=True, slots=True)
class LineSpec:
    number: str
    trunk: str
    profile: tuple[float, ...]
    vip_share: float
    queue: str | None
    choices: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class BreakSpec:
    interval: Distribution
    duration: Distribution


@dataclass(frozen=True, slots=True)
class TeamSpec:
    id: str
    name: str
    count: int
    first_work_number: int
    skills: tuple[tuple[str, int], ...]
    shift_start_s: float
    shift_end_s: float | None
    breaks: BreakSpec | None


@dataclass(frozen=True, slots=True)
class BoardSpec:
    id: str
    kind: BoardKind
    channels: int


@dataclass(frozen=True, slots=True)
class TrunkSpec:
    id: str
    board: str
    capacity: int


@dataclass(frozen=True, slots=True)
class OutboundSpec:
    trunk: str | None
    ring_time: Distribution
    talk_time: Distribution
    outcomes: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class FaxSpec:
    dial_time: Distribution
    page_time: Distribution
    success: float
    max_attempts: int
    retry_delay_s: float


@dataclass(frozen=True, slots=True)
class FaultSpec:
    at_s: float
    kind: str
    target: str
    duration_s: float | None
    delay_s: float


@dataclass(frozen=True, slots=True)
class Scenario:
    """A whole hotline center, as data."""

    name: str
    description: str
    source: str
    day_start_s: float
    abandonment: bool
    ring_time: Distribution
    ivr_time: Distribution
    queues: tuple[QueueSpec, ...]
    lines: tuple[LineSpec, ...]
    teams: tuple[TeamSpec, ...]
    boards: tuple[BoardSpec, ...]
    trunks: tuple[TrunkSpec, ...]
    links: tuple[str, ...]
    outbound: OutboundSpec
    fax: FaxSpec
    faults: tuple[FaultSpec, ...]
    #: callers the blacklist is for (harassers.py); None: nobody harasses this floor
    harassers: HarasserSpec | None = None
    #: the IVR flow calls run through and the callers' habits (None: the simple IVR stage)
    ivr_callers: IvrCallers | None = None

    @property
    def hours(self) -> float:
        """Length of the longest arrival profile, in hours (the scenario's working day)."""
        longest = max((len(line.profile) for line in self.lines), default=0)
        return longest * INTERVAL_S / 3600.0

    @property
    def agent_count(self) -> int:
        return sum(team.count for team in self.teams)


OUTCOMES = ("answered", "no_answer", "busy", "invalid", "machine")


def _known(ids: set[str]) -> str:
    """``known: a, b, c`` for an error message, cut after ten names."""
    names = sorted(ids)
    more = f" … ({len(names)} in all)" if len(names) > 10 else ""
    return f"known: {', '.join(names[:10])}{more}"


def _unique(reader: TableReader, key: str, ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            reader.fail(f"{key}[{i}].id", f"duplicate {what} id {show(ident)}")
        seen.add(ident)


def parse_scenario(data: dict[str, Any], source: str = "<scenario>") -> Scenario:
    """Validate a decoded TOML document and build the :class:`Scenario`."""
    top = TableReader(source, "", data)
    top.check_keys(
        {"spec", "name", "description", "center", "ivr", "queues", "lines", "teams", "boards",
         "trunks", "links", "outbound", "fax", "faults", "harassers"}
    )
    spec = top.table.get("spec")
    if spec not in SPEC_VERSIONS:
        supported = ", ".join(SPEC_VERSIONS)
        top.fail("spec", f"unsupported spec version {show(spec)} (supported: {supported})")

    center = top.child("center") if top.has("center") else TableReader(source, "center", {})
    center.check_keys({"day_start", "abandonment", "ring_time"})
    day_start_s = center.clock("day_start", "08:00")

    ivr = top.child("ivr") if top.has("ivr") else TableReader(source, "ivr", {})

    boards = []
    for b in top.items("boards", required=True):
        b.check_keys({"id", "kind", "channels"})
        kind_text = b.str("kind")
        try:
            kind = BoardKind(kind_text)
        except ValueError:
            b.fail("kind", f"expected one of {', '.join(k.value for k in BoardKind)}, "
                           f"got {show(kind_text)}")
        boards.append(BoardSpec(b.str("id"), kind, b.int("channels", 0, low=0, high=MAX_CHANNELS)))
    _unique(top, "boards", [b.id for b in boards], "board")
    board_kind = {b.id: b.kind for b in boards}

    trunks = []
    for t in top.items("trunks", required=True):
        t.check_keys({"id", "board", "capacity"})
        board = t.str("board")
        if board_kind.get(board) is not BoardKind.TRUNK:
            t.fail("board", f"{show(board)} is not a board of kind 'trunk'")
        capacity = t.int("capacity", low=1, high=MAX_TRUNK_CAPACITY)
        trunks.append(TrunkSpec(t.str("id"), board, capacity))
    _unique(top, "trunks", [t.id for t in trunks], "trunk")
    trunk_ids = {t.id for t in trunks}

    links: list[str] = []
    for lk in top.items("links"):
        lk.check_keys({"id"})
        links.append(lk.str("id"))
    _unique(top, "links", links, "link")
    links = links or ["cti-1"]

    queues = []
    for q in top.items("queues", required=True):
        q.check_keys({"id", "name", "sl_threshold_s", "sl_target", "max_length", "vip_priority",
                      "handle_time", "acw", "patience", "hold_probability", "hold_time"})
        queues.append(
            QueueSpec(
                id=q.str("id"),
                name=q.str("name", q.table.get("id", "")),
                handle_time=q.dist("handle_time"),
                acw=q.dist("acw", fixed(0.0)),
                patience=q.dist("patience") if q.has("patience") else None,
                sl_threshold_s=q.num("sl_threshold_s", 15.0, low=0.0),
                sl_target=q.num("sl_target", 0.85, low=0.0, high=1.0),
                max_length=q.int("max_length", low=0) if q.has("max_length") else None,
                vip_priority=q.int("vip_priority", 10),
                hold_probability=q.num("hold_probability", 0.0, low=0.0, high=1.0),
                hold_time=q.dist("hold_time", fixed(30.0)),
            )
        )
    _unique(top, "queues", [q.id for q in queues], "queue")
    queue_ids = {q.id for q in queues}
    ivr_callers = parse_ivr_section(ivr, queue_ids, source)  # ivr_callers.py

    lines = []
    for ln in top.items("lines", required=True):
        ln.check_keys({"number", "trunk", "profile", "vip_share", "queue", "choices"})
        trunk = ln.str("trunk")
        if trunk not in trunk_ids:
            ln.fail("trunk", f"no trunk {show(trunk)} ({_known(trunk_ids)})")
        raw = ln.table.get("profile")
        if not isinstance(raw, list) or not raw:
            ln.fail("profile", "required: a non-empty array of calls per half hour")
        if len(raw) > MAX_INTERVALS:
            ln.fail("profile", f"at most {MAX_INTERVALS} half hours (one day), got {len(raw)}")
        for i, v in enumerate(raw):
            if (isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v)
                    or not 0 <= v <= MAX_CALLS_PER_INTERVAL):
                ln.fail(f"profile[{i}]", f"expected calls per half hour, 0 to "
                                         f"{MAX_CALLS_PER_INTERVAL:,}, got {show(v)}")
        has_queue, has_choices = ln.has("queue"), ln.has("choices")
        if has_queue == has_choices:
            ln.fail("queue", "give exactly one of 'queue' (direct line) or 'choices' (via the IVR)")
        queue = None
        choices: dict[str, float] = {}
        if has_queue:
            queue = ln.str("queue")
            if queue not in queue_ids:
                ln.fail("queue", f"no queue {show(queue)} ({_known(queue_ids)})")
        else:
            choices = ln.probabilities("choices", queue_ids, "queue")
        lines.append(
            LineSpec(
                number=ln.str("number"),
                trunk=trunk,
                profile=tuple(float(v) for v in raw),
                vip_share=ln.num("vip_share", 0.0, low=0.0, high=1.0),
                queue=queue,
                choices=tuple(choices.items()),
            )
        )

    ivr_channels = sum(b.channels for b in boards if b.kind is BoardKind.IVR)
    for i, line in enumerate(lines):
        if line.choices and not ivr_channels:
            top.fail(f"lines[{i}].choices", "a line through the IVR needs an 'ivr' board "
                                            "with channels")

    teams = []
    next_free = 1001
    used: set[int] = set()
    for tm in top.items("teams", required=True):
        tm.check_keys({"id", "name", "count", "first_work_number", "skills", "shift", "breaks"})
        count = tm.int("count", low=1, high=MAX_AGENTS)
        if len(used) + count > MAX_AGENTS:
            tm.fail("count", f"more than {MAX_AGENTS:,} agents in all")
        first = tm.int("first_work_number", next_free, low=0)
        numbers = set(range(first, first + count))
        if numbers & used:
            tm.fail("first_work_number", "work numbers overlap another team's")
        used |= numbers
        next_free = max(next_free, first + count)
        if not tm.has("skills"):
            tm.fail("skills", "required: a table of queue id = level 1..10")
        skills_r = tm.child("skills")
        skills = []
        for qid in skills_r.table:
            if qid not in queue_ids:
                skills_r.fail(qid, f"no queue {show(qid)} ({_known(queue_ids)})")
            level = skills_r.int(qid, low=1)
            if level > 10:
                skills_r.fail(qid, f"skill level must be 1..10, got {level}")
            skills.append((qid, level))
        shift_start, shift_end = day_start_s, None
        if tm.has("shift"):
            shift = tm.table["shift"]
            if not (isinstance(shift, list) and len(shift) == 2):
                tm.fail("shift", "expected [\"HH:MM\", \"HH:MM\"] (start, end)")
            sr = TableReader(source, f"{tm.path}.shift", {"start": shift[0], "end": shift[1]})
            shift_start, shift_end = sr.clock("start"), sr.clock("end")
            if shift_end <= shift_start:
                tm.fail("shift", "the shift must end after it starts")
        breaks = None
        if tm.has("breaks"):
            br = tm.child("breaks")
            br.check_keys({"interval", "duration"})
            breaks = BreakSpec(br.dist("interval"), br.dist("duration"))
        teams.append(
            TeamSpec(
                id=tm.str("id"),
                name=tm.str("name", tm.table.get("id", "")),
                count=count,
                first_work_number=first,
                skills=tuple(skills),
                shift_start_s=max(0.0, shift_start - day_start_s),
                shift_end_s=None if shift_end is None else shift_end - day_start_s,
                breaks=breaks,
            )
        )
    _unique(top, "teams", [t.id for t in teams], "team")

    ob = top.child("outbound") if top.has("outbound") else TableReader(source, "outbound", {})
    ob.check_keys({"trunk", "ring_time", "talk_time", "outcomes"})
    ob_trunk = ob.str("trunk") if ob.has("trunk") else (trunks[0].id if trunks else None)
    if ob_trunk not in trunk_ids:
        ob.fail("trunk", f"no trunk {show(ob_trunk)} ({_known(trunk_ids)})")
    outcomes = (
        ob.probabilities("outcomes", set(OUTCOMES), "outcome")
        if ob.has("outcomes")
        else {"answered": 0.6, "no_answer": 0.25, "busy": 0.1, "invalid": 0.05}
    )
    if abs(sum(outcomes.values()) - 1.0) > 1e-6:
        ob.fail("outcomes", f"probabilities must add up to 1, got {sum(outcomes.values()):.3f}")
    outbound = OutboundSpec(
        trunk=ob_trunk,
        ring_time=ob.dist("ring_time", fixed(15.0)),
        talk_time=ob.dist("talk_time", fixed(40.0)),
        outcomes=tuple(outcomes.items()),
    )

    fx = top.child("fax") if top.has("fax") else TableReader(source, "fax", {})
    fx.check_keys({"dial_time", "page_time", "success", "max_attempts", "retry_delay_s"})
    fax = FaxSpec(
        dial_time=fx.dist("dial_time", fixed(20.0)),
        page_time=fx.dist("page_time", fixed(30.0)),
        success=fx.num("success", 0.95, low=0.0, high=1.0),
        max_attempts=fx.int("max_attempts", 2, low=1),
        retry_delay_s=fx.num("retry_delay_s", 60.0, low=0.0),
    )

    targets = set(board_kind) | trunk_ids | set(links)
    channel_ids = {f"{b.id}/{i}" for b in boards for i in range(1, b.channels + 1)}
    faults = []
    for ft in top.items("faults"):
        ft.check_keys({"at_s", "kind", "target", "duration_s", "delay_s"})
        kind = ft.str("kind")
        if kind not in FAULT_KINDS:
            ft.fail("kind", f"unknown fault (known: {', '.join(sorted(FAULT_KINDS))})")
        target = ft.str("target", "")
        allowed = {
            "link_drop": set(links),
            "board_failure": set(board_kind),
            "stuck_channel": channel_ids,
            "event_delay": set(links),
            "clear": targets | channel_ids | {""},
        }[kind]
        if kind == "link_drop" and not target:
            target = links[0]
        if kind == "event_delay" and not target:
            target = links[0]
        if target not in allowed:
            ft.fail("target", f"{show(target)} is not something a {kind} can hit")
        faults.append(
            FaultSpec(
                at_s=ft.num("at_s", low=0.0, required=True),
                kind=kind,
                target=target,
                duration_s=ft.num("duration_s", low=0.0) if ft.has("duration_s") else None,
                delay_s=ft.num("delay_s", 5.0, low=0.0),
            )
        )

    return Scenario(
        name=top.str("name", Path(source).stem),
        description=_description(top),
        source=source,
        day_start_s=day_start_s,
        abandonment=center.bool("abandonment", True),
        ring_time=center.dist("ring_time", fixed(3.0)),
        ivr_time=ivr.dist("duration", fixed(20.0)),
        queues=tuple(queues),
        lines=tuple(lines),
        teams=tuple(teams),
        boards=tuple(boards),
        trunks=tuple(trunks),
        links=tuple(links),
        outbound=outbound,
        fax=fax,
        faults=tuple(faults),
        harassers=parse_harassers(top),
        ivr_callers=ivr_callers,
    )


def _description(top: TableReader) -> str:
    text = top.table.get("description", "")
    if not isinstance(text, str):
        top.fail("description", f"expected a string, got {show(text)}")
    return text


def bundled_scenarios() -> list[str]:
    """Names of the scenarios shipped in ``resources/scenarios``."""
    folder = resources.files("resources") / "scenarios"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_scenario(name_or_path: str | Path) -> Scenario:
    """A bundled scenario by name (``"default"``) or a scenario file by path."""
    text_name = str(name_or_path)
    if not text_name.strip():
        raise ScenarioError("scenario: an empty name; give a bundled name or a file path")
    bundled = bundled_scenarios()
    if text_name in bundled:
        source = f"{text_name}.toml"
        raw = (resources.files("resources") / "scenarios" / source).read_bytes()
    else:
        path = Path(text_name)
        if not path.is_file():
            raise ScenarioError(
                f"{text_name}: no such scenario file, and not a bundled scenario "
                f"(bundled: {', '.join(bundled)})"
            )
        source = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ScenarioError(f"{source}: cannot read: {exc.strerror}") from None
    return scenario_from_bytes(raw, source)


def scenario_from_bytes(raw: bytes, source: str) -> Scenario:
    """Decode and validate a scenario file's content; ``source`` names it in errors."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(f"{source}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{source}: invalid TOML: {exc}") from None
    return parse_scenario(data, source)
