"""``main.py switchlink``: the headless daemon's entry point (flags, logging, signals)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from switchlink.config import ConfigError, DaemonConfig, resolve

log = logging.getLogger("switchlink")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Every flag defaults to None so a ``--config`` file can supply it."""
    parser.add_argument("--adapter", help="switch adapter by name (default: loopback)")
    parser.add_argument("--scenario", help="emulator scenario (loopback adapter)")
    parser.add_argument("--speed", type=_speed, help="emulator time multiplier, or 'fast'")
    parser.add_argument(
        "--endpoint", help="command endpoint; PUB is on port + 1 (default tcp://127.0.0.1:7600)"
    )
    parser.add_argument("--config", metavar="FILE", help="TOML settings; flags override them")
    parser.add_argument(
        "--no-curve", dest="curve", action="store_const", const=False, default=None,
        help="no encryption (refused on any address but loopback)",
    )
    parser.add_argument("--config-dir", help="keys and settings (default: user config dir)")
    parser.add_argument("--data-dir", help="users, sessions and audit log (default: user data dir)")
    parser.add_argument(
        "--db", metavar="URL",
        help="keep users and the audit trail in this database (sqlite:///path or postgresql://); "
        "default: files in the data dir",
    )
    parser.add_argument("--log-level", help="debug, info, warning or error (default info)")
    parser.add_argument(
        "--local-session-file", metavar="PATH",
        help="write an admin session token (0600) here for a console on this machine",
    )


def _speed(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text  # a word such as "fast": the adapter checks it


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
    return serve(cfg)


def serve(cfg: DaemonConfig) -> int:
    """Start everything, serve until SIGINT / SIGTERM, shut down cleanly."""
    from switchlink import protocol as proto
    from switchlink.adapters.errors import AdapterError
    from switchlink.adapters.registry import create_adapter
    from switchlink.auth import AuditLog, Authenticator, FileAuditLog, FileUserStore, UserStore
    from switchlink.keys import data_dir, ensure_keys
    from switchlink.server import Server, ServerError

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
    data.mkdir(parents=True, exist_ok=True)
    users: UserStore
    audit: AuditLog
    if cfg.db is not None:
        try:
            users, audit = _database_stores(cfg.db)
        except Exception as exc:  # driver, URL or migration problems: one line
            return _fail(f"cannot use the database {cfg.db}: {exc}")
    else:
        users, audit = FileUserStore(data / "users.json"), FileAuditLog(data / "audit.jsonl")
    authenticator = Authenticator(users, sessions_path=data / "sessions.json")
    authenticator.bootstrap_admin()

    options = dict(cfg.adapter_options or {})
    if cfg.scenario is not None:
        options["scenario"] = cfg.scenario
    if cfg.speed is not None:
        options["speed"] = cfg.speed
    try:
        adapter = create_adapter(cfg.adapter, **options)
    except AdapterError as exc:
        return _fail(str(exc))
    except TypeError as exc:
        return _fail(f"adapter {cfg.adapter!r} does not take these options: {exc}")
    info = {"scenario": cfg.scenario, "speed": cfg.speed}
    server = Server(
        adapter, endpoint=cfg.endpoint, keys=keys, authenticator=authenticator, audit=audit,
        curve=cfg.curve, info=info,
    )
    try:
        server.start()
    except ServerError as exc:
        return _fail(str(exc))
    except Exception as exc:  # an adapter's own failure to start: one line, not a traceback
        log.debug("start failed", exc_info=True)
        return _fail(f"adapter {cfg.adapter!r} could not start: {exc}")

    if cfg.local_session_file:
        admin = authenticator.users.get("admin")
        if admin is not None:
            session = authenticator.open_session(admin)
            write_local_session(Path(cfg.local_session_file), cfg.endpoint, session.token)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: shutting down", signal.Signals(signum).name)
        server.stop()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        server.run()
    finally:
        server.shutdown()
        log.info("switchlink stopped")
    return 0


def _database_stores(url: str) -> tuple[Any, Any]:
    """DB-backed users and audit trail; the schema is migrated to head first."""
    from models.persistence.database import open_database
    from models.persistence.users import AuditRepository, UserRepository

    db = open_database(url)
    db.check_not_too_new()
    db.migrate()
    return UserRepository(db), AuditRepository(db)


def write_local_session(path: Path, endpoint: str, token: str) -> None:
    """The embedded-mode hand-off: endpoint + admin session for a console on this machine."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"endpoint": endpoint, "session": token, "username": "admin"}, f)
    os.replace(tmp, path)  # readers never see a half-written file
