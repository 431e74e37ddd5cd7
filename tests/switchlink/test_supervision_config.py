"""Daemon settings of supervisor control (issue 12): session idle minutes and the not-ready
reason codes, from the config file, each mistake refused with what and where."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from models.supervision import DEFAULT_NOT_READY_REASONS
from switchlink.config import ConfigError, resolve
from switchlink.daemon import add_arguments
from switchlink.services.supervision import REASONS_KEY, config_services


def from_file(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    cfg_file = tmp_path / "switchlink.toml"
    cfg_file.write_text("[switchlink]\n" + text, encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return resolve(parser.parse_args(["--config", str(cfg_file)]))


def test_defaults_are_30_minutes_and_the_six_reason_codes(tmp_path: Path) -> None:
    cfg = from_file(tmp_path, "")
    assert cfg.session_idle_minutes == 30
    assert config_services(cfg.not_ready_reasons)[REASONS_KEY] == DEFAULT_NOT_READY_REASONS


def test_the_reason_codes_and_idle_time_come_from_the_file(tmp_path: Path) -> None:
    cfg = from_file(tmp_path, 'session_idle_minutes = 5\nnot_ready_reasons = [\n'
                    '  {code = "break", zh = "小休", en = "Break"},\n'
                    '  {code = "toilet", zh = "如厕", en = "Toilet"}]\n')
    assert cfg.session_idle_minutes == 5
    codes = config_services(cfg.not_ready_reasons)[REASONS_KEY]
    assert [(c.code, c.zh, c.en) for c in codes] == [("break", "小休", "Break"),
                                                     ("toilet", "如厕", "Toilet")]


@pytest.mark.parametrize(("text", "message"), [
    ("session_idle_minutes = 0\n", "session_idle_minutes must be 1..10080"),
    ('session_idle_minutes = "soon"\n', "session_idle_minutes has the wrong type"),
    ("not_ready_reasons = []\n", "not_ready_reasons must be a list of 1..64"),
    ('not_ready_reasons = [{code = "a b", zh = "x", en = "x"}]\n',
     "not_ready_reasons #1: code must be a short ASCII word"),
    ('not_ready_reasons = [{code = "a", zh = "x", en = "x"}, {code = "a", zh = "y", en = "y"}]\n',
     "code 'a' is listed twice"),
    ('not_ready_reasons = [{code = "a", zh = "", en = "x"}]\n', "zh and en must be non-empty"),
    ('not_ready_reasons = [{code = "a", colour = "red"}]\n', "no other keys"),
])
def test_a_bad_setting_is_refused_with_what_is_wrong(tmp_path: Path, text: str,
                                                      message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_file(tmp_path, text)
