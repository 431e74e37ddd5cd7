"""Where each table and key sits in a TOML text (tomllib reports values, not positions).

A structural scan only: strings, comments, arrays and inline tables are stepped over so the
key paths match what tomllib returns; values are never interpreted. Syntax errors are
tomllib's to report: the scan simply stops and keeps the positions found so far.
"""

from __future__ import annotations

import bisect
import contextlib
import re

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t]*")
_WS_NL = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]\}\s#]+")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\"}


class _Stop(Exception):
    """The text is not valid TOML here; tomllib will say why."""


def _unescape(raw: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "uU":
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, code)
    return _ESCAPE.sub(one, raw)


class PositionIndex:
    """Key path -> (line, column), both 1-based; ``find`` falls back to the nearest parent."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: dict[Path, tuple[int, int]] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._array_tables: dict[Path, int] = {}
        with contextlib.suppress(_Stop, IndexError, ValueError):
            self._scan()

    def find(self, path: Path) -> tuple[int, int]:
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)

    # --- scanning ------------------------------------------------------------------------------

    def _where(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def _scan(self) -> None:
        text, i, table = self.text, 0, ()
        while True:
            i = _WS_NL.match(text, i).end()
            if i >= len(text):
                return
            if text.startswith("[[", i):
                key, i = self._key(i + 2)
                if not text.startswith("]]", i):
                    raise _Stop
                index = self._array_tables.get(key, 0)
                self._array_tables[key] = index + 1
                table = (*key, index)
                self.positions.setdefault(key, self._where_key)
                self.positions[table] = self._where_key
                i += 2
            elif text[i] == "[":
                key, i = self._key(i + 1)
                if text[i] != "]":
                    raise _Stop
                table = key
                self.positions[table] = self._where_key
                i += 1
            else:
                key, i = self._key(i)
                self.positions[(*table, *key)] = self._where_key
                if text[i] != "=":
                    raise _Stop
                i = self._value(i + 1, (*table, *key))

    def _key(self, i: int) -> tuple[tuple[str, ...], int]:
        """A dotted key starting at ``i``; remembers where its last part starts."""
        text, parts = self.text, []
        while True:
            i = _WS.match(text, i).end()
            start = i
            if text[i] in "\"'":
                quote = text[i]
                end = text.index(quote, i + 1) if quote == "'" else self._basic_end(i + 1)
                raw = text[i + 1:end]
                parts.append(raw if quote == "'" else _unescape(raw))
                i = end + 1
            else:
                m = _BARE.match(text, i)
                if not m:
                    raise _Stop
                parts.append(m.group())
                i = m.end()
            self._where_key = self._where(start)
            i = _WS.match(text, i).end()
            if i < len(text) and text[i] == ".":
                i += 1
                continue
            return tuple(parts), i

    def _basic_end(self, i: int) -> int:
        text = self.text
        while True:
            c = text[i]
            if c == "\\":
                i += 2
            elif c == '"':
                return i
            elif c == "\n":
                raise _Stop
            else:
                i += 1

    def _value(self, i: int, path: Path) -> int:
        text = self.text
        i = _WS.match(text, i).end()
        if text.startswith('"""', i) or text.startswith("'''", i):
            quote = text[i:i + 3]
            end = i + 3
            while True:
                end = text.index(quote, end)
                if quote == '"""' and _escaped(text, end):
                    end += 1
                    continue
                break
            while text.startswith(quote[0], end + 3):  # up to two quotes may close the content
                end += 1
            return end + 3
        c = text[i]
        if c == '"':
            return self._basic_end(i + 1) + 1
        if c == "'":
            return text.index("'", i + 1) + 1
        if c == "{":
            i += 1
            while True:
                i = _WS.match(text, i).end()
                if text[i] == "}":
                    return i + 1
                key, i = self._key(i)
                self.positions[(*path, *key)] = self._where_key
                if text[i] != "=":
                    raise _Stop
                i = _WS.match(text, self._value(i + 1, (*path, *key))).end()
                if text[i] == ",":
                    i += 1
        if c == "[":
            i, index = i + 1, 0
            while True:
                i = _WS_NL.match(text, i).end()
                if text[i] == "]":
                    return i + 1
                self.positions[(*path, index)] = self._where(i)
                i = _WS_NL.match(text, self._value(i, (*path, index))).end()
                index += 1
                if text[i] == ",":
                    i += 1
        m = _SCALAR.match(text, i)
        if not m:
            raise _Stop
        return m.end()


def _escaped(text: str, quote_at: int) -> bool:
    backslashes = 0
    while text[quote_at - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
