"""Calls through the shipped flows: keys, dial-ahead, global keys, counters, look-ups, exits."""

from __future__ import annotations

from decimal import Decimal

from ivr_helpers import Driver, shipped

from ivr.events import (
    AgentAnswered,
    CallerHungUp,
    Connect,
    ConnectAgent,
    Enqueue,
    Key,
    LeaveQueue,
    Lookup,
    Play,
    PlayDone,
    Timeout,
    WaitInput,
)
from ivr.model import Prompt

HOTLINE = "hotline-10000.toml"
MAIN_PROMPT = "话费查询请按1"
BILLING_PROMPT = "查询余额请按1"


def at_main(**start) -> Driver:
    d = Driver(shipped(HOTLINE), caller="13812345678", **start)
    d.finish_prompt()  # welcome
    d.feed(Key("1"))  # 普通话
    assert d.session.node == "main"
    return d


def test_a_call_starts_with_the_welcome_and_the_language_menu() -> None:
    d = Driver(shipped(HOTLINE), caller="13812345678")
    assert d.played == ["欢迎致电中国电信客服热线。"]
    d.finish_prompt()
    assert d.played[-1].startswith("普通话请按1") and isinstance(d.actions[-1], WaitInput)


def test_dial_ahead_skips_the_prompts_of_menus_it_passes() -> None:
    d = Driver(shipped(HOTLINE), caller="13812345678")
    d.feed(Key("11"))  # during the welcome: Mandarin, then billing
    assert d.session.node == "billing"
    assert not any(MAIN_PROMPT in p or p.startswith("普通话") for p in d.played)
    assert d.played[-1].startswith(BILLING_PROMPT)
    assert [s.what for s in d.session.trail().steps].count("dial-ahead") >= 1


def test_global_keys_previous_main_repeat_and_zero() -> None:
    d = at_main()
    d.feed(Key("1"))
    assert d.session.node == "billing" and d.session.trail().position == ("main", "billing")
    d.feed(Key("9"))
    assert d.played[-1] == d.played[-2] and d.played[-1].startswith(BILLING_PROMPT)
    d.feed(Key("*"))
    assert d.session.node == "main"
    d.feed(Key("1"))
    d.feed(Key("#"))
    assert d.session.node == "main" and d.played[-1].startswith(MAIN_PROMPT)
    d.feed(Key("0"))
    enqueue = d.last(Enqueue)
    assert enqueue.queue == "service" and enqueue.trail.position[-1] == "to_agent"


def test_invalid_keys_lead_to_help_then_to_an_agent_with_the_trail() -> None:
    d = at_main()
    d.feed(Key("7"))
    assert d.played[-2] == "您的输入有误，请重新输入。"
    d.feed(Key("7"))
    d.feed(Key("7"))
    assert d.session.node == "help"
    d.feed(Key("1"))  # back where the caller was
    assert d.session.node == "main"
    for _ in range(3):
        d.feed(Key("8"))
    enqueue = d.last(Enqueue)
    steps = [str(s) for s in enqueue.trail.steps]
    assert "main: sent to an agent" in steps and "main: invalid key 8" in steps
    assert len(steps) <= 10  # trail_length


def test_missing_input_counts_too() -> None:
    d = at_main()
    for _ in range(3):
        d.time_out_input()
    assert d.session.node == "help"


def test_a_slow_lookup_plays_the_request_accepted_prompt_then_reads_the_figure() -> None:
    d = at_main()
    d.feed(Key("11"))
    lookup = d.last(Lookup)
    assert lookup.service == "billing.balance" and lookup.args == {"caller": "13812345678"}
    d.fire_timer(2.0)
    assert d.played[-1] == "您的请求已受理，正在查询，请稍候。"
    d.answer_lookup(balance="12.50")
    assert d.played[-1] == "您的账户余额为12.50元。"


