"""Servers for the real adapters: a private HylaFAX (faxq + hfaxd) and an AMI replay server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ami_replay import AmiReplayServer
from hylafax_server import HylafaxServer, running_hylafax


@pytest.fixture(scope="session")
def hylafax_server() -> Iterator[HylafaxServer]:
    """One faxq + hfaxd for the session (skips, or fails under CI=true, without the package)."""
    with running_hylafax() as server:
        yield server


@pytest.fixture
def ami_server() -> Iterator[AmiReplayServer]:
    server = AmiReplayServer()
    yield server
    server.close()

