"""``ctl status``: the daemon link, the adapter, each switch link / board / trunk, and the alarms.

Three different links can be down, and status names each one instead of one word for all:
the **daemon link** (this ctl to switchlink: heartbeats and the snapshot), the **adapter**
(switchlink polling its adapter, ``daemon/info.link``), and the **switch links** the adapter
reports (``link/<id>``, e.g. the CTI link), with its boards and trunks. Status reads the
same mirror keys as ``ctl links`` and ``ctl alarms``, so the three never disagree.
"""

from __future__ import annotations

import time
from typing import Any

from switchlink.ctl.output import SWITCH_CLOCK, WALL_CLOCK, duration, local_time

#: alarm levels, least severe first, as published in ``alarm/<id>``
LEVELS = ("yellow", "orange", "red", "black")


def _equipment(mirror: Any, prefix: str) -> list[dict[str, Any]]:
    return [dict(v, id=v.get("id", key[len(prefix):])) for key, v in
            sorted(mirror.items(prefix).items())]


def health(mirror: Any, daemon_link: str, endpoint: str) -> dict[str, Any]:
    """Everything status reports, as plain data (the ``--json`` form)."""
    info = mirror.get("daemon/info") or {}
    adapter_up = info.get("link", "up") == "up"
    links = _equipment(mirror, "link/")
    boards = _equipment(mirror, "board/")
    trunks = _equipment(mirror, "trunk/")
    alarms = list(mirror.items("alarm/").values())
    problems: list[str] = []
    if daemon_link != "live":
        problems.append(f"daemon link {daemon_link}")
    if not adapter_up:
        problems.append(f"adapter {info.get('adapter', '?')} not answering switchlink's polls")
    for kind, items in (("switch link", links), ("board", boards), ("trunk", trunks)):
        for item in items:
            if item.get("status", "up") != "up":
                error = f": {item['last_error']}" if item.get("last_error") else ""
                problems.append(f"{kind} {item['id']} {item['status']}{error}")
    by_level = {level: sum(a.get("level") == level for a in alarms) for level in LEVELS}
    worst = next((lv for lv in reversed(LEVELS) if by_level[lv]), None)
    return {
        "overall": "ok" if not problems else "degraded",
        "problems": problems,
        "daemon_link": daemon_link,
        "endpoint": endpoint,
        "epoch": mirror.epoch,
        "sequence": mirror.sequence,
        "adapter": info.get("adapter", ""),
        "adapter_link": "up" if adapter_up else "down",
        "switch_links": [{"id": x["id"], "status": x.get("status", ""),
                          "latency_ms": x.get("latency_ms"), "error": x.get("last_error", "")}
                         for x in links],
        "boards": {"total": len(boards), "down": [b["id"] for b in boards
                                                  if b.get("status", "up") != "up"]},
        "trunks": {"total": len(trunks), "down": [t["id"] for t in trunks
                                                  if t.get("status", "up") != "up"]},
        "alarms": {"active": len(alarms), "worst": worst,
                   "by_level": {lv: n for lv, n in by_level.items() if n}},
        "switch_time": info.get("switch_time"),
        "speed": info.get("speed"),
        "started_at": info.get("started_at"),
    }


def health_lines(data: dict[str, Any], alarms: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """``(label, text)`` lines for people; ``alarms`` are the active ones, worst first."""
    links = data["switch_links"]
    down_links = [x for x in links if x["status"] != "up"]
    if not links:
        switch = "no switch links reported by the adapter"
    elif down_links:
        switch = "; ".join(f"{x['id']} {x['status'].upper()}" + (f": {x['error']}"
                           if x["error"] else "") for x in down_links)
        switch += f" — {len(links) - len(down_links)} of {len(links)} up"
    else:
        switch = ", ".join(f"{x['id']} up" for x in links)
    lines = [
        ("overall", data["overall"].upper() + (": " + "; ".join(data["problems"])
                                               if data["problems"] else "")),
        ("daemon", f"{data['daemon_link']} ({data['endpoint']}), epoch {data['epoch']}, "
                   f"sequence {data['sequence']}"),
        ("adapter", f"{data['adapter']}: " + ("answering switchlink's polls"
                                              if data["adapter_link"] == "up"
                                              else "DOWN (switchlink cannot poll it)")),
        ("switch", switch),
        ("boards", _equipment_line(data["boards"])),
        ("trunks", _equipment_line(data["trunks"])),
        ("alarms", _alarm_line(data["alarms"], alarms)),
        ("clock", _clock_line(data)),
    ]
    return lines


def _equipment_line(group: dict[str, Any]) -> str:
    down = group["down"]
    if not down:
        return f"{group['total']} up"
    return f"{len(down)} of {group['total']} DOWN: {', '.join(down)}"


def _alarm_line(summary: dict[str, Any], alarms: list[dict[str, Any]]) -> str:
    if not summary["active"]:
        return "none active"
    counts = ", ".join(f"{n} {lv}" for lv, n in sorted(
        summary["by_level"].items(), key=lambda kv: -LEVELS.index(kv[0])))
    worst = alarms[0]
    name = worst.get("rule_name") or worst.get("rule_id", "")
    return f"{summary['active']} active ({counts}); worst: {worst['level']} {name} on " \
           f"{worst.get('scope', '')}"


def _clock_line(data: dict[str, Any]) -> str:
    switch_time, speed = data.get("switch_time"), data.get("speed")
    text = f"{local_time(switch_time)} {SWITCH_CLOCK}" if switch_time else "switch clock unknown"
    if speed not in (None, 1, 1.0):
        text += f" (emulator at ×{speed:g})" if isinstance(speed, int | float) else \
                f" (emulator at {speed})"
    now = time.time()
    text += f"; {local_time(now)} {WALL_CLOCK}"
    started = data.get("started_at")
    if started:
        text += f", daemon up {duration(now - started)}"
    return text
