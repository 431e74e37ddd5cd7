"""agents.bulk over the wire (issue 12): 5,000 agents answered in one reply built over several
turns of the daemon's loop, remembered like any state-changing request (a retry of the same
message id is never applied again)."""

from __future__ import annotations

from pathlib import Path

import zmq
from scripted_switch import PASSWORD, live_client, start_server

from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.transport import protocol as proto


def test_a_bulk_of_5000_agents_is_answered_once_per_agent_and_never_applied_twice(
        tmp_path: Path) -> None:
    running = start_server(tmp_path, LoopbackAdapter(scenario="large", seed=1, speed=1.0))
    client = live_client(running, command_timeout=30.0)
    try:
        client.login("sup", PASSWORD)
        agents = sorted(client.mirror.items("agent/"))
        agents = [key.split("/", 1)[1] for key in agents]
        assert len(agents) == 5000
        req = proto.Request("agents.bulk", {"agents": agents, "action": "logout",
                                            "reason": "end of drill"}, session=client.session)
        frames = proto.encode_request(running.keys.signing_key, req)
        k = running.keys
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.curve_secretkey, sock.curve_publickey = k.client_secret, k.client_public
        sock.curve_serverkey = k.server_public
        sock.connect(running.endpoint)
        try:
            sock.send_multipart(frames)
            assert sock.poll(30_000), "no reply to the bulk request"
            first = sock.recv_multipart()
            sock.send_multipart(frames)  # the same message id again
            assert sock.poll(30_000)
            second = sock.recv_multipart()
        finally:
            sock.close(0)
        again = proto.decode_reply(running.keys.signing_key, second)
        # a reply this large is not kept (replay.KEPT_REPLY_MAX_BYTES): the retry is told so
        assert (again.ok, again.code) == (False, "invalid_operation")
        assert "already applied" in again.message
        reply = proto.decode_reply(running.keys.signing_key, first)
        assert reply.ok, reply.message
        results = reply.data["results"]
        assert [r["agent"] for r in results] == agents
        assert any(r["ok"] for r in results)
        entries = running.audit.search(user="sup", action="set_agent_state", limit=10_000)
        assert len(entries) == 5000, "one audit entry per agent, the retry added none"
        assert not running.audit.search(action="agents.bulk")
    finally:
        client.close()
        running.stop()
