"""The committed Chinese catalogue is complete and built from the committed .ts source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "callfloor_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _lrelease() -> str | None:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else shutil.which("pyside6-lrelease")


def test_every_source_string_has_a_finished_chinese_translation() -> None:
    unfinished = [
        m.findtext("source")
        for m in ET.parse(TS).getroot().iter("message")
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
    ]
    assert unfinished == []


def test_committed_qm_is_what_lrelease_builds_from_the_ts(tmp_path: Path) -> None:
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease not installed")
    built = tmp_path / "built.qm"
    subprocess.run([tool, str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert QM.read_bytes() == built.read_bytes(), (
        "resources/translations/callfloor_zh_CN.qm is out of date: run "
        "pyside6-lrelease resources/translations/callfloor_zh_CN.ts")


def test_every_tr_string_in_the_console_is_in_the_ts(tmp_path: Path) -> None:
    """lupdate over console/ finds nothing the committed .ts lacks."""
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6 tools not installed")
    lupdate = str(Path(tool).with_name("pyside6-lupdate"))
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "console").rglob("*.py"))
    out = subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True,
                         capture_output=True, text=True).stdout
    assert "(0 new and" in out, out
