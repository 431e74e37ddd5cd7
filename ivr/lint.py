"""The service rules of REQUIREMENTS.md §6 over a loaded flow (docs/ivr.md lists them).

``lint_file`` is what ``main.py ivr lint`` and switchlink run: schema findings from the
loader, then the rules below. It is pure and fast enough to run on every keystroke
(tests/perf/test_ivr_lint_speed.py).
"""

from __future__ import annotations

from pathlib import Path

from ivr import speech
from ivr.findings import Finding, Position
from ivr.loader import load_flow
from ivr.model import SPECIAL_TARGETS, TERMINAL_TYPES, Flow, Node, Prompt

MAX_OPTIONS = 6
MAX_EMERGENCY_S = 20.0
MAX_INTERACTION_S = 10.0
MAX_BUSY_AFTER_S = 30.0
RESERVED_KEYS = {"*": "previous menu", "#": "main menu", "9": "repeat"}
#: node types whose ways out need no caller input (a loop of them never ends)
_AUTOMATIC = frozenset({"announce", "jump", "lookup"})


def lint_file(path: str | Path, shown: str | None = None) -> tuple[Flow | None, list[Finding]]:
    flow, findings = load_flow(path, shown)
    if flow is not None:
        findings += lint_flow(flow)
    findings.sort(key=lambda f: (f.where.file, f.where.line, f.where.column, f.rule))
    return flow, findings


def lint_flow(flow: Flow) -> list[Finding]:
    out: list[Finding] = []
    _targets(flow, out)
    for node in flow.nodes.values():
        if node.type in ("menu", "language"):
            _menu(flow, node, out)
        _timing(flow, node, out)
        if node.type in ("transfer", "agent"):
            _busy(node, out)
        for name, prompt in node.prompts():
            _prompt(flow, prompt, node.at(name), out)
    _emergency(flow, out)
    if flow.start_node:
        _reachability(flow, out)
    _ends(flow, out)
    return out


def _targets(flow: Flow, out: list[Finding]) -> None:
    for node in flow.nodes.values():
        for edge in node.edges:
            if edge.target not in flow.nodes and edge.target not in SPECIAL_TARGETS:
                out.append(Finding(edge.where, "unknown-target",
                                   f"{node.id} ({edge.label}) leads to {edge.target!r}, "
                                   "which is no node of this flow"))
        if node.type == "language":
            for key, language in (node.get("options") or {}).items():
                if language not in flow.languages:
                    out.append(Finding(node.at(f"options.{key}"), "schema",
                                       f"{node.id}: option {key} picks {language!r}, not one of "
                                       f"the flow's languages {list(flow.languages)}"))
    for name, target in _top_targets(flow):
        if target not in flow.nodes:
            out.append(Finding(flow.where.get(name, Position(flow.file)), "unknown-target",
                               f"{name} names {target!r}, which is no node of this flow",
                               "name a node id (the special @ targets work only inside nodes)"))


def _top_targets(flow: Flow) -> list[tuple[str, str]]:
    pairs = [("start", flow.start_node), ("main", flow.main),
             ("input.help", flow.input.get("help")), ("input.agent", flow.input.get("agent")),
             ("vip.entry", flow.vip.get("entry")),
             ("emergency.after", (flow.emergency or {}).get("after"))]
    if flow.zero != flow.input.get("agent"):
        pairs.append(("keys.zero", flow.zero))
    pairs += [(f"entries.{k}", v) for k, v in flow.entries.items()]
    return [(k, v) for k, v in pairs if v]


def _menu(flow: Flow, node: Node, out: list[Finding]) -> None:
    options = node.get("options") or {}
    has_zero = "0" in options or (node.type == "menu" and flow.zero is not None)
    count = len([k for k in options if k != "0"]) + has_zero
    if count > MAX_OPTIONS:
        out.append(Finding(node.where, "too-many-options",
                           f"menu {node.id} offers {count} choices"
                           f"{' counting 0 (help / agent)' if has_zero else ''}; at most "
                           f"{MAX_OPTIONS}"))
    for key, target in options.items():
        where = node.at(f"options.{key}")
        if key in RESERVED_KEYS:
            out.append(Finding(where, "reserved-key", f"menu {node.id} uses {key} for "
                               f"{target!r}; {key} is the global key for "
                               f"{RESERVED_KEYS[key]}"))
        elif key == "0" and node.type == "menu":
            goes = flow.nodes.get(target)
            if goes is not None and goes.type not in ("transfer", "agent") and \
                    target != flow.input.get("help"):
                out.append(Finding(where, "reserved-key", f"menu {node.id} uses 0 for "
                                   f"{target!r} ({goes.type}); 0 is for help or an agent"))
    numbered = sorted(int(k) for k in options if k.isdigit() and k not in "09")
    if numbered and numbered != list(range(1, len(numbered) + 1)):
        missing = sorted(set(range(1, numbered[-1] + 1)) - set(numbered))
        out.append(Finding(node.at("options"), "option-gap",
                           f"menu {node.id} numbers its options {numbered}: "
                           f"{', '.join(map(str, missing))} missing"))


