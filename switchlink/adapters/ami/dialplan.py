"""An IVR flow as an Asterisk dialplan (``extensions.conf`` text) — how a flow maps to Asterisk.

One context per node, ``[cf-<flow>-<node>]``, entered at ``s,1``; every node first reports
itself with ``UserEvent(CallfloorIvr,…)`` (the AMI adapter's IVR step, which builds the
trail) and keeps ``IVR_PREV`` / ``IVR_MAIN`` for ``*`` and ``#``. Prompts are sound files
``callfloor/<flow>/<node>`` (per language through ``CHANNEL(language)``); the prompt text is
written above each use as a comment for the recording studio.

The node-by-node mapping is in docs/adapters.md "IVR flows on Asterisk".
Collect kinds check the shape only (an ID number's check character needs the look-up).
"""

from __future__ import annotations

import re

from ivr.model import Flow, Node, Prompt

ENTRY_REGEX = {
    "phone": r"^(1[3-9][0-9]{9}|0[1-9][0-9]{9,10}|[2-9][0-9]{6,7})$",
    "year": r"^(19|20)[0-9]{2}$",
    "amount": r"^[0-9]+(\*[0-9]{1,2})?$",
    "id": r"^[0-9]{17}[0-9*]$",
}
_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def context(flow_id: str, node: str) -> str:
    return f"cf-{_SAFE.sub('_', flow_id)}-{_SAFE.sub('_', node)}"


def dialplan(flow: Flow, flow_id: str, *, lookup_agi: str = "callfloor-lookup.agi",
             agent_device: str = "PJSIP/{agent}", outbound: str = "PJSIP/{number}@trunk") -> str:
    """The ``extensions.conf`` text of ``flow`` (linted; ``flow_id`` is its file stem)."""
    out = [f"; callfloor IVR flow {flow.name!r} ({flow_id}), generated from {flow.file}",
           "; include this file from extensions.conf; do not edit (regenerate instead)", ""]
    entry = context(flow_id, "entry")
    out += [f"[{entry}]", f"exten => s,1,Set(__IVR_FLOW={flow_id})",
            f" same => n,Set(IVR_MAIN={context(flow_id, flow.main or flow.start_node or '')})",
            " same => n,Set(IVR_INVALID=0)", " same => n,Set(IVR_caller=${CALLERID(num)})",
            " same => n,Set(IVR_LEVEL=$[0${DB(callfloor/level/${CALLERID(num)})}])"]
    vip = flow.vip
    if vip.get("entry"):
        for number in vip.get("numbers", ()):
            out.append(f' same => n,GotoIf($["${{CALLERID(num)}}" = "{number}"]?'
                       f"{context(flow_id, vip['entry'])},s,1)")
        for prefix in vip.get("prefixes", ()):
            out.append(f' same => n,GotoIf($["${{CALLERID(num):0:{len(prefix)}}}" = '
                       f'"{prefix}"]?{context(flow_id, vip["entry"])},s,1)')
        if vip.get("min_level") is not None:
            out.append(f" same => n,GotoIf($[0${{DB(callfloor/level/${{CALLERID(num)}})}} >= "
                       f"{vip['min_level']}]?{context(flow_id, vip['entry'])},s,1)")
    out += [f" same => n,Goto({context(flow_id, flow.start_node or '')},s,1)", ""]
    for node in flow.nodes.values():
        out += [*_node(flow, flow_id, node, lookup_agi, agent_device, outbound), ""]
    return "\n".join(out)


def _target(flow: Flow, flow_id: str, node: Node, target: str) -> str:
    if target == "@main":
        return "${IVR_MAIN},s,1"
    if target in ("@back", "@return"):
        return "${IF($[\"${IVR_PREV}\" = \"\"]?${IVR_MAIN}:${IVR_PREV})},s,1"
    if target == "@repeat":
        return f"{context(flow_id, node.id)},s,1"
    return f"{context(flow_id, target)},s,1"


def _sound(flow_id: str, node: Node, field: str = "prompt") -> str:
    suffix = "" if field == "prompt" else f"-{_SAFE.sub('_', field)}"
    return f"callfloor/{_SAFE.sub('_', flow_id)}/{_SAFE.sub('_', node.id)}{suffix}"


def _say(prompt: Prompt | None) -> list[str]:
    if prompt is None:
        return []
    return [f"; {lang}: {text}" for lang, text in prompt.texts.items()]


