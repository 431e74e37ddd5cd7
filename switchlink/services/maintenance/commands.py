"""Maintenance commands: tests that measure, resets, out-of-service, the sweep, fault rehearsal.

Every one is audited. Tests return at once with the test's id and its ``test/<id>`` value
("running"); the result follows in the floor when the switch reports it. Fault rehearsal is
refused on anything but the emulator, whatever the adapter would do with it.
"""

from __future__ import annotations

from typing import Any

from models.security import Permission
from switchlink.services.maintenance.desk import SERVICE_KEY, MaintenanceDesk
from switchlink.services.registry import CommandError, Context, arg_str, command, target_exists

#: a test page for fax tests when the adapter needs a real document (resources/maintenance)
FAX_TEST_DOCUMENT = "fax_test_page.ps"
#: the IVR prompt test-played when none is given
DEFAULT_PROMPT = "您好，这是放音测试。This is a prompt test."
MAX_PROMPT = 500


def desk(ctx: Context) -> MaintenanceDesk:
    found = ctx.services.get(SERVICE_KEY)
    if found is None:
        raise CommandError("unsupported", "this switchlink runs without its maintenance desk")
    return found


def _equipment(ctx: Context, target: str, kinds: tuple[str, ...]) -> str:
    """The kind of ``target`` among ``kinds`` (channel, trunk, board), or unknown_target."""
    for kind in kinds:
        if ctx.floor.get(f"{kind}/{target}") is not None:
            return kind
    raise CommandError("unknown_target", f"no {', '.join(kinds)} {target!r} on this floor")


def _reason(args: dict[str, Any], required: bool) -> str:
    reason = arg_str(args, "reason", required=required, limit=500).strip()
    if required and not reason:
        raise CommandError("bad_request", "argument 'reason' must say why")
    return reason


@command("self_test", permission=Permission.RUN_DIAGNOSTICS, params=("board",), audit=True)
def _self_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    board = arg_str(args, "board", limit=64)
    target_exists(ctx, "board", board)
    test = ctx.adapter.self_test(board)
    return _started(ctx, test, "self_test", board)


@command("loopback_test", permission=Permission.RUN_DIAGNOSTICS, params=("channel",), audit=True)
def _loopback_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    channel = arg_str(args, "channel", limit=64)
    target_exists(ctx, "channel", channel)
    status = (ctx.floor.get("channel/" + channel) or {}).get("status")
    if status == "busy":
        raise CommandError("invalid_operation",
                           f"channel {channel} is busy with a call; test it when it is idle")
    test = ctx.adapter.loopback_test(channel)
    return _started(ctx, test, "loopback", channel)


@command("prompt_test", permission=Permission.RUN_DIAGNOSTICS, params=("channel", "prompt"),
         audit=True)
def _prompt_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    channel = arg_str(args, "channel", limit=64)
    prompt = arg_str(args, "prompt", required=False, limit=MAX_PROMPT) or DEFAULT_PROMPT
    target_exists(ctx, "channel", channel)
    ctx.audit_detail = {"prompt": prompt}
    test = ctx.adapter.test_prompt(channel, prompt)
    return _started(ctx, test, "prompt", channel)


@command("fax_test", permission=Permission.RUN_DIAGNOSTICS, params=("number",), audit=True)
def _fax_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """A one-page test fax to a loopback number; passes when the fax server delivers it."""
    number = arg_str(args, "number", limit=32).strip()
    if not number.replace("-", "").replace(" ", "").isdigit():
        raise CommandError("bad_request", f"argument 'number' must be a phone number, "
                           f"got {number!r}")
    ctx.audit_target = number
    from importlib import resources

    document = str(resources.files("resources.maintenance").joinpath(FAX_TEST_DOCUMENT))
    job = ctx.adapter.send_fax(number, document, pages=1, resolution="fine")
    value = desk(ctx).started(job, "fax", number, ctx.user, fax_job=True)
    return {"test": job, **value}


def _started(ctx: Context, test: str, kind: str, target: str) -> dict[str, Any]:
    found = ctx.services.get(SERVICE_KEY)
    if found is None:  # a bare server (tests): the result still comes as an event
        return {"test": test}
    return {"test": test, **found.started(test, kind, target, ctx.user)}


@command("equipment.reset", permission=Permission.RUN_DIAGNOSTICS, params=("target", "reason"),
         audit=True)
def _reset(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """复位 a channel (its call is cut) or a board (every call on it is cut, it restarts)."""
    target = arg_str(args, "target", limit=64)
    kind = _equipment(ctx, target, ("channel", "board"))
    ctx.audit_target, ctx.audit_reason = f"{kind}/{target}", _reason(args, False)
    ctx.adapter.reset(target)
    return {"target": target, "kind": kind}


@command("equipment.out_of_service", permission=Permission.RUN_DIAGNOSTICS,
         params=("target", "reason"), audit=True)
def _out_of_service(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """停用: the channel, trunk or board takes no new calls; a busy channel after its call."""
    target = arg_str(args, "target", limit=64)
    kind = _equipment(ctx, target, ("channel", "trunk", "board"))
    reason = _reason(args, True)
    ctx.audit_target, ctx.audit_reason = f"{kind}/{target}", reason
    ctx.adapter.set_in_service(target, False, reason=reason, by=ctx.user)
    desk(ctx).set_out_of_service(target, reason, ctx.user)
    status = (ctx.floor.get(f"{kind}/{target}") or {}).get("status")
    return {"target": target, "kind": kind, "reason": reason, "by": ctx.user,
            "after_call": status == "busy"}


@command("equipment.in_service", permission=Permission.RUN_DIAGNOSTICS,
         params=("target", "reason"), audit=True)
def _in_service(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """启用: back in service."""
    target = arg_str(args, "target", limit=64)
    kind = _equipment(ctx, target, ("channel", "trunk", "board"))
    ctx.audit_target, ctx.audit_reason = f"{kind}/{target}", _reason(args, False)
    ctx.adapter.set_in_service(target, True, by=ctx.user)
    desk(ctx).set_in_service(target)
    return {"target": target, "kind": kind}


@command("equipment.sweep", permission=Permission.RUN_DIAGNOSTICS, params=(), audit=True)
def _sweep(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Run the nightly sweep now (loopback tests over every idle channel)."""
    found = desk(ctx)
    try:
        return found.sweep.start(ctx.user, found.clock())
    except ValueError as exc:
        raise CommandError("invalid_operation", str(exc)) from None


@command("equipment.sweep_status", permission=Permission.VIEW_FLOOR, params=())
def _sweep_status(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return desk(ctx).sweep.value()


@command("inject_fault", permission=Permission.INJECT_FAULT, params=("kind", "target", "params"),
         audit=True)
def _inject_fault(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Fault rehearsal: on the emulator only (a real switch is never sent one)."""
    kind = arg_str(args, "kind", limit=32)
    target = arg_str(args, "target", required=False, limit=64)
    params = args.get("params", {})
    if not isinstance(params, dict) or not all(isinstance(k, str) for k in params):
        raise CommandError("bad_request", "argument 'params' must be a map with string keys")
    ctx.audit_target = target
    ctx.audit_detail = {"kind": kind, "params": params, "rehearsal": True}
    if not getattr(ctx.adapter, "rehearses_faults", False):
        raise CommandError(
            "unsupported", f"fault rehearsal runs on the emulator only; adapter "
            f"{ctx.adapter.name!r} drives a real switch")
    ctx.adapter.inject_fault(kind, target, **params)
    return {"kind": kind, "target": target, "rehearsal": True}
