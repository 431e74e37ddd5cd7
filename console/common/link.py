"""Bridge from the Qt-free switchlink client to Qt: socket readiness in, coalesced frames out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

log = logging.getLogger(__name__)

#: At most this many screen updates a second, however fast events arrive (≤ 10 Hz).
FRAME_MS = 100
#: Safety poll: the zmq FD is edge-triggered, so drain on a timer as well as on readiness.
POLL_MS = 50


class MirrorLike(Protocol):
    """The read side of the client's key/value mirror."""

    def get(self, key: str) -> dict[str, Any] | None: ...

    def items(self, prefix: str) -> dict[str, dict[str, Any]]: ...


class ClientLike(Protocol):
    """What the console uses of ``switchlink.client.SwitchlinkClient``."""

    mirror: MirrorLike
    link_status: str
    link_since: float

    def sockets(self) -> list[Any]: ...

    def process(self) -> None: ...

    def on_change(self, cb: Callable[[set[str]], None]) -> None: ...

    def on_link(self, cb: Callable[..., None]) -> None: ...

    def on_resync(self, cb: Callable[..., None]) -> None: ...

    def command(
        self,
        name: str,
        args: dict[str, Any],
        *,
        on_success: Callable[..., None] | None = None,
        on_failure: Callable[..., None] | None = None,
        timeout: float | None = None,
    ) -> str: ...


class ClientBridge(QObject):
    """Drives ``client.process()`` from the GUI thread and paints at a fixed rate.

    The client calls back on every delta; the bridge only collects the changed keys and
    emits them once per frame, so a burst of thousands of events costs one model update.
    """

    #: keys changed since the previous frame (``set[str]``)
    changed = Signal(object)
    #: link status text ("connecting" | "live" | "lost") and since when (epoch s)
    link_changed = Signal(str, float)
    #: the mirror was replaced by a fresh snapshot: views rebuild from scratch
    resynced = Signal()

    def __init__(
        self,
        client: ClientLike,
        *,
        frame_ms: int = FRAME_MS,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self._dirty: set[str] = set()
        self._resync = False
        self._link: tuple[str, float] | None = None
        self._notifiers: list[QSocketNotifier] = []
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.drain)
        self._frame = QTimer(self, interval=frame_ms)
        self._frame.timeout.connect(self.flush)
        #: wall time of the last frame that carried changes (for latency probes)
        self.last_flush = 0.0

    @property
    def mirror(self) -> MirrorLike:
        return self.client.mirror

    def start(self) -> None:
        """Register the callbacks, watch the sockets and drain once (edge-triggered FD)."""
        self.client.on_change(self._on_change)
        self.client.on_link(self._on_link)
        self.client.on_resync(self._on_resync)
        self._watch(self.client.sockets())
        self._poll.start()
        self._frame.start()
        self.drain()
        self._link = (str(self.client.link_status), float(self.client.link_since))
        self.link_changed.emit(*self._link)

    def stop(self) -> None:
        self._poll.stop()
        self._frame.stop()
        for notifier in self._notifiers:
            notifier.setEnabled(False)
        self._notifiers.clear()

    def _watch(self, sockets: Iterable[Any]) -> None:
        import zmq  # only the real client has sockets; the fake has none

        for sock in sockets:
            notifier = QSocketNotifier(sock.getsockopt(zmq.FD), QSocketNotifier.Type.Read, self)
            notifier.activated.connect(self.drain)
            self._notifiers.append(notifier)

    def drain(self, *_: object) -> None:
        """Let the client read everything pending; a client bug must not kill the GUI."""
        try:
            self.client.process()
        except Exception:  # the console keeps showing (stale) data rather than dying
            log.exception("switchlink client failed while processing input")

    def _on_change(self, keys: set[str]) -> None:
        self._dirty |= keys

    def _on_resync(self, *_: object) -> None:
        self._resync = True

    def _on_link(self, *args: object) -> None:
        status = str(args[0]) if args else str(self.client.link_status)
        since = float(self.client.link_since or time.time())
        if self._link != (status, since):
            self._link = (status, since)
            self.link_changed.emit(status, since)

    def flush(self) -> None:
        """Emit one frame: a resync (full rebuild) or the set of changed keys."""
        if self._resync:
            self._resync = False
            self._dirty.clear()
            self.last_flush = time.time()
            self.resynced.emit()
            return
        if self._dirty:
            keys, self._dirty = self._dirty, set()
            self.last_flush = time.time()
            self.changed.emit(keys)
