"""``main.py switchlink``: the headless daemon's entry point (flags, logging, signals)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from switchlink.config import ConfigError, DaemonConfig, resolve, speed_flag

log = logging.getLogger("switchlink")
#: who started us, read as early as possible: a console killed while this daemon was still
#: starting would otherwise be missed (the orphan's new parent would be taken for the console)
STARTED_BY = os.getppid()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Every flag defaults to None so a ``--config`` file can supply it."""
    parser.add_argument("--adapter", help="switch adapter by name (default: loopback)")
    parser.add_argument("--scenario", help="emulator scenario (loopback adapter)")
    parser.add_argument("--speed", type=speed_flag, help="emulator time multiplier, or 'fast'")
    parser.add_argument(
        "--endpoint", help="command endpoint; PUB is on port + 1 (default tcp://127.0.0.1:7600)"
    )
    parser.add_argument("--config", metavar="FILE", help="TOML settings; flags override them")
    parser.add_argument(
        "--no-curve", dest="curve", action="store_const", const=False, default=None,
        help="no encryption (refused on any address but loopback)",
    )
    parser.add_argument("--config-dir", help="keys and settings (default: user config dir)")
    parser.add_argument(
        "--data-dir", help="sessions and the default database (default: user data dir)"
    )
    parser.add_argument(
        "--db", metavar="URL",
        help="database for users, audit trail and history: sqlite:///PATH or "
        "postgresql://USER@HOST:PORT/DB (default: callfloor.sqlite3 in the data dir)",
    )
    parser.add_argument("--log-level", help="debug, info, warning or error (default info)")
    parser.add_argument(
        "--sl-definition",
        help="service level: offered (default), answered, abandon_in_sl_good or all_offered "
        "(docs/metrics.md)",
    )
    parser.add_argument(
        "--short-abandon-s", type=float, metavar="S",
        help="abandons quicker than S seconds leave the service level (default 5)",
    )
    parser.add_argument(
        "--sweep-at", metavar="HH:MM",
        help="nightly loopback sweep of idle channels, switch clock (default 02:00; 'off')",
    )
    parser.add_argument(
        "--exit-with-parent", action="store_true", default=None,
        help="stop when the process that started this one exits (an embedded daemon)",
    )
    parser.add_argument(
        "--local-session-file", metavar="PATH",
        help="write an admin session token (0600) here for a console on this machine",
    )


