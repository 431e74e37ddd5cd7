"""The Asterisk Manager Interface wire format: ``Key: Value`` lines, a blank line ends a message.

What Asterisk really sends (main/manager.c): a banner ``Asterisk Call Manager/<AMI version>``
with no blank line after it; responses ``Response: Success|Error`` (``EventList: start`` for
list actions, whose events carry the ActionID and end with a ``…Complete`` event holding
``EventList: Complete``); ``Command`` output as repeated ``Output:`` lines (Asterisk 14+) or,
before that, ``Response: Follows`` with raw lines ending in ``--END COMMAND--``. A reader must
also survive lines split across TCP reads, bare ``\\n`` line ends and garbage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BANNER_PREFIX = "Asterisk Call Manager/"
LEGACY_END = "--END COMMAND--"
#: a line longer than this is garbage, not AMI (Asterisk's own limit is far smaller)
MAX_LINE = 64 * 1024


@dataclass(slots=True)
class Message:
    """One AMI message; header names are matched case-insensitively."""

    headers: dict[str, str] = field(default_factory=dict)
    #: repeated ``Output:`` lines or the legacy raw command output, in order
    output: list[str] = field(default_factory=list)

    def get(self, key: str, default: str = "") -> str:
        return self.headers.get(key.lower(), default)

    @property
    def event(self) -> str:
        return self.get("event")

    @property
    def response(self) -> str:
        return self.get("response")

    @property
    def action_id(self) -> str:
        return self.get("actionid")


class AmiParser:
    """Bytes in, :class:`Message` objects out; counts what it had to skip."""

    def __init__(self) -> None:
        self._buffer = b""
        self._current = Message()
        self._legacy = False
        self.banner = ""
        self.garbage = 0

    def feed(self, data: bytes) -> list[Message]:
        self._buffer += data
        out: list[Message] = []
        while True:
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > MAX_LINE:  # no line end in sight: drop it
                    self._buffer = b""
                    self.garbage += 1
                return out
            raw, self._buffer = self._buffer[:end], self._buffer[end + 1:]
            line = raw.rstrip(b"\r").decode("utf-8", errors="replace")
            message = self._line(line)
            if message is not None:
                out.append(message)

    def _line(self, line: str) -> Message | None:
        current = self._current
        if self._legacy:
            if line.strip() == LEGACY_END:
                self._legacy = False
            elif ": " in line and not current.output and line.split(": ", 1)[0] in (
                    "Privilege", "ActionID"):
                key, value = line.split(": ", 1)
                current.headers[key.lower()] = value
            else:
                current.output.append(line)
            return None
        if not line:
            if not current.headers:
                return None
            self._current = Message()
            return current
        if not current.headers and line.startswith(BANNER_PREFIX):
            self.banner = line
            return None
        key, sep, value = line.partition(":")
        if not sep or not key or " " in key.strip():
            self.garbage += 1
            return None
        key, value = key.strip().lower(), value.lstrip(" ")
        if key == "output":
            current.output.append(value)
            return None
        current.headers[key] = value
        if key == "response" and value == "Follows":
            self._legacy = True
        return None


def format_action(action: str, action_id: str, fields: dict[str, object]) -> bytes:
    """One action as Asterisk expects it: CRLF lines, a blank line at the end."""
    lines = [f"Action: {action}", f"ActionID: {action_id}"]
    for key, value in fields.items():
        if value is None:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            text = str(item).lower() if isinstance(item, bool) else str(item)
            if "\r" in text or "\n" in text:
                raise ValueError(f"AMI field {key} must be one line, got {text!r}")
            lines.append(f"{key}: {text}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