def _timing(flow: Flow, node: Node, out: list[Finding]) -> None:
    waits = [("timeout_s", node.get("timeout_s")), ("digit_timeout_s", node.get("digit_timeout_s"))]
    if node.type == "verify":
        waits.append(("lookup_timeout_s", node.get("lookup_timeout_s")))
    for name, seconds in waits:
        if seconds is not None and seconds > MAX_INTERACTION_S:
            what = "look-up" if node.type == "lookup" or name.startswith("lookup") else "input"
            out.append(Finding(node.at(name), "interaction-time",
                               f"{node.id} waits up to {seconds:g} s for {what}; an interaction "
                               f"may take at most {MAX_INTERACTION_S:g} s"))
    if node.type == "lookup" and node.get("wait_after_s", 0) >= node.get("timeout_s", 0):
        out.append(Finding(node.at("wait_after_s"), "lookup-wait",
                           f"{node.id} would play the 'request accepted' prompt after "
                           f"{node.get('wait_after_s'):g} s, not before its "
                           f"{node.get('timeout_s'):g} s time-out"))


def _busy(node: Node, out: list[Finding]) -> None:
    if node.get("busy_prompt") is None:
        out.append(Finding(node.where, "busy-prompt",
                           f"transfer {node.id} has no busy_prompt for callers still waiting "
                           "after 30 s"))
    if node.get("busy_after_s", 30.0) > MAX_BUSY_AFTER_S:
        out.append(Finding(node.at("busy_after_s"), "busy-prompt",
                           f"transfer {node.id} tells a waiting caller the line is busy only "
                           f"after {node.get('busy_after_s'):g} s; at most 30 s"))


def _prompt(flow: Flow, prompt: Prompt, where: Position, out: list[Finding]) -> None:
    if len(flow.languages) > 1:
        missing = [lang for lang in flow.languages if lang not in prompt.texts]
        if missing:
            out.append(Finding(where, "missing-translation",
                               f"prompt has no text in {', '.join(missing)}"))
    for language, seconds in prompt.recording_s.items():
        text = prompt.texts.get(language)
        if not text:
            continue
        rate = speech.rate_of(text, language, seconds)
        low, high = speech.rate_range(language)
        if not low <= rate <= high:
            unit = "characters" if speech.is_chinese(language) else "words"
            out.append(Finding(where, "speech-rate",
                               f"the {seconds:g} s recording reads {speech.units(text, language)}"
                               f" {unit} at {rate:.0f} a minute ({language}); expected "
                               f"{low:.0f}–{high:.0f}"))


def _emergency(flow: Flow, out: list[Finding]) -> None:
    prompt = (flow.emergency or {}).get("prompt")
    if not isinstance(prompt, Prompt):
        return
    where = flow.where.get("emergency.prompt", prompt.where or Position(flow.file))
    for language, text in prompt.texts.items():
        seconds = prompt.recording_s.get(language) or speech.reading_seconds(text, language)
        if seconds > MAX_EMERGENCY_S:
            out.append(Finding(where, "emergency-length",
                               f"the emergency notice takes {seconds:.1f} s in {language}; at most "
                               f"{MAX_EMERGENCY_S:g} s"))


def successors(flow: Flow, node: Node) -> list[str]:
    """Node ids a caller can go to from ``node`` (special targets resolved where fixed)."""
    out = []
    for edge in node.edges:
        target = flow.main if edge.target == "@main" else edge.target
        if target in flow.nodes:
            out.append(target)
    if node.type in ("transfer", "agent") and flow.main:
        out.append(flow.main)  # * from the busy prompt: back to self-service
    return out


def _reachability(flow: Flow, out: list[Finding]) -> None:
    roots = [v for _, v in _top_targets(flow) if v in flow.nodes]
    seen, stack = set(roots), list(roots)
    while stack:
        for nxt in successors(flow, flow.nodes[stack.pop()]):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    for node in flow.nodes.values():
        if node.id not in seen and node.where.file == flow.file:
            out.append(Finding(node.where, "unreachable",
                               f"no menu, jump or entry leads to {node.id}"))


def _ends(flow: Flow, out: list[Finding]) -> None:
    """Dead ends (no way to a transfer, hang-up or loop back) and loops without input."""
    leads_here: dict[str, list[str]] = {}
    for node in flow.nodes.values():
        for edge in node.edges:
            leads_here.setdefault(edge.target, []).append(node.id)
    good = {n.id for n in flow.nodes.values() if _ends_here(n)}
    stack = list(good)
    while stack:  # walk backwards from every good end
        for before in leads_here.get(stack.pop(), ()):
            if before not in good:
                good.add(before)
                stack.append(before)
    for node in flow.nodes.values():
        if node.id not in good:
            out.append(Finding(node.where, "dead-end",
                               f"no path from {node.id} ends in a transfer, a hang-up or a "
                               "loop back"))
    _input_free_loops(flow, out)


def _ends_here(node: Node) -> bool:
    if node.type in TERMINAL_TYPES or (node.type == "verify" and node.get("return_to_agent")):
        return True
    return any(e.target in SPECIAL_TARGETS for e in node.edges)


def _input_free_loops(flow: Flow, out: list[Finding]) -> None:
    auto = {i: n for i, n in flow.nodes.items() if n.type in _AUTOMATIC}
    state: dict[str, int] = {}  # 1 on the path, 2 done
    reported: set[str] = set()
    for root in auto:
        if state.get(root):
            continue
        path, stack = [root], [iter([e.target for e in auto[root].edges])]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif nxt in auto and state.get(nxt) == 1 and nxt not in reported:
                loop = path[path.index(nxt):]
                reported.update(loop)
                out.append(Finding(flow.nodes[nxt].where, "input-free-loop",
                                   f"{' → '.join([*loop, nxt])} loops without waiting for a key: "
                                   "a caller could never leave it"))
            elif nxt in auto and not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter([e.target for e in auto[nxt].edges]))
