"""Console test setup: offscreen Qt before anything imports it, and shared floor fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeClient, sample_floor


@pytest.fixture
def fake_client() -> FakeClient:
    """A live client already holding a small floor (4 queues, 24 agents, 2 alarms)."""
    client = FakeClient()
    client.load(sample_floor(agents=24, queues=4, seed=7))
    client.set_link("live")
    return client


@pytest.fixture
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $CALLFLOOR_ARTIFACTS if set, else a pytest temp dir."""
    env = os.environ.get("CALLFLOOR_ARTIFACTS")
    path = Path(env) if env else tmp_path_factory.mktemp("artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path
