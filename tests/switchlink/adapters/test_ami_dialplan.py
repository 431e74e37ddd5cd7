"""An IVR flow as an Asterisk dialplan: the text the AMI adapter's documentation promises."""

from __future__ import annotations

from ivr.bundled import bundled_flows, flow_path, load_checked
from switchlink.adapters.ami.dialplan import context, dialplan


def _plan(name: str) -> str:
    flow, _ = load_checked(flow_path(name))
    return dialplan(flow, name)


def test_every_node_is_a_context_that_reports_itself() -> None:
    flow, _ = load_checked(flow_path("hotline-10000"))
    text = dialplan(flow, "hotline-10000")
    for node in flow.nodes:
        assert f"[{context('hotline-10000', node)}]" in text
        assert f"UserEvent(CallfloorIvr,flow: hotline-10000,node: {node})" in text


def test_a_menu_maps_options_and_the_global_keys() -> None:
    text = _plan("hotline-10000")
    main = text.split("[cf-hotline-10000-main]")[1].split("\n\n")[0]
    assert "exten => 1,1,Goto(cf-hotline-10000-billing,s,1)" in main
    assert "exten => 0,1,Goto(cf-hotline-10000-to_agent,s,1)" in main
    assert "exten => #,1,Goto(${IVR_MAIN},s,1)" in main
    assert "exten => 9,1,Goto(s,prompt)" in main
    assert "WaitExten(6)" in main  # the flow's input.timeout_s
    assert "GotoIf($[${IVR_INVALID} >= 3]?cf-hotline-10000-help,s,1)" in main


def test_vip_entry_transfer_and_busy_prompt() -> None:
    text = _plan("hotline-10000")
    assert 'GotoIf($["${CALLERID(num)}" = "13900000001"]?cf-hotline-10000-vip_welcome,s,1)' \
        in text
    to_vip = text.split("[cf-hotline-10000-to_vip]")[1].split("\n\n")[0]
    assert "Queue(vip)" in to_vip
    assert "periodic-announce-frequency = 20" in to_vip


def test_entries_are_checked_by_kind_and_lookups_route_by_outcome() -> None:
    text = _plan("billing-170")
    assert '=~ "^[0-9]+(\\*[0-9]{1,2})?$"' in text  # an amount with * as the decimal point
    assert "AGI(callfloor-lookup.agi,fax.send_bill,8,${IVR_number},${IVR_fax})" in text
    op = _plan("operator-113")
    assert 'GotoIf($["${IVR_OUTCOME}" = "not_found"]?cf-operator-113-not_registered,s,1)' in op


def test_every_bundled_flow_generates_a_dialplan() -> None:
    for name in bundled_flows():
        text = _plan(name)
        assert text.count("[cf-") >= 3 and "Hangup()" in text
