"""One switchlink, several switches: the emulator's ACD beside a real HylaFAX fax server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hylafax_server import HylafaxServer, hylafax_options

from models.agents import AgentState
from models.events import AgentStateChanged, FaxJobChanged
from models.fax import FaxStatus
from switchlink.adapters import create_adapter
from switchlink.adapters.composite import CompositeAdapter
from switchlink.adapters.errors import AdapterError, InvalidArgument

START = 1_772_438_400.0
LOOPBACK = {"adapter": "loopback", "scenario": "small", "seed": 1, "speed": "fast",
            "start": START}


@pytest.mark.hylafax
def test_fax_goes_to_hylafax_agents_to_the_emulator(hylafax_server: HylafaxServer,
                                                    tmp_path: Path) -> None:
    site = create_adapter("composite", adapters=[
        LOOPBACK, {"adapter": "hylafax", **hylafax_options(hylafax_server)}])
    inventory = site.start()
    try:
        assert {b.id for b in inventory.boards} >= {"hylafax"}
        assert {lk.id for lk in inventory.links} >= {"hylafax"} and inventory.agents
        emulator, fax = site.members
        agent = inventory.agents[0].work_number
        site.set_state(agent, AgentState.READY) if inventory.agents[0].state.logged_in \
            else site.login(agent, state=AgentState.READY)
        document = tmp_path / "bill.ps"
        document.write_bytes(b"%!PS-Adobe-3.0\nshowpage\n")
        job = site.send_fax("95598", str(document))
        assert job in {j.id for j in fax.fax_jobs("send")}  # really on the fax server
        assert site.fax_status(job).status == FaxStatus.QUEUED
        site.cancel_fax(job)
        seen: list = []
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
                isinstance(e, FaxJobChanged) and e.status == FaxStatus.FAILED for e in seen):
            seen += site.poll(timeout=0.1, max_events=50)
        faxes = [e for e in seen if isinstance(e, FaxJobChanged)]
        assert faxes and faxes[-1].status == FaxStatus.FAILED
        # fax events arrive on the emulator's simulated day, not the wall clock
        assert all(START <= e.t <= emulator.now() for e in faxes)
        assert abs(time.time() - START) > 86400  # (so the check above means something)
        assert any(isinstance(e, AgentStateChanged) for e in seen)
        assert [e.t for e in seen] == sorted(e.t for e in seen)
    finally:
        site.shutdown()
    assert not fax.started and not emulator.started


def test_members_reporting_the_same_ids_are_refused_at_start() -> None:
    site = CompositeAdapter(adapters=[LOOPBACK, dict(LOOPBACK)])
    with pytest.raises(AdapterError, match="reported by both loopback and loopback"):
        site.start()
    assert not any(m.started for m in site.members)


@pytest.mark.parametrize(("adapters", "message"), [
    (None, "non-empty list"),
    ([{"scenario": "small"}], r"adapters\[1\] needs adapter"),
    ([{"adapter": "composite"}], "cannot itself be a composite"),
    ([{**LOOPBACK, "serves": ["coffee"]}], r"serves must list some of acd, fax, ivr"),
])
def test_a_bad_member_list_says_which_entry(adapters, message) -> None:
    with pytest.raises(InvalidArgument, match=message):
        CompositeAdapter(adapters=adapters)


def test_serves_narrows_what_a_member_is_asked_for() -> None:
    site = CompositeAdapter(adapters=[{**LOOPBACK, "serves": ["acd"]}])
    site.start()
    try:
        assert site.capabilities == {"acd"}
        with pytest.raises(Exception, match="no member adapter serves fax"):
            site.send_fax("95598", "bill.ps")
    finally:
        site.shutdown()
