"""Attach dunning to a running daemon: its settings file, the dialer as a ticker and an event
processor, the blacklist and the complaint hold wired in. One call from the daemon."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from models.dunning.calendar import ConfigError, DunningConfig
from models.dunning.settings import parse_settings
from models.persistence.database import Database
from models.persistence.dunning import DunningRepository
from switchlink.services.dunning.dialer import SERVICE_KEY, DunningDialer

log = logging.getLogger(__name__)
SETTINGS_FILE = "dunning.toml"
#: complaint orders read per query when looking for open charge complaints
PAGE = 500


def load_settings(config_dir: Path | None) -> DunningConfig:
    """``dunning.toml`` in the config directory, or the defaults when there is none."""
    if config_dir is None:
        return DunningConfig()
    path = config_dir / SETTINGS_FILE
    if not path.exists():
        return DunningConfig()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    table = raw.get("dunning", raw)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [dunning] must be a table")
    return parse_settings(table, str(path))


def complaint_orders(services: dict[str, Any]) -> Callable[[], Iterable[Any]]:
    """Open complaint work orders (every state but archived) from the complaints capability
    when it runs in this switchlink (docs/complaints.md); none otherwise."""

    def orders() -> Iterable[Any]:
        desk = services.get("complaints")
        db = getattr(desk, "db", None)
        if db is None:
            return ()
        from models.complaints.lifecycle import WorkOrderState
        from models.persistence.complaints import OrderQuery, WorkOrderRepository

        repo, now = WorkOrderRepository(db), 0.0
        found: list[Any] = []
        for state in WorkOrderState:
            if state is WorkOrderState.ARCHIVED:
                continue
            offset = 0
            while True:
                total, page = repo.search(OrderQuery(state=state.value, offset=offset,
                                                     limit=PAGE), now)
                found += page
                offset += len(page)
                if not page or offset >= total:
                    break
        return found

    return orders


def attach(server: Any, adapter: Any, db: Database, blacklist: Any,
           cfg: DunningConfig) -> DunningDialer:
    """The dialer, registered with the server (services, processor, ticker)."""
    screen = getattr(blacklist, "screen", None)
    dialer = DunningDialer(adapter, server.floor, DunningRepository(db), cfg,
                           blocked=screen, complaints=complaint_orders(server.services))
    server.services[SERVICE_KEY] = dialer
    server.processors.append(dialer.on_events)
    server.tickers.append(dialer.tick)
    log.debug("dunning: campaign %s", "running" if dialer.running else "paused")
    return dialer



def load_dunning_settings(config_dir: Path | None) -> DunningConfig:
    """The daemon's call with the directory its keys are in."""
    return load_settings(config_dir)
