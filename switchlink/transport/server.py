"""The daemon's sockets: Clone-pattern state publication, heartbeats and the command endpoint.

One thread runs :meth:`Server.run`: it reads the adapter, applies events to the floor,
publishes batches of sequenced deltas on PUB, heartbeats every second and answers
commands (and snapshots) on ROUTER. PUB has a bounded send queue: a slow subscriber
simply loses messages, sees the gap and asks for a new snapshot.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import zmq

from models.events import Event
from switchlink.adapters.base import SwitchAdapter
from switchlink.adapters.errors import AdapterError
from switchlink.engine.analytics import LiveAnalytics, TransitionSink
from switchlink.engine.state import Change, FloorState
from switchlink.metrics import MetricsConfig
from switchlink.services.alarms import SERVICE_KEY as ALARMS
from switchlink.services.alarms import RuleStore
from switchlink.services.users.auth import AuditLog, Authenticator
from switchlink.services.users.refusals import RefusalAudit
from switchlink.transport import protocol as proto
from switchlink.transport.admission import (
    PUBLISH_DOMAIN,
    SubscriberGate,
    start_admission_authenticator,
)
from switchlink.transport.command_endpoint import CommandEndpoint
from switchlink.transport.keys import (
    AllowListWatch,
    KeySet,
    allowed_key_texts,
    make_curve_server,
)
from switchlink.transport.replay import SeenRequests
from switchlink.transport.slow_commands import SlowCommands

log = logging.getLogger(__name__)

HEARTBEAT_S = 1.0
#: metrics published and alarm rules evaluated this often (wall seconds)
ANALYTICS_TICK_S = 0.5
#: changes per PUB message at most
BATCH_MAX = 1000
#: bytes per PUB message at most (a batch over it is split): with PUB_HWM this bounds what
#: one frozen subscriber can hold in the daemon to PUB_HWM x PUB_MSG_MAX_BYTES (2 MiB), and
#: admission.MAX_SUBSCRIBERS of them 128 MiB
PUB_MSG_MAX_BYTES = 64 * 1024
#: PUB messages queued per subscriber before zmq drops (slow-subscriber bound)
PUB_HWM = 32
#: replies queued per command connection before zmq drops them (a client that never reads)
ROUTER_SNDHWM = 64
#: young-generation allocations between collections in a serving daemon
GC_GEN0_THRESHOLD = 50_000

#: ``processor(events, floor) -> changes``: metrics, alarms ... hook in here
Processor = Callable[[list[Event], FloorState], list[Change]]
#: called on the loop every analytics tick with the switch time (the maintenance sweep …)
Ticker = Callable[[float], list[Change]]


def tune_gc_for_serving() -> None:
    """Make the collector fit a daemon: a large floor built once, short-lived event batches.

    Freezing what start-up built stops every collection from rescanning it, and a larger
    young generation collects the batches less often (the default thresholds cost about
    3 µs per event here; see docs/protocol.md). Called by the process that owns the server,
    never by a library or a test that shares its interpreter.
    """
    gc.collect()
    gc.freeze()
    gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(max(gen0, GC_GEN0_THRESHOLD), gen1, gen2)


class ServerError(Exception):
    """The daemon cannot start: one clear line for the user."""


class Server(CommandEndpoint):
    """Serve one adapter's floor on ``endpoint`` (ROUTER) and its PUB twin (port + 1)."""

    def __init__(
        self,
        adapter: SwitchAdapter,
        *,
        endpoint: str,
        keys: KeySet,
        authenticator: Authenticator,
        audit: AuditLog,
        curve: bool = True,
        context: zmq.Context | None = None,
        info: dict[str, Any] | None = None,
        pub_hwm: int = PUB_HWM,
        rule_store: RuleStore | None = None,
        on_alarm_transitions: TransitionSink | None = None,
        services: dict[str, Any] | None = None,
        analytics: bool = True,
        metrics_config: MetricsConfig | None = None,
    ) -> None:
        if not curve and not proto.is_loopback(endpoint):
            raise ServerError(
                f"refusing to listen on {endpoint} without CURVE: only loopback addresses may "
                "run unencrypted"
            )
        self.adapter = adapter
        self.endpoint = endpoint
        self.pub_endpoint = proto.pub_endpoint(endpoint)
        self.keys = keys
        self.curve = curve
        self.auth = authenticator
        self.audit = audit
        self.ctx = context or zmq.Context.instance()
        self.info = dict(info or {})
        self.pub_hwm = pub_hwm
        self.epoch = uuid.uuid4().hex[:12]
        self.sequence = 0
        self.processors: list[Processor] = []
        self.tickers: list[Ticker] = []
        self.floor: FloorState | None = None
        self.started_at = time.time()
        #: ids of state-changing requests inside the replay window (transport/replay.py)
        self.seen = SeenRequests()
        #: Z85 client keys allowed right now; commands from any other key are dropped
        self._allowed_keys: frozenset[str] | None = None
        #: refusals reach the audit trail rate-limited per user / key
        self.refusals = RefusalAudit(audit.record)
        #: login, passwd, history …: run on workers, replies sent by this loop
        self.slow = SlowCommands(self._execute)
        self._next_refusal_flush = 0.0
        self._stop = threading.Event()
        self._zap = None
        #: which PUB connections are served (CURVE only; transport/admission.py)
        self.subscribers = SubscriberGate()
        self._allow_watch: AllowListWatch | None = None
        self.router: zmq.Socket | None = None
        self.pub: zmq.Socket | None = None
        self.events_in = 0
        #: the time of the last event applied while the adapter still held more (None: caught
        #: up); the metrics measure waits to it, not to a switch clock running ahead
        self._behind_t: float | None = None
        self.link_ok = True
        self.rule_store = rule_store
        self.on_alarm_transitions = on_alarm_transitions
        #: handed to every command's Context (``alarms``, ``db`` …)
        self.services: dict[str, Any] = dict(services or {})
        self.with_analytics = analytics
        self.metrics_config = metrics_config
        self.analytics: LiveAnalytics | None = None

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the adapter, build the floor, bind the sockets; :class:`ServerError` on failure."""
        try:
            inventory = self.adapter.start()
        except AdapterError as exc:
            raise ServerError(f"adapter {self.adapter.name!r} could not start: {exc}") from None
        self.info.update(
            adapter=self.adapter.name, epoch=self.epoch, started_at=self.started_at,
            protocol=proto.PROTOCOL_VERSION,
        )
        self.floor = FloorState(inventory, self._info_value())
        if self.with_analytics:
            self.analytics = LiveAnalytics(
                inventory,
                self._applied_time,
                rule_store=self.rule_store,
                on_transitions=self.on_alarm_transitions,
                config=self.metrics_config,
            )
            self.analytics.initial(self.floor)
            self.processors.append(self.analytics.on_events)
            self.services[ALARMS] = self.analytics.alarms
            self.services["ivr_live"] = self.analytics.ivr  # services/ivr.py
        try:
            self._bind()
        except ServerError:
            self.adapter.shutdown()
            raise
        log.info("switchlink serving on %s (PUB %s), epoch %s, curve %s",
                 self.endpoint, self.pub_endpoint, self.epoch, "on" if self.curve else "OFF")

    def _bind(self) -> None:
        if self.curve:
            self._zap = start_admission_authenticator(self.ctx, self.keys.authorized_dir,
                                                      self.subscribers)
            self._allow_watch = AllowListWatch(self._zap, self.keys.authorized_dir)
            self._allowed_keys = allowed_key_texts(self.keys.authorized_dir)
        self.router = self.ctx.socket(zmq.ROUTER)
        # with CURVE an XPUB in manual mode: the gate decides which connections are served
        self.pub = self.ctx.socket(zmq.XPUB if self.curve else zmq.PUB)
        if self.curve:
            self.pub.setsockopt(zmq.XPUB_MANUAL, 1)
            self.pub.zap_domain = PUBLISH_DOMAIN.encode()
        for sock in (self.router, self.pub):
            sock.linger = 0
            if self.curve:
                make_curve_server(sock, self.keys)
        self.router.maxmsgsize = proto.SOCKET_MAX_MSG_BYTES
        self.router.sndhwm = ROUTER_SNDHWM
        self.pub.sndhwm = self.pub_hwm
        for sock, ep in ((self.router, self.endpoint), (self.pub, self.pub_endpoint)):
            try:
                sock.bind(ep)
            except zmq.ZMQError as exc:
                self.close()
                why = "the address is already in use" if exc.errno == errno.EADDRINUSE else exc
                raise ServerError(f"cannot listen on {ep}: {why}") from None

    def stop(self) -> None:
        """Ask :meth:`run` to return (safe from a signal handler or another thread)."""
        self._stop.set()

    def close(self) -> None:
        for sock in (self.router, self.pub):
            if sock is not None:
                sock.close(linger=0)
        self.router = self.pub = None
        if self._zap is not None:
            self._zap.stop()
            self._zap = None
            self._allow_watch = None

    def shutdown(self) -> None:
        self.slow.close()
        self.refusals.flush(force=True)
        self.close()
        self.adapter.shutdown()

    # --- main loop ----------------------------------------------------------------------

    def run(self) -> None:
        """Serve until :meth:`stop`; returns after closing nothing (call :meth:`shutdown`)."""
        assert self.router is not None and self.floor is not None
        poller = zmq.Poller()
        poller.register(self.router, zmq.POLLIN)
        if self.curve:
            assert self.pub is not None
            poller.register(self.pub, zmq.POLLIN)  # subscriptions, for the gate
        next_beat = next_tick = 0.0
        next_expire = time.monotonic() + 10.0
        busy = False
        while not self._stop.is_set():
            if poller.poll(0 if busy else 5):
                self._drain_commands()
                if self.curve and self.pub is not None:
                    self.subscribers.drain(self.pub)
            busy = self._pump_adapter()
            now = time.monotonic()
            self._finish_slow_commands(now)
            if now >= next_beat:
                next_beat = now + HEARTBEAT_S
                self._heartbeat()
                watch = self._allow_watch  # picks up consoles allowed by `ctl keys allow`
                if watch is not None and watch.check():
                    self._on_allow_list_changed()
            if now >= next_tick:
                next_tick = now + ANALYTICS_TICK_S
                if self.analytics is not None:
                    self._tick_analytics()
                self._tick_services()
            if now >= next_expire:
                next_expire = now + 10.0
                self._publish(self.floor.expire(self._switch_time()))

    def run_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="switchlink-server", daemon=True)
        thread.start()
        return thread

    def _switch_time(self) -> float:
        try:
            return self.adapter.now()
        except Exception:
            return time.time()

    def _applied_time(self) -> float:
        """The analytics' clock: the switch's, unless events up to it are still unapplied (a
        burst the daemon is working through); then the last applied event's time. Measured
        to the switch clock, every call answered in the unapplied backlog still waited, and
        the longest wait read minutes on queues with agents ready."""
        now = self._switch_time()
        return now if self._behind_t is None else min(now, self._behind_t)

    def _pump_adapter(self, max_events: int = 5000) -> bool:
        assert self.floor is not None
        try:
            events = self.adapter.poll(0.0, max_events)
            if not self.link_ok:
                log.info("adapter link is back")
                self._set_link(True)
        except AdapterError as exc:
            if self.link_ok:
                log.error("adapter poll failed: %s", exc)
                self._set_link(False)
            return False
        if not events:
            self._behind_t = None
            return False
        # a full batch: the adapter may hold more, so the floor is only as new as its last event
        self._behind_t = events[-1].t if len(events) >= max_events else None
        changes: list[Change] = []
        apply = self.floor.apply
        for event in events:
            try:
                changes += apply(event)
            except Exception:  # a vendor's odd event must not stop the floor
                log.exception("could not apply %r", event)
        for processor in self.processors:
            try:
                changes += processor(events, self.floor)
            except Exception:
                log.exception("processor %r failed", processor)
        self._publish(changes)
        self.events_in += len(events)  # after publishing: readers see applied + published
        return len(events) >= max_events // 2

    def _set_link(self, up: bool) -> None:
        self.link_ok = up
        if self.analytics is not None:
            self.analytics.set_adapter_link(up, self._switch_time())

    def _tick_services(self) -> None:
        now = self._switch_time()
        for ticker in self.tickers:
            try:
                self._publish(ticker(now))
            except Exception:  # a service's bug must cost one tick, never the floor
                log.exception("ticker %r failed", ticker)

    def _tick_analytics(self) -> None:
        assert self.analytics is not None and self.floor is not None
        try:
            self._publish(self.analytics.tick(self.floor))
        except Exception:  # a metrics bug must cost one tick, never the floor
            log.exception("metrics / alarms tick failed")

    def publish(self, changes: list[Change]) -> None:
        """Publish changes another service already applied to :attr:`floor` (same thread)."""
        self._publish(changes)

    def _publish(self, changes: list[Change]) -> None:
        if not changes or self.pub is None:
            return
        for i in range(0, len(changes), BATCH_MAX):
            self._publish_chunk(changes[i : i + BATCH_MAX])

    def _publish_chunk(self, chunk: list[Change]) -> None:
        """One PUB message, or halves of it while it is over :data:`PUB_MSG_MAX_BYTES`."""
        assert self.pub is not None
        first = self.sequence + 1
        frames = proto.encode_deltas(self.epoch, first, first + len(chunk) - 1, chunk)
        if len(frames[1]) > PUB_MSG_MAX_BYTES and len(chunk) > 1:
            half = len(chunk) // 2
            self._publish_chunk(chunk[:half])
            self._publish_chunk(chunk[half:])
            return
        self.sequence += len(chunk)
        # PUB never blocks: a subscriber that is behind misses it and sees the gap
        with contextlib.suppress(zmq.Again):
            self.pub.send_multipart(frames, flags=zmq.NOBLOCK, copy=False)

    def _on_allow_list_changed(self) -> None:
        """A key left the allow-list: its commands are dropped from now on, and every
        subscriber is disconnected so that each must pass ZAP again — the revoked key fails,
        the others reconnect within a second and resync (PUB cannot drop one peer)."""
        allowed = allowed_key_texts(self.keys.authorized_dir)
        revoked = (self._allowed_keys or frozenset()) - allowed
        self._allowed_keys = allowed
        if revoked and self.pub is not None:
            log.warning("%d client key(s) revoked: their commands are refused, subscribers "
                        "reconnect through the allow-list", len(revoked))
            self._rebind_pub()

    def _rebind_pub(self) -> None:
        assert self.pub is not None
        self.pub.unbind(self.pub_endpoint)  # ends the connections accepted through it
        for _ in range(50):  # libzmq closes the old listener asynchronously
            try:
                self.pub.bind(self.pub_endpoint)
                return
            except zmq.ZMQError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
                time.sleep(0.02)
        log.error("could not listen on %s again after revoking a key", self.pub_endpoint)

    def _heartbeat(self) -> None:
        assert self.floor is not None and self.pub is not None
        self.floor.set("daemon/info", self._info_value())
        self._publish([("daemon/info", self.floor.get("daemon/info"))])
        self.pub.send_multipart(proto.encode_heartbeat(self.epoch, self.sequence))

    def _info_value(self) -> dict[str, Any]:
        link = "up" if self.link_ok else "down"
        return dict(self.info, switch_time=self._switch_time(), link=link)

    def status(self) -> dict[str, Any]:
        assert self.floor is not None
        return {
            "epoch": self.epoch,
            "sequence": self.sequence,
            "adapter": self.adapter.name,
            "link": "up" if self.link_ok else "down",
            "uptime_s": round(time.time() - self.started_at, 1),
            "events": self.events_in,
            "counts": self.floor.counts(),
            "protocol": proto.PROTOCOL_VERSION,
            "curve": self.curve,
        }
