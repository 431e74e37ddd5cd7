"""The AMI adapter against replayed Asterisk text: login, inventory, events, actions, reconnect."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import ami_transcripts as t
import pytest
from ami_replay import AmiReplayServer, ami_options

from models import events as ev
from models.agents import AgentState
from models.calls import CallOutcome, Participation
from models.equipment import ChannelStatus, EquipmentStatus
from models.events import (
    AgentLogoutPending,
    AgentStateChanged,
    BoardStatusChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallParticipantsChanged,
    CallQueued,
    ChannelStatusChanged,
    Event,
    LinkStatusChanged,
)
from switchlink.adapters.ami import AmiAdapter
from switchlink.adapters.errors import InvalidOperation, LinkDown, LoginRefused, UnknownTarget


@pytest.fixture
def ami(ami_server: AmiReplayServer) -> Iterator[AmiAdapter]:
    adapter = AmiAdapter(**ami_options(ami_server))
    adapter.start()
    collect(adapter)  # the snapshot's waiting caller
    yield adapter
    adapter.shutdown()


def collect(adapter: AmiAdapter, until: type[Event] | None = None, count: int = 1,
            timeout_s: float = 3.0) -> list[Event]:
    """Events until ``count`` of type ``until`` arrived (or a short quiet spell)."""
    out: list[Event] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        out += adapter.poll(timeout=0.1)
        if until is None and out and not adapter.poll(timeout=0.1):
            break
        if until is not None and sum(isinstance(e, until) for e in out) >= count:
            break
    return out


def test_a_refused_login_is_a_clear_neutral_error(ami_server: AmiReplayServer) -> None:
    adapter = AmiAdapter(**ami_options(ami_server, secret="wrong"))
    with pytest.raises(LoginRefused, match=r"refused the login of 'callfloor': "
                                           r"Authentication failed"):
        adapter.start()


def test_an_unreachable_server_is_link_down_not_a_traceback() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(LinkDown, match=f"127.0.0.1:{port} is unreachable"):
        AmiAdapter(port=port, secret="x", timeout_s=1).start()


def test_inventory_comes_from_queue_status(ami_server: AmiReplayServer) -> None:
    adapter = AmiAdapter(**ami_options(ami_server))
    inventory = adapter.start()
    try:
        agents = {a.work_number: a for a in inventory.agents}
        assert agents["1001"].name == "Li Na" and agents["1001"].state == AgentState.READY
        assert agents["1001"].skills == {"billing": 10, "complaints": 7}
        assert agents["1002"].state == AgentState.NOT_READY and agents["1002"].reason == "lunch"
        queues = {q.id: q for q in inventory.queues}
        assert queues["billing"].max_length == 20 and queues["billing"].sl_threshold_s == 15
        assert queues["complaints"].max_length is None
        events = collect(adapter, CallQueued)
        assert [type(e) for e in events] == [CallArrived, CallQueued]
        assert events[0].caller == "13800138000" and events[1].queue == "billing"
        assert ami_server.sent("QueueStatus") and ami_server.sent("DAHDIShowStatus")
    finally:
        adapter.shutdown()
    assert ami_server.sent("Logoff")


def test_an_answered_queue_call_maps_to_neutral_events(ami: AmiAdapter,
                                                       ami_server: AmiReplayServer) -> None:
    for text in t.ANSWERED_CALL:
        ami_server.push(text)
    events = collect(ami, CallAnswered)
    events += collect(ami, AgentStateChanged, 1) if not any(
        isinstance(e, AgentStateChanged) and e.state == AgentState.TALKING for e in events
    ) else []
    call = t.CALLER[3]
    kinds = [(type(e).__name__, getattr(e, "state", None)) for e in events]
    assert kinds == [("CallArrived", None), ("CallQueued", None), ("CallRinging", None),
                     ("AgentStateChanged", AgentState.RINGING), ("CallAnswered", None),
                     ("AgentStateChanged", AgentState.TALKING)]
    assert events[0].call == call and events[0].caller == "13912345678"
    assert events[2].agent == "1001" and events[4].agent == "1001"
    for text in t.CALL_COMPLETE:
        ami_server.push(text)
    events = collect(ami, AgentStateChanged)
    events += collect(ami, timeout_s=0.5)
    ended = [e for e in events if isinstance(e, CallEnded)]
    assert [(e.call, e.outcome) for e in ended] == [(call, CallOutcome.ANSWERED)]  # once
    assert any(isinstance(e, AgentStateChanged) and e.state == AgentState.READY
               for e in events)


def test_an_abandon_ends_the_call_once(ami: AmiAdapter, ami_server: AmiReplayServer) -> None:
    for text in t.ABANDONED_CALL:
        ami_server.push(text)
    events = collect(ami, CallEnded)
    events += collect(ami, timeout_s=0.5)
    ended = [e for e in events if isinstance(e, CallEnded)]
    assert [e.outcome for e in ended] == [CallOutcome.ABANDONED]


def test_unknown_events_garbage_and_split_lines_are_survived(ami: AmiAdapter,
                                                             ami_server: AmiReplayServer
                                                             ) -> None:
    ami_server.push(t.UNKNOWN_EVENTS + "this is not AMI at all\r\n\r\n")
    ami_server.push(t.SPAN_ALARM, chunk=5, pause_s=0.001)
    events = collect(ami, BoardStatusChanged)
    assert [(e.board, e.status, e.error) for e in events if isinstance(e, BoardStatusChanged)
            ] == [("dahdi-span-1", EquipmentStatus.DOWN, "Red Alarm")]
    assert ami.floor.ignored >= 2
    ami_server.push(t.SPAN_ALARM_CLEAR + t.CHANNEL_ALARM)
    events = collect(ami, ChannelStatusChanged)
    assert any(isinstance(e, BoardStatusChanged) and e.status == EquipmentStatus.UP
               for e in events)
    [channel] = [e for e in events if isinstance(e, ChannelStatusChanged)]
    assert (channel.channel, channel.status) == ("DAHDI/3", ChannelStatus.DOWN)
    assert any(b.id == "dahdi-span-1" for b in ami.boards())


def test_ready_and_not_ready_are_queue_pause(ami: AmiAdapter,
                                             ami_server: AmiReplayServer) -> None:
    ami.set_state("1001", AgentState.NOT_READY, reason="meeting", forced=True, by="sup1")
    ami.set_state("1002", AgentState.READY)
    first, second = ami_server.sent("QueuePause")
    assert first["interface"] == "PJSIP/1001" and first["paused"] == "true"
    assert first["reason"] == "meeting" and "queue" not in first  # every queue
    assert second["paused"] == "false"
    ami_server.push(t.member("QueueMemberPause", paused="1", reason="meeting"))
    [change] = collect(ami, AgentStateChanged)
    assert (change.agent, change.state, change.reason) == ("1001", AgentState.NOT_READY,
                                                           "meeting")


def test_sign_out_removes_from_every_queue_and_waits_for_a_call(ami: AmiAdapter,
                                                                ami_server: AmiReplayServer
                                                                ) -> None:
    ami.logout("1002", forced=True, reason="end of shift", by="sup1")
    assert [a["queue"] for a in ami_server.sent("QueueRemove")] == ["billing"]
    for text in t.ANSWERED_CALL:
        ami_server.push(text)
    collect(ami, CallAnswered)
    collect(ami, timeout_s=0.5)
    ami.logout("1001", forced=True, reason="end of shift", by="sup1")
    assert [type(e) for e in collect(ami, AgentLogoutPending)] == [AgentLogoutPending]
    assert len(ami_server.sent("QueueRemove")) == 1  # not during the call
    for text in t.CALL_COMPLETE:
        ami_server.push(text)
    collect(ami, CallEnded)
    deadline = time.monotonic() + 2
    while len(ami_server.sent("QueueRemove")) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sorted(a["queue"] for a in ami_server.sent("QueueRemove")[1:]) == [
        "billing", "complaints"]


def test_skills_become_penalties_adds_and_removes(ami: AmiAdapter,
                                                  ami_server: AmiReplayServer) -> None:
    ami.set_skills("1002", {"billing": 4, "complaints": 10})
    penalty = ami_server.sent("QueuePenalty")[0]
    assert (penalty["interface"], penalty["queue"], penalty["penalty"]) == (
        "PJSIP/1002", "billing", "6")
    added = ami_server.sent("QueueAdd")[0]
    assert (added["queue"], added["penalty"], added["membername"]) == ("complaints", "0",
                                                                       "Wang Wei")
    ami.set_skills("1001", {"billing": 10})
    assert ami_server.sent("QueueRemove")[0]["queue"] == "complaints"
    with pytest.raises(UnknownTarget, match="no queue named vip"):
        ami.set_skills("1001", {"vip": 5})


def test_monitor_whisper_barge_are_chanspy_and_its_dtmf_switch(ami: AmiAdapter,
                                                               ami_server: AmiReplayServer
                                                               ) -> None:
    for text in t.ANSWERED_CALL:
        ami_server.push(text)
    collect(ami, CallAnswered)
    call = t.CALLER[3]
    ami.monitor(call, "2001")
    [spy] = ami_server.sent("Originate")
    assert spy["channel"] == "PJSIP/2001" and spy["application"] == "ChanSpy"
    assert spy["data"] == "PJSIP/1001-00000041,qdE" and spy["async"] == "true"
    ami.whisper(call, "2001")
    ami.barge(call, "2001")
    assert [(d["digit"], d["receive"], d["channel"]) for d in ami_server.sent("PlayDTMF")] == [
        ("5", "true", spy["channelid"]), ("6", "true", spy["channelid"])]
    changes = [e for e in collect(ami, CallParticipantsChanged, 3)
               if isinstance(e, CallParticipantsChanged)]
    assert changes[-1].participants == {"2001": Participation.BARGE}
    ami.leave(call, "2001")
    assert ami_server.sent("Hangup")[-1]["channel"] == spy["channelid"]
    ami.force_release(call, by="sup1", reason="abusive caller")
    assert ami_server.sent("Hangup")[-1]["channel"] == t.CALLER[0]


def test_originate_dials_out_with_our_call_id(ami: AmiAdapter,
                                              ami_server: AmiReplayServer) -> None:
    call = ami.originate("13800000000", announcement="bill-overdue")
    [sent] = ami_server.sent("Originate")
    assert sent["channelid"] == call and sent["channel"] == "PJSIP/13800000000@trunk"
    assert (sent["application"], sent["data"]) == ("Playback", "bill-overdue")


def test_a_refused_action_carries_asterisks_reason(ami: AmiAdapter,
                                                   ami_server: AmiReplayServer) -> None:
    ami_server.responses["queueadd"] = lambda a: t.error("Unable to add interface: Already there")
    with pytest.raises(InvalidOperation, match="Already there"):
        ami.set_skills("1002", {"billing": 8, "complaints": 5})
    with pytest.raises(UnknownTarget):
        ami.monitor("no-such-call", "2001")


def test_a_dropped_link_reconnects_and_takes_a_new_snapshot(ami: AmiAdapter,
                                                            ami_server: AmiReplayServer
                                                            ) -> None:
    ami_server.responses["queuestatus"] = lambda a: t.QUEUE_STATUS.replace(
        "Paused: 1\r\nPausedReason: lunch", "Paused: 0\r\nPausedReason: ")
    ami_server.drop()
    events = collect(ami, LinkStatusChanged, 2)
    links = [e.status for e in events if isinstance(e, LinkStatusChanged)]
    assert links == [EquipmentStatus.DOWN, EquipmentStatus.UP]
    assert ami_server.connections == 2 and len(ami_server.sent("QueueStatus")) == 2
    events += collect(ami, AgentStateChanged)
    assert any(isinstance(e, AgentStateChanged) and (e.agent, e.state) == (
        "1002", AgentState.READY) for e in events)
    ami.set_state("1001", AgentState.NOT_READY, reason="break")  # works again
    assert ami.links()[0].counters.errors == 1  # reconnects counted


def test_operations_while_the_link_is_down_raise_link_down(ami_server: AmiReplayServer
                                                           ) -> None:
    adapter = AmiAdapter(**ami_options(ami_server, max_backoff_s=5.0))
    adapter.start()
    try:
        ami_server.responses["login"] = lambda a: t.LOGIN_REFUSED
        ami_server.drop()
        collect(adapter, LinkStatusChanged)
        with pytest.raises(LinkDown, match="is down"):
            adapter.set_state("1001", AgentState.READY)
        assert adapter.boards()[0].status == EquipmentStatus.DOWN
    finally:
        adapter.shutdown()


def test_self_test_pings_and_reads_the_queue_summary(ami: AmiAdapter) -> None:
    ami.self_test("asterisk")
    [result] = [e for e in collect(ami, ev.TestCompleted) if isinstance(e, ev.TestCompleted)]
    assert result.passed and "2 queue(s), 3 member(s) logged in" in result.detail
