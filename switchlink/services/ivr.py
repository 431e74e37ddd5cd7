"""IVR flows on the running switch: list, show (text, tree, lint findings), reload, live counts,
the emergency notice, and the flow as an Asterisk dialplan.

A flow is named by its file stem (``hotline-10000``). Reload re-reads the flow's file (the one
it was loaded from, or a bundled flow / path given), lints it and refuses it with the
linter's findings if any is an error; otherwise the switch runs it for new calls while the
callers already in the IVR finish the flow they started in. The emergency notice is linted
too (at most 20 s) and expires by itself at ``until`` (switch time). Test-playing a prompt
is the maintenance command ``prompt_test`` with the node's text. All changes are audited.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ivr.bundled import FlowRefused, bundled_flows, flow_path, load_checked
from ivr.findings import Finding, has_errors
from ivr.lint import lint_file, lint_flow
from ivr.model import Flow, Prompt
from models.security import Permission
from switchlink.adapters.ami.dialplan import dialplan
from switchlink.services.registry import CommandError, Context, arg_str, command

LIVE_KEY = "ivr_live"
#: the longest flow text ``ivr.get`` returns (a flow with its includes is a few KB)
MAX_TEXT = 256 * 1024
#: findings listed in a refusal's message (all of them are in ``ivr.get``)
MAX_LISTED = 12
MAX_NOTICE_MIN = 7 * 24 * 60
MAX_NOTICE_CHARS = 300


def _running(ctx: Context) -> dict[str, Flow]:
    return ctx.adapter.flows()


def _name(args: dict[str, Any]) -> str:
    name = arg_str(args, "flow", limit=200).strip()
    if not name:
        raise CommandError("bad_request", "argument 'flow' is empty: name a flow (ivr.flows)")
    return name


def _path_of(ctx: Context, name: str) -> Path:
    """The file a flow is (re)read from: the running flow's own file, else a bundled one."""
    live = _live(ctx)
    loaded = live.loaded_file(name) if live is not None else None
    if loaded is not None and Path(loaded).is_file():
        return Path(loaded)  # the file the last reload read
    running = _running(ctx).get(name)
    if running is not None and Path(running.file).is_file():
        return Path(running.file)
    try:
        return flow_path(name)
    except FlowRefused as exc:
        raise CommandError("unknown_target", str(exc)) from None


def _refusal(what: str, findings: list[Finding]) -> CommandError:
    errors = [f for f in findings if f.severity == "error"]
    listed = "\n".join(str(f) for f in errors[:MAX_LISTED])
    more = f"\n… and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
    return CommandError("invalid_operation",
                        f"{what}: refused, the linter found {len(errors)} error(s):\n"
                        f"{listed}{more}")


def _live(ctx: Context) -> Any:
    return ctx.services.get(LIVE_KEY)