def _node(flow: Flow, fid: str, node: Node, agi: str, device: str, outbound: str) -> list[str]:
    go = lambda target: _target(flow, fid, node, target)  # noqa: E731
    kind = node.type
    lines = [f"[{context(fid, node.id)}]", f"; {kind} {node.id}" +
             (f" ({node.get('title')})" if node.get("title") else "")]
    lines += _say(node.get("prompt"))
    lines.append(f"exten => s,1,UserEvent(CallfloorIvr,flow: {fid},node: {node.id})")
    timeout = node.get("timeout_s") or flow.input.get("timeout_s", 5)
    if kind == "announce":
        app = "Background" if node.get("barge_in", True) else "Playback"
        lines.append(f" same => n,{app}({_sound(fid, node)})")
        emergency = flow.emergency
        if emergency and emergency.get("after") in (None, node.id):
            lines += [f" same => n,Playback(callfloor/{fid}/emergency)"]
        lines.append(f" same => n,Goto({go(node.get('next'))})")
    elif kind in ("menu", "language"):
        lines += [" same => n,Set(IVR_PREV=${IVR_HERE})",
                  f" same => n,Set(IVR_HERE={context(fid, node.id)})",
                  f" same => n(prompt),Background({_sound(fid, node)})",
                  f" same => n,WaitExten({timeout:g})"]
        for key, target in (node.get("options") or {}).items():
            if kind == "language":
                lines += [f"exten => {key},1,Set(CHANNEL(language)={target})",
                          f" same => n,Goto({go(node.get('next'))})"]
            else:
                lines.append(f"exten => {key},1,Goto({go(target)})")
        lines += ["exten => *,1,Goto(" + go("@back") + ")",
                  "exten => #,1,Goto(${IVR_MAIN},s,1)", "exten => 9,1,Goto(s,prompt)"]
        if flow.zero and "0" not in (node.get("options") or {}):
            lines.append(f"exten => 0,1,Goto({go(flow.zero)})")
        help_node, agent_node = flow.input.get("help"), flow.input.get("agent")
        limit = flow.input.get("invalid", 3)
        for ext in ("i", "t"):
            lines += [f"exten => {ext},1,Set(IVR_INVALID=$[${{IVR_INVALID}} + 1])"]
            if agent_node:
                lines.append(f" same => n,GotoIf($[${{IVR_INVALID}} >= {2 * limit}]?"
                             f"{go(agent_node)})")
            if help_node:
                lines.append(f" same => n,GotoIf($[${{IVR_INVALID}} >= {limit}]?"
                             f"{go(help_node)})")
            lines.append(" same => n,Goto(s,prompt)")
    elif kind in ("collect", "verify"):
        var = "IVR_PASSWORD" if kind == "verify" else f"IVR_{node.get('store')}"
        low, high = node.get("min_digits", 6), node.get("max_digits", 20 if kind == "collect"
                                                          else 6)
        regex = ENTRY_REGEX.get(node.get("kind"), f"^[0-9]{{{low},{high}}}$")
        lines += [f" same => n,Read({var},{_sound(fid, node)},{high},,1,{timeout:g})",
                  f' same => n,GotoIf($["${{{var}}}" =~ "{regex}"]?ok)',
                  " same => n,Set(IVR_INVALID=$[${IVR_INVALID} + 1])", " same => n,Goto(s,1)"]
        if kind == "collect":
            lines.append(f" same => n(ok),Goto({go(node.get('next'))})")
        else:
            account = node.get("account", "caller")
            lines += [f" same => n(ok),AGI({agi},{node.get('service')},"
                      f"${{IVR_{account}}},${{{var}}})",
                      f' same => n,GotoIf($["${{IVR_OUTCOME}}" = "ok"]?'
                      f"{go(node.get('next') or '@main')})",
                      f" same => n,Goto({go(node.get('on_fail') or '@main')})"]
    elif kind == "lookup":
        args = ",".join(f"${{IVR_{a}}}" for a in node.get("args", ()))
        lines += [f" same => n,AGI({agi},{node.get('service')},{node.get('timeout_s', 8):g}"
                  + (f",{args}" if args else "") + ")"]
        for outcome, target in (node.get("routes") or {}).items():
            lines.append(f' same => n,GotoIf($["${{IVR_OUTCOME}}" = "{outcome}"]?{go(target)})')
        lines += [f' same => n,GotoIf($["${{IVR_OUTCOME}}" = "ok"]?{go(node.get("next"))})',
                  f" same => n,Goto({go(node.get('on_fail'))})"]
    elif kind == "transfer":
        level = node.get("level")
        prio = "${IVR_LEVEL}" if level is None else str(level)
        lines += [f" same => n,Playback({_sound(fid, node)})" if node.get("prompt") else
                  " same => n,NoOp(no prompt)",
                  f" same => n,Set(QUEUE_PRIO={prio})",
                  " same => n,Set(__IVR_TRAIL=${IVR_FLOW}:${IVR_HERE})",
                  f"; queues.conf [{node.get('queue')}]: periodic-announce = "
                  f"{_sound(fid, node, 'busy_prompt')}, periodic-announce-frequency = "
                  f"{node.get('busy_after_s', 30):g}",
                  f" same => n,Queue({node.get('queue')})",
                  " same => n,Hangup()"]
    elif kind == "agent":
        agent = re.sub(r"\{(\w+)\}", r"${IVR_\1}", str(node.get("agent")))
        lines += [" same => n,Set(__IVR_TRAIL=${IVR_FLOW}:${IVR_HERE})",
                  f" same => n,Dial({device.format(agent=agent)})", " same => n,Hangup()"]
    elif kind == "connect":
        number = re.sub(r"\{(\w+)\}", r"${IVR_\1}", str(node.get("number")))
        if node.get("prompt"):
            lines.append(f" same => n,Playback({_sound(fid, node)})")
        lines += [f" same => n,Dial({outbound.format(number=number)})", " same => n,Hangup()"]
    elif kind == "survey":
        if node.get("prompt"):
            lines.append(f" same => n,Playback({_sound(fid, node)})")
        for i, q in enumerate(node.get("questions")):
            lines += _say(q["prompt"])
            lines += [f" same => n,Read(IVR_{q['id']},{_sound(fid, node, f'q{i + 1}')},1,,1,"
                      f"{timeout:g})",
                      f" same => n,UserEvent(CallfloorSurvey,flow: {fid},question: {q['id']},"
                      f"answer: ${{IVR_{q['id']}}})"]
        lines.append(f" same => n,Goto({go(node.get('next'))})")
    elif kind == "hangup":
        if node.get("prompt"):
            lines.append(f" same => n,Playback({_sound(fid, node)})")
        lines.append(" same => n,Hangup()")
    elif kind == "jump":
        lines.append(f" same => n,Goto({go(node.get('to'))})")
    return lines
