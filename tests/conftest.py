"""Test-wide settings: Qt offscreen, and in CI a skipped server test counts as a failure."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: markers of tests that need a real server the fixtures start themselves
SERVER_MARKERS = ("postgres", "hylafax")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # type: ignore[no-untyped-def]
    """In CI a server test that skipped (server not installed) is a failure, not a pass."""
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and any(item.get_closest_marker(m) for m in SERVER_MARKERS):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where the server must be installed: {report.longrepr}"


# PostgreSQL fixtures (postgres_server, postgres_url) live in tests/pg.py.
from pg import postgres_server, postgres_url  # noqa: E402, F401