@command("ivr.flows", permission=Permission.VIEW_FLOOR)
def _flows(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    running = _running(ctx)
    out = []
    for name in sorted(set(running) | set(bundled_flows())):
        flow = running.get(name)
        live = ctx.floor.get(f"ivr/{name}") or {}
        out.append({"flow": name, "running": flow is not None,
                    "title": flow.name if flow is not None else "",
                    "nodes": len(flow.nodes) if flow is not None else None,
                    "in_ivr": live.get("in_ivr", 0),
                    "notice": bool(flow is not None and flow.emergency)})
    return {"flows": out}


@command("ivr.get", permission=Permission.VIEW_FLOOR, params=("flow",))
def _get(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """The flow's file as it is on disk now, linted, with the tree the maintenance view draws."""
    name = _name(args)
    path = _path_of(ctx, name)
    flow, findings = lint_file(path, path.name)
    running = _running(ctx).get(name)
    shown = flow or running
    return {
        "flow": name, "file": str(path), "running": running is not None,
        "text": path.read_text(encoding="utf-8", errors="replace")[:MAX_TEXT],
        "findings": [f.as_dict() for f in findings],
        "errors": sum(f.severity == "error" for f in findings),
        "tree": _tree(shown) if shown is not None else None,
        "notice": _notice(running),
    }


def _tree(flow: Flow) -> dict[str, Any]:
    nodes = {}
    for node in flow.nodes.values():
        prompt = node.get("prompt")
        if prompt is None and node.type == "survey":
            prompt = node.get("questions")[0]["prompt"]
        nodes[node.id] = {
            "type": node.type, "title": node.get("title") or "",
            "prompt": prompt.text(flow.language, flow.language) if prompt else "",
            "file": node.where.file, "line": node.where.line,
            "edges": [{"label": e.label, "target": e.target} for e in node.edges],
        }
    return {"name": flow.name, "start": flow.start_node, "main": flow.main,
            "vip": flow.vip.get("entry"), "entries": dict(flow.entries),
            "help": flow.input.get("help"), "agent": flow.input.get("agent"), "nodes": nodes}


def _notice(flow: Flow | None) -> dict[str, Any] | None:
    if flow is None or not flow.emergency:
        return None
    prompt = flow.emergency["prompt"]
    return {"text": prompt.text(flow.language, flow.language),
            "until": flow.emergency.get("until")}


@command("ivr.reload", permission=Permission.MANAGE_IVR, params=("flow", "file"), audit=True)
def _reload(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    name = _name(args)
    ctx.audit_target = name
    given = arg_str(args, "file", required=False, limit=1000).strip()
    path = Path(given) if given else _path_of(ctx, name)
    if given and not path.is_file():
        raise CommandError("bad_request", f"{given}: no such flow file")
    try:
        flow, findings = load_checked(path, str(path))
    except FlowRefused as exc:
        ctx.audit_detail = {"file": str(path), "errors": sum(
            f.severity == "error" for f in exc.findings)}
        if exc.findings:
            raise _refusal(f"flow {name} ({path.name})", exc.findings) from None
        raise CommandError("bad_request", str(exc)) from None
    old = _running(ctx).get(name)
    if old is not None and old.emergency and old.emergency.get("until") is not None:
        flow = replace(flow, emergency=dict(old.emergency))  # the notice outlives a reload
    ctx.adapter.load_flow(name, flow)
    warnings = [f.as_dict() for f in findings]
    info = {"file": str(path), "at": ctx.adapter.now(), "by": ctx.user,
            "warnings": len(warnings)}
    ctx.audit_detail = dict(info)
    live = _live(ctx)
    if live is not None:
        live.set_loaded(name, info)
    return {"flow": name, "nodes": len(flow.nodes), "findings": warnings, **info}


@command("ivr.emergency", permission=Permission.MANAGE_IVR,
         params=("flow", "text", "minutes", "clear"), audit=True)
def _emergency(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Set (``text``, ``minutes``) or clear (``clear: true``) the flow's emergency notice."""
    name = _name(args)
    ctx.audit_target = name
    flow = _running(ctx).get(name)
    if flow is None:
        raise CommandError("unknown_target", f"flow {name!r} is not running on this switch "
                                             "(ivr.flows lists the running ones)")
    clear = args.get("clear", False)
    if not isinstance(clear, bool):
        raise CommandError("bad_request", "argument 'clear' must be true or false")
    if clear:
        new = flow.with_emergency(None)
        notice = None
    else:
        text = arg_str(args, "text", limit=MAX_NOTICE_CHARS).strip()
        if not text:
            raise CommandError("bad_request", "argument 'text' is empty: say what callers hear")
        minutes = args.get("minutes", 60)
        if (isinstance(minutes, bool) or not isinstance(minutes, int | float)
                or not 1 <= minutes <= MAX_NOTICE_MIN):
            raise CommandError("bad_request", f"argument 'minutes' must be 1 to "
                                              f"{MAX_NOTICE_MIN} (a week), got {minutes!r}")
        until = ctx.adapter.now() + float(minutes) * 60.0
        after = (flow.emergency or {}).get("after")
        prompt = Prompt({flow.language: text})
        new = replace(flow, emergency={"prompt": prompt, "after": after, "until": until})
        findings = [f for f in lint_flow(new) if f.rule == "emergency-length"]
        if has_errors(findings):
            raise _refusal(f"emergency notice for {name}", findings)
        notice = {"text": text, "until": until, "by": ctx.user}
    ctx.adapter.load_flow(name, new)
    ctx.audit_detail = {"notice": notice}
    live = _live(ctx)
    if live is not None:
        live.set_notice(name, notice)
    return {"flow": name, "notice": notice}


@command("ivr.counts", permission=Permission.VIEW_FLOOR, params=("flow",))
def _counts(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    name = _name(args)
    value = ctx.floor.get(f"ivr/{name}")
    if value is None:
        if name not in _running(ctx):
            raise CommandError("unknown_target", f"flow {name!r} is not running on this switch")
        value = {"flow": name, "in_ivr": 0, "dropped": 0, "nodes": {}}
    return dict(value)


@command("ivr.dialplan", permission=Permission.VIEW_FLOOR, params=("flow",))
def _dialplan(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """The flow as an Asterisk dialplan (adapters/ami/dialplan.py), for an Asterisk site."""
    name = _name(args)
    path = _path_of(ctx, name)
    try:
        flow, _ = load_checked(path, path.name)
    except FlowRefused as exc:
        raise _refusal(f"flow {name}", exc.findings) from None
    return {"flow": name, "text": dialplan(flow, name)}