def _fail(message: str, code: int = 1) -> int:
    print(f"switchlink: error: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    try:
        cfg = resolve(args)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    logging.basicConfig(
        stream=sys.stderr,
        level=cfg.log_level.upper(),
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
    )
    if cfg.log_level.upper() != "DEBUG":
        # Alembic's INFO lines (plugins, context, steps) buried the one line that mattered;
        # models.persistence.database says in one line when a migration changed anything
        logging.getLogger("alembic").setLevel(logging.WARNING)
    return serve(cfg)


def serve(cfg: DaemonConfig) -> int:
    """Start everything, serve until SIGINT / SIGTERM, shut down cleanly."""
    from models.persistence.database import DatabaseConfigError
    from switchlink.adapters.errors import AdapterError, AdapterNotFound, InvalidArgument
    from switchlink.adapters.registry import create_adapter
    from switchlink.metrics import MetricsConfig, SlDefinition
    from switchlink.services.history import SERVICE_KEY as DB
    from switchlink.services.maintenance import SERVICE_KEY as MAINTENANCE
    from switchlink.services.maintenance import MaintenanceDesk
    from switchlink.services.supervision import config_services
    from switchlink.services.users.auth import Authenticator
    from switchlink.storage.alarm_store import DbRuleStore, alarm_log_sink
    from switchlink.storage.audit_log import BatchedAuditLog
    from switchlink.storage.call_history import stored_calls
    from switchlink.storage.history_feed import HistoryFeed, history_writer
    from switchlink.storage.user_store import (
        DbUserStore,
        ensure_admin,
        first_run_notice,
    )
    from switchlink.transport import protocol as proto
    from switchlink.transport.keys import data_dir, ensure_keys
    from switchlink.transport.server import Server, ServerError, tune_gc_for_serving

    try:
        proto.pub_endpoint(cfg.endpoint)
    except ValueError as exc:
        return _fail(str(exc), 2)
    if not cfg.curve and not proto.is_loopback(cfg.endpoint):
        return _fail(f"refusing to listen on {cfg.endpoint} without CURVE (loopback only)", 2)
    try:
        keys = ensure_keys(Path(cfg.config_dir) if cfg.config_dir else None)
    except OSError as exc:
        return _fail(f"cannot create or read the keys: {exc}")
    data = Path(cfg.data_dir) if cfg.data_dir else data_dir()
    try:
        private_dir(data)
    except OSError as exc:
        return _fail(f"cannot create the data directory {data}: {exc.strerror}")
    from switchlink.services.dunning.setup import load_dunning_settings
    from switchlink.transport.keys import config_dir as default_config_dir

    try:  # dunning.toml beside the keys (docs/dunning.md): a mistake there is a usage error
        dunning_cfg = load_dunning_settings(
            Path(cfg.config_dir) if cfg.config_dir else default_config_dir())
    except ValueError as exc:
        return _fail(str(exc), 2)
    url = cfg.db or default_db_url(data)
    try:
        db = open_migrated(url)
    except DatabaseConfigError as exc:  # a mistyped --db is a usage error
        return _fail(str(exc), 2)
    except Exception as exc:  # driver, server or migration problems: one line
        log.debug("database failed", exc_info=True)
        return _fail(_one_line(exc))
    users = DbUserStore(db)
    # an embedded daemon (a console's) keeps sessions in memory only: every token it hands
    # out, the console's admin session included, dies with it, kill -9 or not
    embedded = bool(cfg.local_session_file)
    authenticator = Authenticator(
        users, sessions_path=None if embedded else data / "sessions.json",
        idle_s=float(cfg.session_idle_minutes) * 60)

    options = dict(cfg.adapter_options or {})
    if cfg.scenario is not None:
        options["scenario"] = cfg.scenario
    if cfg.speed is not None:
        options["speed"] = cfg.speed
    try:
        adapter = create_adapter(cfg.adapter, **options)
    except (AdapterNotFound, InvalidArgument) as exc:  # unknown adapter, bad scenario
        db.close()
        return _fail(str(exc), 2)
    except AdapterError as exc:
        db.close()
        return _fail(str(exc))
    except TypeError as exc:
        db.close()
        return _fail(f"adapter {cfg.adapter!r} does not take these options: {exc}")
    from switchlink.services.complaints import ComplaintDesk, load_site_settings
    from switchlink.transport.keys import config_dir

    site_dir = Path(cfg.config_dir) if cfg.config_dir else config_dir()
    try:  # a site's complaints.toml with a mistake: named, and nothing started
        complaint_settings = load_site_settings(site_dir / "complaints.toml")
    except ValueError as exc:
        db.close()
        return _fail(str(exc), 2)
    writer = history_writer(db)
    adapter.continue_history(stored_calls(db))  # the emulator continues its day, no repeat
    from switchlink.storage.blacklist_store import open_blacklist

    blacklist = open_blacklist(db, adapter)  # screens every arriving call (docs/blacklist.md)
    info = {"scenario": cfg.scenario, "speed": cfg.speed, "db": db.describe()}
    server = Server(
        adapter, endpoint=cfg.endpoint, keys=keys, authenticator=authenticator,
        audit=(audit_log := BatchedAuditLog(db)), curve=cfg.curve, info=info,
        rule_store=DbRuleStore(db),
        metrics_config=MetricsConfig(
            short_abandon_s=float(cfg.short_abandon_s),
            sl_definition=SlDefinition(cfg.sl_definition),
        ),
        on_alarm_transitions=alarm_log_sink(writer),
        services={DB: db, "blacklist": blacklist, **config_services(cfg.not_ready_reasons)},
    )
    try:
        server.start()
    except ServerError as exc:
        _close_history(writer, db)
        return _fail(str(exc))
    except Exception as exc:  # an adapter's own failure to start: one line, not a traceback
        log.debug("start failed", exc_info=True)
        _close_history(writer, db)
        return _fail(f"adapter {cfg.adapter!r} could not start: {exc}")
    assert server.floor is not None
    server.processors.append(blacklist.on_events)  # before history: counts, expiries
    # the maintenance desk records test results itself: it knows who started each one
    server.processors.append(HistoryFeed.for_floor(writer, server.floor, record_tests=False))
    desk = MaintenanceDesk(adapter, server.floor, record=writer.submit, sweep_at=cfg.sweep_at)
    server.services[MAINTENANCE] = desk
    server.processors.append(desk.on_events)
    server.tickers.append(desk.tick)
    complaints = ComplaintDesk(db, complaint_settings, adapter.now, floor=server.floor,
                               alarms=server.services.get("alarms"))  # issue 16
    server.services["complaints"] = complaints
    server.tickers.append(complaints.tick)  # deadline warnings and spikes on the wall
    if server.analytics is not None:  # the half-hourly forecast, read off the loop
        from switchlink.storage.workforce_store import ForecastFeed

        server.tickers.append(ForecastFeed(db, server.analytics.staffing).tick)
    from switchlink.services.dunning.setup import attach as attach_dunning

    attach_dunning(server, adapter, db, blacklist, dunning_cfg)  # the dialer (issue 17)
    from switchlink.services.reports.desk import SERVICE_KEY as REPORTS
    from switchlink.services.reports.desk import ReportDesk

    reports = ReportDesk(db, server.floor, flush=lambda: writer.flush(30.0),
                         short_abandon_s=float(cfg.short_abandon_s))
    server.services[REPORTS] = reports  # periodic reports on the switch clock (docs/reports.md)
    server.tickers.append(reports.tick)
    tune_gc_for_serving()
    log.info("history in %s", db.describe())
    # only now that it serves: a start that fails (port taken, bad scenario) must not make an
    # admin whose one-time password nobody was shown
    password = ensure_admin(users, authenticator.hasher, os.environ.get(ADMIN_PASSWORD_ENV))
    if os.environ.get(ADMIN_PASSWORD_ENV):
        password = None  # chosen by whoever installed it: nothing to show
    if password is not None and not cfg.local_session_file:
        # standalone: the terminal of whoever started it; an embedded daemon's stderr goes to
        # a log file, so its console shows the password instead (write_local_session)
        print(first_run_notice(password), file=sys.stderr)

    from switchlink.runtime import announce, withdraw

    announced = announce(cfg.endpoint, curve=cfg.curve)  # so `ctl` finds a random port
    local_file = Path(cfg.local_session_file) if cfg.local_session_file else None
    if local_file is not None:
        admin = local_admin(users)
        if admin is not None:
            session = authenticator.open_session(admin, local=True)
            write_local_session(local_file, cfg.endpoint, session.token, admin.username,
                                first_run_password=password)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: shutting down", signal.Signals(signum).name)
        server.stop()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    if cfg.exit_with_parent:
        watch_parent(server.stop)
    try:
        server.run()
    finally:
        withdraw(announced)
        if local_file is not None:
            local_file.unlink(missing_ok=True)
        server.shutdown()
        audit_log.close()  # queued audit entries are written before the database closes
        reports.close()  # a report being generated finishes before the database closes
        _close_history(writer, db)
        log.info("switchlink stopped")
    return 0


def watch_parent(stop: Callable[[], None], interval_s: float = 1.0,
                 parent: int | None = None) -> threading.Thread:
    """Call ``stop`` once the process that started this one is gone.

    A console that is killed (or crashes) cannot stop its embedded daemon; without this the
    daemon would serve on, orphaned, holding its port. Orphans are re-parented, so a change
    of ``getppid()`` is the sign.
    """
    parent = STARTED_BY if parent is None else parent

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval_s)
        log.warning("the process that started switchlink (pid %d) is gone: shutting down", parent)
        stop()

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