def test_a_lookup_time_out_takes_the_failure_branch_and_a_late_answer_is_ignored() -> None:
    d = at_main()
    d.feed(Key("11"))
    lookup = d.last(Lookup)
    d.fire_timer(8.0)
    assert d.session.node == "system_busy"
    from ivr.events import LookupResult
    assert d.feed(LookupResult(lookup.token, "ok", {"balance": "1"})) == []
    assert d.feed(Timeout(lookup.token + 1)) == []  # the wait timer: stale too


def test_vip_callers_get_their_own_entry_by_number_or_level() -> None:
    flow = shipped(HOTLINE)
    assert Driver(flow, caller="13900000001").session.node == "vip_welcome"
    assert Driver(flow, caller="13812345678", level=3).session.node == "vip_welcome"
    assert Driver(flow, caller="13812345678", level=2).session.node == "welcome"


def test_the_language_menu_switches_every_later_prompt() -> None:
    d = Driver(shipped(HOTLINE), caller="13812345678")
    d.finish_prompt()
    d.feed(Key("2"))
    assert d.played[-1].startswith("For charges press 1")
    d.feed(Key("0"))
    assert d.played[-1] == "Connecting you to an agent, please hold."


def test_the_emergency_notice_follows_the_welcome_and_cannot_be_skipped() -> None:
    flow = shipped(HOTLINE).with_emergency(Prompt({"zh": "台风导致部分地区通信中断。"}))
    d = Driver(flow, caller="13812345678")
    d.feed(Key("1"))  # dial-ahead during the welcome
    notice = d.last(Play)
    assert notice.text == "台风导致部分地区通信中断。" and not notice.barge_in
    assert d.session.node == "welcome"
    d.feed(PlayDone(notice.token))
    assert d.session.node == "main"  # the buffered 1 chose Mandarin


def test_busy_prompt_after_30_s_star_returns_to_self_service_and_1_asks_a_callback() -> None:
    d = at_main()
    d.feed(Key("0"))
    d.fire_timer(30.0)
    assert d.played[-1].startswith("对不起，座席忙。返回自助服务请按星号键")
    d.feed(Key("*"))
    assert isinstance(d.actions[-3], LeaveQueue) and d.session.node == "main"
    d.feed(Key("0"))
    d.fire_timer(30.0)
    d.feed(Key("1"))
    assert d.outcome.kind == "callback" and d.session.done


def test_answered_in_queue_ends_the_session_with_level_and_trail() -> None:
    d = Driver(shipped(HOTLINE), caller="13812345678", level=3)
    d.finish_prompt()
    d.feed(Key("1"))
    assert d.last(Enqueue).level == 3 and d.last(Enqueue).queue == "vip"
    d.feed(AgentAnswered())
    assert d.outcome.kind == "queue" and d.outcome.queue == "vip"
    assert d.feed(Key("1")) == []


def test_password_verification_returns_to_the_same_agent_with_the_result() -> None:
    flow = shipped(HOTLINE)
    d = Driver(flow, caller="13812345678", entry="verify", agent="1007")
    d.feed(Key("123456"))
    assert d.last(Lookup).args == {"account": "13812345678", "password": "123456"}
    d.answer_lookup("ok")
    assert d.outcome.kind == "return" and d.outcome.agent == "1007" and d.outcome.verified
    assert "123456" not in " ".join(str(s) for s in d.outcome.trail.steps)

    d = Driver(flow, caller="13812345678", entry="verify", agent="1007")
    for _ in range(3):
        d.feed(Key("000000"))
        d.answer_lookup("wrong")
    assert d.outcome.kind == "return" and d.outcome.verified is False


def test_the_survey_records_answers() -> None:
    d = Driver(shipped(HOTLINE), caller="13812345678", entry="survey")
    d.feed(Key("5"))  # not an answer
    d.feed(Key("2"))
    assert d.outcome is None and d.session.node == "goodbye"
    d.finish_prompt()
    assert d.outcome.kind == "hangup" and d.outcome.survey == {"satisfaction": "fair"}


