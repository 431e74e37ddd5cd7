"""Benchmarks: linting a flow (fast enough for every keystroke of an editor) and running calls.

Run with ``pytest tests/perf/test_ivr_speed.py -s``; figures are printed, never asserted.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

import pytest

from ivr.events import Key, Lookup, LookupResult, Play, PlayDone
from ivr.lint import lint_file

pytestmark = pytest.mark.perf
FLOWS = Path(__file__).resolve().parents[2] / "resources" / "ivr"


def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _big_flow(tmp_path: Path, menus: int) -> Path:
    """A flow of ``menus`` menus with 5 options each, every option an announcement."""
    lines = ['spec = "1.0"', 'name = "big"', 'start = "m0"', "", "[input]",
             'agent = "agent"', "", "[nodes.agent]", 'type = "transfer"', 'queue = "q"',
             'busy_prompt = "座席忙，返回自助服务请按星号键。"']
    for m in range(menus):
        nxt = f"m{m + 1}" if m + 1 < menus else "agent"
        opts = ", ".join(f'"{k}" = "a{m}_{k}"' for k in range(1, 5))
        lines += ["", f"[nodes.m{m}]", 'type = "menu"',
                  'prompt = "查询请按1，办理请按2，报修请按3，投诉请按4，下一页请按5。"',
                  f'options = {{ {opts}, "5" = "{nxt}" }}']
        for k in range(1, 5):
            lines += ["", f"[nodes.a{m}_{k}]", 'type = "announce"', 'prompt = "您的请求已受理。"',
                      "recording_s = 2.6", f'next = "m{m}"']
    path = tmp_path / "big.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_lint_speed(tmp_path) -> None:
    print()
    for path in sorted(FLOWS.glob("*.toml")):
        lint_file(path)
        times = _timed(lambda p=path: lint_file(p), 50)
        print(f"lint {path.name:22} {len(path.read_text('utf-8').splitlines()):4} lines: "
              f"median {statistics.median(times):6.2f} ms, max {max(times):6.2f} ms")
    for menus in (40, 200):
        big = _big_flow(tmp_path, menus)
        flow, findings = lint_file(big)
        assert flow is not None and findings == []
        times = _timed(lambda b=big: lint_file(b), 10)
        print(f"lint synthetic {menus * 5 + 1:5} nodes, "
              f"{len(big.read_text('utf-8').splitlines()):5} lines: "
              f"median {statistics.median(times):7.2f} ms, max {max(times):7.2f} ms")


def test_interpreter_speed_and_memory() -> None:
    flow, _ = lint_file(FLOWS / "hotline-10000.toml")
    calls = 20_000
    t0 = time.perf_counter()
    events = 0
    for i in range(calls):
        s = flow.start(f"138{i:08d}", i % 4)
        actions = s.begin()
        actions = s.feed(PlayDone(actions[0].token))
        for key in ("1", "1", "1"):
            actions = s.feed(Key(key))
        lookup = next((a for a in actions if isinstance(a, Lookup)), None)
        if lookup:
            actions = s.feed(LookupResult(lookup.token, "ok", {"balance": "1.00"}))
            play = next(a for a in actions if isinstance(a, Play))
            s.feed(PlayDone(play.token))
            s.feed(Key("0"))
        events += 7
    elapsed = time.perf_counter() - t0
    print(f"\ninterpreter: {calls} calls, {events} events in {elapsed:.2f} s: "
          f"{events / elapsed:,.0f} events/s, {elapsed / calls * 1e6:.0f} µs a call")

    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    sessions = []
    for i in range(2_000):
        s = flow.start(f"138{i:08d}", 0)
        a = s.begin()
        s.feed(PlayDone(a[0].token))
        s.feed(Key("1"))
        sessions.append(s)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    size = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    print(f"interpreter: {size / len(sessions):,.0f} bytes a live session (at the main menu)")
