"""The AMI reader survives what the wire really carries: split lines, LF-only, garbage."""

from __future__ import annotations

import ami_transcripts as t
import pytest

from switchlink.adapters.ami.protocol import AmiParser, format_action


def test_a_list_split_into_one_byte_reads_gives_the_same_messages() -> None:
    text = (t.BANNER + t.QUEUE_STATUS).replace("{id}", "a1").encode()
    whole = AmiParser().feed(text)
    parser = AmiParser()
    pieces = [m for i in range(len(text)) for m in parser.feed(text[i:i + 1])]
    assert [m.headers for m in pieces] == [m.headers for m in whole]
    assert [m.event or m.response for m in whole] == [
        "Success", "QueueParams", "QueueMember", "QueueMember", "QueueEntry", "QueueParams",
        "QueueMember", "QueueStatusComplete"]
    assert parser.banner == "Asterisk Call Manager/13.0.0"
    assert whole[3].get("PausedReason") == "lunch" and whole[2].get("pausedreason") == ""


def test_garbage_lines_are_counted_and_skipped_not_fatal() -> None:
    parser = AmiParser()
    messages = parser.feed(b"\x00\xff this is no header\r\nEvent: Ping\r\n"
                           b"nonsense line\r\nFoo: bar\r\n\r\n")
    assert len(messages) == 1 and messages[0].event == "Ping"
    assert messages[0].get("foo") == "bar" and parser.garbage == 2


def test_bare_newlines_work_like_crlf() -> None:
    [message] = AmiParser().feed(b"Event: Hangup\nUniqueid: 1.2\n\n")
    assert message.get("uniqueid") == "1.2"


def test_command_output_lines_are_kept_in_order() -> None:
    [message] = AmiParser().feed(t.COMMAND_OUTPUT.replace("{id}", "7").encode())
    assert message.action_id == "7"
    assert message.output[0].startswith("Asterisk 20.5.2") and message.output[1] == ""


def test_legacy_follows_output_runs_to_end_command() -> None:
    [message] = AmiParser().feed(t.LEGACY_COMMAND_OUTPUT.replace("{id}", "8").encode())
    assert message.response == "Follows" and message.action_id == "8"
    assert len(message.output) == 3 and "Members:" in message.output[1]


def test_actions_are_written_with_crlf_and_refuse_line_breaks() -> None:
    assert format_action("QueuePause", "9", {"Interface": "PJSIP/1001", "Paused": True,
                                               "Reason": None}) == (
        b"Action: QueuePause\r\nActionID: 9\r\nInterface: PJSIP/1001\r\nPaused: true\r\n\r\n")
    with pytest.raises(ValueError, match="one line"):
        format_action("QueuePause", "9", {"Reason": "lunch\r\nAction: Hangup"})
