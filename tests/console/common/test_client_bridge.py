"""The client bridge: a broken client cannot kill the GUI, and deltas coalesce into frames."""

from __future__ import annotations

from fakes import FakeClient

from console.common.link import ClientBridge


def test_bridge_survives_a_client_that_raises_while_processing(qtbot) -> None:
    class Broken(FakeClient):
        calls = 0

        def process(self) -> None:
            Broken.calls += 1
            raise RuntimeError("malformed frame")

    bridge = ClientBridge(Broken(), frame_ms=10, poll_ms=5)
    bridge.start()
    qtbot.waitUntil(lambda: Broken.calls >= 3)  # kept polling; nothing escaped to Qt
    bridge.stop()


def test_bridge_coalesces_many_deltas_into_one_frame(qtbot) -> None:
    client = FakeClient()
    bridge = ClientBridge(client, frame_ms=50, poll_ms=5)
    frames: list[set[str]] = []
    bridge.changed.connect(frames.append)
    bridge.start()
    for i in range(1000):
        client.push(f"agent/{i % 100}", {"state": "ready", "n": i})
    qtbot.waitUntil(lambda: bool(frames))
    assert len(frames) == 1 and len(frames[0]) == 100
