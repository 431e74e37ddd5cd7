# ruff: noqa: W291 - Asterisk writes "Key: " with a trailing space for empty values
"""AMI text the way Asterisk writes it, for the replay server (our own values, their format).

Modelled on: the format strings in Asterisk's main/manager.c, main/manager_channels.c,
apps/app_queue.c and channels/chan_dahdi.c (github:asterisk/asterisk master, Aug 2026, AMI
13.0.0 — the Asterisk 22/23 line) and the captured sessions in panoramisk's
tests/fixtures (github:gawel/panoramisk; Asterisk 11, AMI 1.3) for the banner, the login
refusal and the legacy ``Response: Follows`` command output. Lines end in CRLF as on the wire;
``{id}`` is replaced by the ActionID of the action being answered. Not verified against a live
Asterisk: which events a real PBX sends in which order for one call (docs/adapters.md).
"""

from __future__ import annotations

BANNER = "Asterisk Call Manager/13.0.0\r\n"


def crlf(text: str) -> str:
    """Our transcripts are written with ``\\n``; the wire uses CRLF."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


LOGIN_OK = crlf("""Response: Success
ActionID: {id}
Message: Authentication accepted

Event: FullyBooted
Privilege: system,all
Uptime: 8812
LastReload: 8812
Status: Fully Booted

""")

LOGIN_REFUSED = crlf("""Response: Error
ActionID: {id}
Message: Authentication failed

""")

QUEUE_STATUS = crlf("""Response: Success
ActionID: {id}
EventList: start
Message: Queue status will follow

Event: QueueParams
Queue: billing
Max: 20
Strategy: rrmemory
Calls: 1
Holdtime: 12
TalkTime: 184
Completed: 41
Abandoned: 3
ServiceLevel: 15
ServicelevelPerf: 87.8
ServicelevelPerf2: 82.4
Weight: 0
ActionID: {id}

Event: QueueMember
Queue: billing
Name: Li Na
Location: PJSIP/1001
StateInterface: PJSIP/1001
Membership: dynamic
Penalty: 0
CallsTaken: 17
LastCall: 1772441012
LastPause: 0
LoginTime: 1772438400
InCall: 0
Status: 1
Paused: 0
PausedReason: 
Wrapuptime: 0
ActionID: {id}

Event: QueueMember
Queue: billing
Name: Wang Wei
Location: PJSIP/1002
StateInterface: PJSIP/1002
Membership: dynamic
Penalty: 2
CallsTaken: 9
LastCall: 1772440811
LastPause: 1772440900
LoginTime: 1772438460
InCall: 0
Status: 1
Paused: 1
PausedReason: lunch
Wrapuptime: 0
ActionID: {id}

Event: QueueEntry
Queue: billing
Position: 1
Channel: PJSIP/trunk-00000031
Uniqueid: 1772441100.97
CallerIDNum: 13800138000
CallerIDName: unknown
ConnectedLineNum: unknown
ConnectedLineName: unknown
Wait: 7
Priority: 0
ActionID: {id}

Event: QueueParams
Queue: complaints
Max: 0
Strategy: ringall
Calls: 0
Holdtime: 0
TalkTime: 0
Completed: 0
Abandoned: 0
ServiceLevel: 20
ServicelevelPerf: 0.0
ServicelevelPerf2: 0.0
Weight: 0
ActionID: {id}

Event: QueueMember
Queue: complaints
Name: Li Na
Location: PJSIP/1001
StateInterface: PJSIP/1001
Membership: dynamic
Penalty: 3
CallsTaken: 2
LastCall: 1772439999
LastPause: 0
LoginTime: 1772438400
InCall: 0
Status: 1
Paused: 0
PausedReason: 
Wrapuptime: 0
ActionID: {id}

Event: QueueStatusComplete
ActionID: {id}
EventList: Complete
ListItems: 6

""")

QUEUE_SUMMARY = crlf("""Response: Success
ActionID: {id}
EventList: start
Message: Queue summary will follow

Event: QueueSummary
Queue: billing
LoggedIn: 2
Available: 1
Callers: 1
HoldTime: 12
TalkTime: 184
LongestHoldTime: 7
ActionID: {id}

Event: QueueSummary
Queue: complaints
LoggedIn: 1
Available: 1
Callers: 0
HoldTime: 0
TalkTime: 0
LongestHoldTime: 0
ActionID: {id}

Event: QueueSummaryComplete
ActionID: {id}
EventList: Complete
ListItems: 2

""")

NO_DAHDI = crlf("""Response: Error
ActionID: {id}
Message: Invalid/unknown command: DAHDIShowStatus. Use Action: ListCommands to show available \
commands.

""")

PING = crlf("""Response: Success
ActionID: {id}
Ping: Pong
Timestamp: 1772441107.482113

""")

#: Asterisk 14+ Command output: one Output header per line
COMMAND_OUTPUT = crlf("""Response: Success
ActionID: {id}
Message: Command output follows
Output: Asterisk 20.5.2 built by root @ pbx on a x86_64 running Linux on 2024-01-10
Output: 

""")

#: Asterisk 11–13 Command output (panoramisk's capture shape): raw lines to --END COMMAND--
LEGACY_COMMAND_OUTPUT = crlf("""Response: Follows
Privilege: Command
ActionID: {id}
billing has 1 calls (max 20) in 'rrmemory' strategy (12s holdtime, 184s talktime)
   Members: 
      Li Na (PJSIP/1001) (ringinuse disabled) (dynamic) (Not in use) has taken 17 calls
--END COMMAND--