def test_the_170_line_number_password_and_bill_by_fax() -> None:
    d = Driver(shipped("billing-170.toml"), caller="075512345678")
    d.finish_prompt()
    d.feed(Key("17012345678"))  # an 11-digit mobile completes itself
    d.feed(Key("654321"))
    assert d.last(Lookup).args == {"account": "17012345678", "password": "654321"}
    d.answer_lookup("ok")
    d.feed(Key("31"))  # bill, by fax
    d.feed(Key("075587654321#"))
    fax = d.last(Lookup)
    assert fax.service == "fax.send_bill"
    assert fax.args == {"number": "17012345678", "fax": "075587654321"}


def test_amounts_use_star_as_the_decimal_point() -> None:
    d = Driver(shipped("billing-170.toml"), caller="075512345678")
    d.feed(Key("17012345678"))
    d.feed(Key("654321"))
    d.answer_lookup("ok")
    d.feed(Key("21"))
    d.feed(Key("99*5#"))
    pay = d.last(Lookup)
    assert pay.service == "payment.bank" and pay.args["amount"] == Decimal("99.50")
    d.answer_lookup("wrong")  # not a route: the failure branch
    assert d.session.node == "system_busy"


def test_an_invalid_amount_is_counted_and_asked_again() -> None:
    d = Driver(shipped("billing-170.toml"), caller="075512345678")
    d.feed(Key("17012345678"))
    d.feed(Key("654321"))
    d.answer_lookup("ok")
    d.feed(Key("21"))
    d.feed(Key("9999#"))  # more than the 5000 yuan maximum
    assert d.session.node == "bank_amount" and d.played[-1].startswith("请输入缴费金额")
    assert "invalid entry" in str(d.session.trail().steps[-1])


def test_number_change_connects_to_the_new_number() -> None:
    d = Driver(shipped("number-change.toml"), caller="13812345678",
               variables={"dialled": "63001234"})
    assert d.last(Lookup).args == {"dialled": "63001234"}
    d.answer_lookup(new_number="63009999")
    assert d.played[-1].startswith("您拨打的号码已改为63009999")
    d.feed(Key("1"))
    assert d.last(Connect).number == "63009999" and d.outcome.kind == "connect"


def test_operator_113_checks_the_caller_number() -> None:
    d = Driver(shipped("operator-113.toml"), caller="087165123456")
    d.finish_prompt()
    assert d.last(Lookup).args == {"caller": "087165123456"}
    d.answer_lookup("not_found")
    assert d.session.node == "not_registered"
    d = Driver(shipped("operator-113.toml"), caller="087165123456")
    d.finish_prompt()
    d.answer_lookup("ok")
    assert d.last(Enqueue).queue == "operator"


def test_mass_calling_vote() -> None:
    d = Driver(shipped("mass-vote.toml"), caller="13812345678")
    d.feed(Key("2"))
    assert d.last(Lookup).args == {"caller": "13812345678", "choice": "2"}
    d.answer_lookup(votes=1234)
    assert d.played[-1] == "投票成功，您支持的选手目前得票1234。"


def test_a_caller_hanging_up_abandons_with_the_trail() -> None:
    d = at_main()
    d.feed(CallerHungUp())
    assert d.outcome.kind == "abandoned" and d.outcome.trail.position == ("main",)


def test_an_agent_transfer_names_the_agent() -> None:
    from ivr.findings import Position
    from ivr.model import Flow, Node
    node = Node("a", "agent", {"agent": "{agent_no}", "busy_prompt": Prompt({"zh": "忙"})},
                Position("t"))
    d = Driver(Flow("t", "t", {"a": node}, "a", "a"), variables={"agent_no": "1042"})
    assert d.last(ConnectAgent).agent == "1042"


def test_keys_typed_after_leaving_the_queue_are_dial_ahead_and_a_callback_is_final() -> None:
    d = at_main()
    d.feed(Key("0"))
    d.fire_timer(30.0)
    d.feed(Key("*1"))  # back to self-service, then billing at once
    assert d.session.node == "billing" and d.played[-1].startswith(BILLING_PROMPT)
    d.feed(Key("#0"))
    d.fire_timer(30.0)
    d.feed(Key("1*"))  # callback; the * after it changes nothing
    assert d.outcome.kind == "callback" and d.session.done and d.session.node == "to_agent"
