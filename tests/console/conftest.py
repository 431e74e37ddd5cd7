"""Console test setup: offscreen Qt before anything imports it, and shared floor fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeClient, sample_floor


@pytest.fixture(autouse=True)
def qt_garbage_dies_on_the_gui_thread() -> Iterator[None]:
    """Qt objects must be destroyed on the GUI thread. Many tests run a switchlink server on
    Python threads in this process, and Python's cyclic GC runs on whichever thread crosses
    its threshold: a bridge, timer or widget left in a reference cycle was destroyed on the
    server thread, Qt cannot stop a timer from another thread, and the dead timer later fired
    on the GUI thread — a segfault in QCoreApplication::notifyInternal2 from
    QTimerInfoList::activateTimers (CI, exit 139; core dump under MALLOC_PERTURB_). The
    console itself has no Python threads (its switchlink is a child process), so only its
    tests need this: no automatic collection while a test runs, and a full one here, on the
    GUI thread, once the test and its fixtures are done."""
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


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
