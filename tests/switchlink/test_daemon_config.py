"""Daemon settings: file then flags; a bad service-level setting is refused by name."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from scripted_switch import Running, live_client, start_server

from switchlink.config import ConfigError, resolve
from switchlink.daemon import add_arguments
from switchlink.metrics import MetricsConfig, SlDefinition


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(argv))


def test_service_level_definition_comes_from_the_file_and_a_flag_overrides_it(
    tmp_path: Path,
) -> None:
    cfg_file = tmp_path / "switchlink.toml"
    cfg_file.write_text('[switchlink]\nsl_definition = "answered"\nshort_abandon_s = 3\n')
    cfg = resolve(parse("--config", str(cfg_file)))
    assert (cfg.sl_definition, cfg.short_abandon_s) == ("answered", 3)
    cfg = resolve(parse("--config", str(cfg_file), "--sl-definition", "all_offered"))
    assert cfg.sl_definition == "all_offered"


def test_an_unknown_service_level_definition_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"sl_definition must be one of offered, answered"):
        resolve(parse("--sl-definition", "best_effort"))


def test_a_negative_short_abandon_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"short_abandon_s must be 0\.\.60"):
        resolve(parse("--short-abandon-s", "-1"))


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    config = MetricsConfig(short_abandon_s=3.0, sl_definition=SlDefinition.ANSWERED)
    r = start_server(tmp_path, metrics_config=config)
    yield r
    r.stop()


def test_the_chosen_definition_is_published_with_the_service_level(running: Running) -> None:
    client = live_client(running)
    try:
        center = client.mirror.get("metrics/center")
        assert center["sl_definition"] == "answered"
        assert center["short_abandon_s"] == 3.0
        assert center["sl_text"]  # stated on screen in words
    finally:
        client.close()
