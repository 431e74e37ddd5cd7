"""The fields each part of a flow file takes: type, whether required, default.

One table drives both the loader's checks and the schema in docs/ivr.md, so the two
cannot drift apart (a test compares them).
"""

from __future__ import annotations

#: field -> (kind, required, default). Kinds: str, target, prompt, recording, int, number,
#: bool, options (key -> node), languages (key -> language), routes (outcome -> node),
#: strlist, questions, and enum:<a|b|c>.
Field = tuple[str, bool, object]

TOP: dict[str, Field] = {
    "spec": ("enum:1.0", True, None),
    "name": ("str", True, None),
    "description": ("str", False, ""),
    "start": ("target", False, None),
    "main": ("target", False, None),
    "language": ("str", False, "zh"),
    "languages": ("strlist", False, None),
    "include": ("strlist", False, ()),
    "trail_length": ("int", False, 10),
    "input": ("table", False, None),
    "keys": ("table", False, None),
    "vip": ("table", False, None),
    "emergency": ("table", False, None),
    "entries": ("table", False, None),
    "nodes": ("table", False, None),
}

INPUT: dict[str, Field] = {
    "invalid": ("int", False, 3),
    "missing": ("int", False, 3),
    "timeout_s": ("number", False, 5.0),
    "digit_timeout_s": ("number", False, 3.0),
    "help": ("target", False, None),
    "agent": ("target", False, None),
    "invalid_prompt": ("prompt", False, None),
    "missing_prompt": ("prompt", False, None),
}

KEYS: dict[str, Field] = {"zero": ("target", False, None)}

VIP: dict[str, Field] = {
    "entry": ("target", True, None),
    "numbers": ("strlist", False, ()),
    "prefixes": ("strlist", False, ()),
    "min_level": ("int", False, None),
}

EMERGENCY: dict[str, Field] = {
    "prompt": ("prompt", True, None),
    "recording_s": ("recording", False, None),
    "after": ("target", False, None),
}

_COMMON: dict[str, Field] = {
    "type": ("str", True, None),
    "title": ("str", False, ""),
    "recording_s": ("recording", False, None),
}

_BUSY: dict[str, Field] = {
    "busy_prompt": ("prompt", False, None),
    "busy_after_s": ("number", False, 30.0),
    "callback": ("bool", False, False),
}

COLLECT_KINDS = "phone|amount|year|id|digits|password"

NODE_TYPES: dict[str, dict[str, Field]] = {
    "announce": {"prompt": ("prompt", True, None), "next": ("target", True, None),
                 "barge_in": ("bool", False, True)},
    "menu": {"prompt": ("prompt", True, None), "options": ("options", True, None),
             "timeout_s": ("number", False, None)},
    "language": {"prompt": ("prompt", True, None), "options": ("languages", True, None),
                 "next": ("target", True, None), "timeout_s": ("number", False, None)},
    "collect": {"prompt": ("prompt", True, None), "kind": (f"enum:{COLLECT_KINDS}", True, None),
                "store": ("str", True, None), "next": ("target", True, None),
                "min_digits": ("int", False, 1), "max_digits": ("int", False, 20),
                "min": ("number", False, None), "max": ("number", False, None),
                "timeout_s": ("number", False, None), "digit_timeout_s": ("number", False, None),
                "invalid_prompt": ("prompt", False, None)},
    "lookup": {"service": ("str", True, None), "args": ("strlist", False, ()),
               "timeout_s": ("number", False, 8.0), "wait_prompt": ("prompt", False, None),
               "wait_after_s": ("number", False, 2.0), "next": ("target", True, None),
               "routes": ("routes", False, None), "on_fail": ("target", True, None)},
    "verify": {"prompt": ("prompt", True, None), "service": ("str", True, None),
               "account": ("str", False, "caller"), "attempts": ("int", False, 3),
               "min_digits": ("int", False, 6), "max_digits": ("int", False, 6),
               "return_to_agent": ("bool", False, False), "next": ("target", False, None),
               "on_fail": ("target", False, None), "timeout_s": ("number", False, None),
               "lookup_timeout_s": ("number", False, 5.0),
               "wait_prompt": ("prompt", False, None), "fail_prompt": ("prompt", False, None)},
    "transfer": {"queue": ("str", True, None), "level": ("int", False, None),
                 "prompt": ("prompt", False, None), **_BUSY},
    "agent": {"agent": ("str", True, None), "prompt": ("prompt", False, None), **_BUSY},
    "connect": {"number": ("str", True, None), "prompt": ("prompt", False, None)},
    "survey": {"prompt": ("prompt", False, None), "questions": ("questions", True, None),
               "next": ("target", True, None), "timeout_s": ("number", False, None)},
    "hangup": {"prompt": ("prompt", False, None)},
    "jump": {"to": ("target", True, None)},
}
for _fields in NODE_TYPES.values():
    _fields.update(_COMMON)

QUESTION: dict[str, Field] = {
    "id": ("str", True, None),
    "prompt": ("prompt", True, None),
    "answers": ("table", True, None),
}

#: defaults played when a flow gives none (the S1 wording)
DEFAULT_PROMPTS = {
    "wait_prompt": {"zh": "您的请求已受理，正在查询，请稍候。",
                    "en": "Your request is accepted. Querying, please wait."},
    "invalid_prompt": {"zh": "您的输入有误，请重新输入。",
                       "en": "Sorry, that input is not valid. Please try again."},
    "missing_prompt": {"zh": "对不起，没有收到您的按键。", "en": "Sorry, we did not hear a key."},
    "fail_prompt": {"zh": "密码错误。", "en": "The password is wrong."},
}
