"""Benchmark: the wall-board under 5,000 agents, 200 queues and 5,000 events/s (offscreen).

Prints event-to-screen latency (push into the client mirror -> first paint of the board
after the frame carrying it), the longest GUI-thread stall and resident memory. Targets:
p95 <= 300 ms, stall <= 100 ms, RSS <= 400 MB. ``CALLFLOOR_BENCH_SECONDS`` shortens the run.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "console"))

from fakes import FakeClient, sample_floor

N_AGENTS, N_QUEUES, RATE = 5_000, 200, 5_000
TICK_MS = 10
STATES = ("ready", "not_ready", "ringing", "talking", "on_hold", "after_call_work")


class TimedClient(FakeClient):
    """Stamps each delta when pushed, and hands the stamps on when ``process()`` applies them."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []
        self.applied: list[float] = []

    def push(self, key: str, value: dict[str, Any] | None) -> None:
        super().push(key, value)
        self.stamps.append(time.perf_counter())

    def process(self) -> None:
        stamps, self.stamps = self.stamps, []
        super().process()
        self.applied.extend(stamps)


def _rss_mb() -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text()
                  .splitlines() if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


@pytest.mark.perf
def test_console_under_5000_agents_200_queues_5000_events_per_second(qtbot, qapp,
                                                                   tmp_path: Path) -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

    from console.common.link import ClientBridge
    from console.common.preferences import Preferences
    from console.shell.themes import apply_theme
    from console.shell.window import MainWindow

    seconds = float(os.environ.get("CALLFLOOR_BENCH_SECONDS", "60"))
    rng = random.Random(42)
    client = TimedClient()
    client.load(sample_floor(agents=N_AGENTS, queues=N_QUEUES, seed=42))
    client.set_link("live")
    apply_theme(qapp, "dark")
    settings = QSettings(str(tmp_path / "bench.ini"), QSettings.Format.IniFormat)
    bridge = ClientBridge(client)
    win = MainWindow(bridge, Preferences(settings))
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen, timeout=10_000)

    agents = [f"{1001 + i}" for i in range(N_AGENTS)]
    queues = [f"q{i:03d}" for i in range(N_QUEUES)]
    awaiting: list[float] = []
    latencies: list[float] = []
    gaps: list[float] = []

    def frame_applied(_keys: object) -> None:  # runs after the window applied the frame
        awaiting.extend(client.applied)
        client.applied.clear()

    bridge.changed.connect(frame_applied)

    class PaintProbe(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and awaiting:
                now = time.perf_counter()
                latencies.extend(now - t for t in awaiting)
                awaiting.clear()
            return False

    probe = PaintProbe()
    board = win.screens["wallboard"]
    for viewport in (board.agents.view.viewport(), board.queue_table.viewport()):
        viewport.installEventFilter(probe)

    sent = 0
    start = time.perf_counter()

    def generate() -> None:
        """Catch up to RATE x elapsed time, so a slow GUI cannot lower the offered load."""
        nonlocal sent
        t = time.time()
        due = int((time.perf_counter() - start) * RATE) - sent
        for _ in range(max(0, due)):
            r = rng.random()
            if r < 0.9:
                wn = agents[rng.randrange(N_AGENTS)]
                rec = dict(client.mirror.get("agent/" + wn) or {})
                rec.update(state=STATES[rng.randrange(len(STATES))], state_since=t)
                client.push("agent/" + wn, rec)
            elif r < 0.995:
                qid = queues[rng.randrange(N_QUEUES)]
                rec = dict(client.mirror.get("metrics/queue/" + qid) or {})
                rec.update(waiting=rng.randrange(30), longest_wait_s=rng.uniform(0, 120))
                client.push("metrics/queue/" + qid, rec)
            else:
                rec = dict(client.mirror.get("metrics/center") or {})
                rec.update(waiting=rng.randrange(200), at=t)
                client.push("metrics/center", rec)
            sent += 1

    last_beat = [time.perf_counter(), time.thread_time()]
    cpu_gaps: list[float] = []

    def beat() -> None:
        """Wall gap between ticks, and the GUI thread's own CPU time inside that gap (a gap
        much longer than its CPU time means the machine, not the console, held the thread)."""
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append(now - last_beat[0])
        cpu_gaps.append(cpu - last_beat[1])
        last_beat[0], last_beat[1] = now, cpu

    heart = QTimer(interval=TICK_MS)
    heart.timeout.connect(beat)
    gen = QTimer(interval=TICK_MS)
    gen.timeout.connect(generate)
    import gc

    gc_pauses: list[tuple[int, float]] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            on_gc.t = time.perf_counter()  # type: ignore[attr-defined]
        else:
            gc_pauses.append((info["generation"], time.perf_counter() - on_gc.t))  # type: ignore[attr-defined]

    gc.callbacks.append(on_gc)
    start = time.perf_counter()
    gen.start()
    heart.start()
    qtbot.waitUntil(lambda: time.perf_counter() - start >= seconds, timeout=int(
        (seconds + 30) * 1000))
    gen.stop()
    heart.stop()
    gc.callbacks.remove(on_gc)
    gen2 = [p for g, p in gc_pauses if g == 2]
    elapsed = time.perf_counter() - start
    rss, peak = _rss_mb()

    latencies.sort()
    gaps_sorted = sorted(gaps)

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(p * len(values)))] * 1000 if values else float("nan")

    stall = (max(gaps) * 1000 - TICK_MS) if gaps else float("nan")
    worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-3:]
    cpu_stall = max(cpu_gaps) * 1000 if cpu_gaps else float("nan")
    print(f"\nconsole load: {N_AGENTS} agents, {N_QUEUES} queues, "
          f"{sent / elapsed:,.0f} events/s for {elapsed:.0f} s ({sent:,} events)")
    print(f"  event-to-screen latency: p50 {pct(latencies, 0.5):.0f} ms, "
          f"p95 {pct(latencies, 0.95):.0f} ms, p99 {pct(latencies, 0.99):.0f} ms "
          f"({len(latencies):,} measured; target p95 <= 300 ms)")
    print(f"  GUI thread: longest stall {stall:.0f} ms beyond the {TICK_MS} ms tick, "
          f"p99 gap {pct(gaps_sorted, 0.99):.0f} ms (target stall <= 100 ms)")
    print(f"  GUI thread CPU inside one gap: max {cpu_stall:.0f} ms; worst gaps (wall/cpu ms): "
          + ", ".join(f"{gaps[i] * 1000:.0f}/{cpu_gaps[i] * 1000:.0f}" for i in reversed(worst))
          + f"; machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    longest_gc = max((p for _, p in gc_pauses), default=0.0)
    print(f"  garbage collector: {len(gc_pauses)} runs, longest {longest_gc * 1000:.0f} ms; "
          f"{len(gen2)} full (gen 2), longest {max(gen2, default=0) * 1000:.0f} ms")
    print(f"  resident memory: {rss:.0f} MB now, {peak:.0f} MB peak (target <= 400 MB)")
    print(f"  chart redraws: {board.charts.redraws}")
    assert latencies, "no frame was ever painted: the probe measured nothing"