#: an unattended install sets the first admin's password here instead of reading it once
ADMIN_PASSWORD_ENV = "CALLFLOOR_ADMIN_PASSWORD"


def default_db_url(data: Path) -> str:
    """The SQLite file in the data directory (the platform's user data dir by default)."""
    from models.persistence.database import DEFAULT_FILE

    return f"sqlite:///{data / DEFAULT_FILE}"


def open_migrated(url: str) -> Any:
    """Open the database and migrate it to head; refuses a schema newer than this code."""
    from models.persistence.database import open_database

    db = open_database(url)
    try:
        db.migrate()
    except Exception:
        db.close()
        raise
    return db


def _one_line(exc: Exception) -> str:
    """A database failure as one line: our own messages as they are, a driver's first line."""
    from models.persistence.database import DatabaseError

    if isinstance(exc, DatabaseError):
        return str(exc)
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"cannot use the database: {first}"


def local_admin(users: Any) -> Any:
    """The account a console on this machine is logged in as: ``admin``, else any admin."""
    from models.security import Role

    admins = [u for u in users.list() if u.role is Role.ADMIN and not u.disabled]
    return next((u for u in admins if u.username == "admin"), admins[0] if admins else None)


def _close_history(writer: Any, db: Any) -> None:
    """Drain the history writer (so finished calls are not lost), then close the database."""
    writer.close()
    stats = writer.stats()
    log.log(logging.INFO if stats.written or stats.dropped or stats.failed else logging.DEBUG,
            "history writer: %d written, %d dropped, %d failed", stats.written,
            stats.dropped, stats.failed)
    db.close()


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it 0700: sessions and the database live there."""
    path.mkdir(parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def write_local_session(path: Path, endpoint: str, token: str, username: str = "admin",
                        first_run_password: str | None = None) -> None:
    """The embedded-mode hand-off: endpoint + admin session for a console on this machine.

    On first run it also carries the one-time admin password, which the console shows once
    and deletes this file after reading; the daemon removes it on exit in any case.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    payload = {"endpoint": endpoint, "session": token, "username": username,
               "pid": os.getpid()}
    if first_run_password is not None:
        payload["first_run_password"] = first_run_password
    with os.fdopen(fd, "w") as f:
        json.dump(payload, f)
    os.replace(tmp, path)  # readers never see a half-written file