""")


def ack(message: str) -> str:
    return crlf(f"Response: Success\nActionID: {{id}}\nMessage: {message}\n\n")


def error(message: str) -> str:
    return crlf(f"Response: Error\nActionID: {{id}}\nMessage: {message}\n\n")


def _channel(prefix: str, channel: str, state: str, number: str, exten: str, uid: str,
             linked: str) -> str:
    desc = {"4": "Ring", "5": "Ringing", "6": "Up"}.get(state, "Down")
    return (f"{prefix}Channel: {channel}\n{prefix}ChannelState: {state}\n"
            f"{prefix}ChannelStateDesc: {desc}\n{prefix}CallerIDNum: {number}\n"
            f"{prefix}CallerIDName: <unknown>\n{prefix}ConnectedLineNum: <unknown>\n"
            f"{prefix}ConnectedLineName: <unknown>\n{prefix}Language: en\n"
            f"{prefix}AccountCode: \n{prefix}Context: from-trunk\n{prefix}Exten: {exten}\n"
            f"{prefix}Priority: 3\n{prefix}Uniqueid: {uid}\n{prefix}Linkedid: {linked}\n")


CALLER = ("PJSIP/trunk-00000040", "13912345678", "95598", "1772441200.120")
AGENT_LEG = ("PJSIP/1001-00000041", "1001", "s", "1772441203.121")


def caller(state: str = "6") -> str:
    channel, number, exten, uid = CALLER
    return _channel("", channel, state, number, exten, uid, uid)


def agent_leg(state: str = "6") -> str:
    channel, number, exten, uid = AGENT_LEG
    return _channel("Dest", channel, state, number, exten, uid, CALLER[3])


def member(event: str, status: str = "1", paused: str = "0", reason: str = "",
           incall: str = "0", queue: str = "billing", penalty: str = "0") -> str:
    return crlf(
        f"Event: {event}\nPrivilege: agent,all\nQueue: {queue}\nMemberName: Li Na\n"
        f"Interface: PJSIP/1001\nStateInterface: PJSIP/1001\nMembership: dynamic\n"
        f"Penalty: {penalty}\nCallsTaken: 17\nLastCall: 1772441012\nLastPause: 0\n"
        f"LoginTime: 1772438400\nInCall: {incall}\nStatus: {status}\nPaused: {paused}\n"
        f"PausedReason: {reason}\nRinginuse: 0\nWrapuptime: 0\n\n")


#: one answered queue call, event by event as app_queue publishes them
ANSWERED_CALL = [
    crlf("Event: Newchannel\nPrivilege: call,all\n" + caller("0") + "\n"),
    crlf("Event: QueueCallerJoin\nPrivilege: agent,all\n" + caller()
         + "Queue: billing\nPosition: 1\nCount: 1\n\n"),
    crlf("Event: AgentCalled\nPrivilege: agent,all\n" + caller() + agent_leg("5")
         + "Queue: billing\nMemberName: Li Na\nInterface: PJSIP/1001\n\n"),
    member("QueueMemberStatus", status="6"),
    crlf("Event: QueueCallerLeave\nPrivilege: agent,all\n" + caller()
         + "Queue: billing\nCount: 0\nPosition: 1\n\n"),
    crlf("Event: AgentConnect\nPrivilege: agent,all\n" + caller() + agent_leg()
         + "Queue: billing\nMemberName: Li Na\nInterface: PJSIP/1001\nHoldTime: 3\n"
         "RingTime: 2\n\n"),
    member("QueueMemberStatus", status="2", incall="1"),
]

CALL_COMPLETE = [
    crlf("Event: AgentComplete\nPrivilege: agent,all\n" + caller() + agent_leg()
         + "Queue: billing\nMemberName: Li Na\nInterface: PJSIP/1001\nHoldTime: 3\n"
         "TalkTime: 95\nReason: caller\n\n"),
    member("QueueMemberStatus", status="1"),
    crlf("Event: Hangup\nPrivilege: call,all\n" + caller() + "Cause: 16\n"
         "Cause-txt: Normal Clearing\n\n"),
]

ABANDONED_CALL = [
    crlf("Event: QueueCallerJoin\nPrivilege: agent,all\n"
         + _channel("", "PJSIP/trunk-00000050", "6", "13700000001", "95598", "1772441300.130",
                    "1772441300.130") + "Queue: billing\nPosition: 1\nCount: 1\n\n"),
    crlf("Event: QueueCallerAbandon\nPrivilege: agent,all\n"
         + _channel("", "PJSIP/trunk-00000050", "6", "13700000001", "95598", "1772441300.130",
                    "1772441300.130") + "Queue: billing\nPosition: 1\nOriginalPosition: 1\n"
         "HoldTime: 22\n\n"),
    crlf("Event: Hangup\nPrivilege: call,all\n"
         + _channel("", "PJSIP/trunk-00000050", "6", "13700000001", "95598", "1772441300.130",
                    "1772441300.130") + "Cause: 16\nCause-txt: Normal Clearing\n\n"),
]

#: events the adapter has no use for: they must be ignored, not break anything
UNKNOWN_EVENTS = crlf("""Event: VarSet
Privilege: dialplan,all
Channel: PJSIP/trunk-00000040
Variable: QUEUEPOSITION
Value: 1
Uniqueid: 1772441200.120

Event: RTCPSent
Privilege: reporting,all
Channel: PJSIP/trunk-00000040
SSRC: 0x5f3a0c21
PT: 200(SR)
Uniqueid: 1772441200.120

""")

SPAN_ALARM = crlf("""Event: SpanAlarm
Privilege: system,all
Span: 1
Alarm: Red Alarm

""")

SPAN_ALARM_CLEAR = crlf("""Event: SpanAlarmClear
Privilege: system,all
Span: 1

""")

CHANNEL_ALARM = crlf("""Event: Alarm
Privilege: system,all
DAHDIChannel: 3
Alarm: Red Alarm

""")
