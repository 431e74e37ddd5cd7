"""Telephone numbers as the blacklist keeps them: validated, one canonical form per number.

The blacklist must treat ``0871-12345678``, ``087112345678`` and ``+86 871 1234 5678`` as
one number, and refuse what cannot be a number with the reason. The Chinese numbering plan
needs only a few rules (docs/blacklist.md "Numbers"), so they are written here rather than
pulled from a general library (see docs/decisions.md, issue 13). Canonical forms:

- Chinese mobile: 11 digits ``1[3-9]…`` (``13812345678``)
- Chinese landline: trunk prefix 0, area code, subscriber (``087112345678``, ``01012345678``)
- service numbers: ``95598``-style 95/96 numbers, ``10086``/``12345``-style 1xxxx numbers,
  ``400``/``800`` ten-digit numbers — as dialled
- any other country: ``+`` and the E.164 digits (``+4420712345678``)
"""

from __future__ import annotations

import re


class NumberError(ValueError):
    """Not a telephone number the blacklist can hold; the message says why, ``code`` what
    kind of mistake it is (a console translates by it)."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


_ALLOWED = re.compile(r"\+?[0-9 ()\-.]*")
_SEPARATORS = str.maketrans("", "", " ()-.")
#: Chinese area codes of three digits after the trunk 0: Beijing 10, and 20-29
_SHORT_AREA = ("1", "2")
MAX_INPUT = 40


def normalise(text: object) -> str:
    """The canonical form of ``text``, or :class:`NumberError` saying what is wrong."""
    if not isinstance(text, str):
        raise NumberError(f"a number must be text, got {type(text).__name__}", code="type")
    raw = text.strip()
    if not raw:
        raise NumberError("empty: give a telephone number", code="empty")
    if len(raw) > MAX_INPUT:
        raise NumberError(
            f"too long ({len(raw)} characters) to be a telephone number",
            code="too_long")
    if not _ALLOWED.fullmatch(raw):
        bad = next(ch for ch in raw if not (ch.isdigit() and ch.isascii()) and ch not in " ()-.+")
        where = "inside the number" if bad != "+" else "except at the start"
        raise NumberError(
            f"{bad!r} is not allowed {where}: a number has digits, spaces, dashes and a "
            "leading +", code="characters")
    digits = raw.translate(_SEPARATORS)
    if not digits:  # only separators, e.g. ")" or "- -"
        raise NumberError("no digits: give a telephone number", code="empty")
    if digits.startswith("+"):
        return _international(digits[1:])
    if digits.startswith("00"):
        return _international(digits[2:])
    if len(digits) == 13 and digits.startswith("86") and digits[2] == "1":
        return _china(digits[2:])  # 86 13812345678, the country code without its +
    return _china(digits)


def _international(digits: str) -> str:
    if not digits:
        raise NumberError("a + must be followed by a country code and number", code="international")
    if digits.startswith("86"):
        national = digits[2:]
        if national.startswith("0"):  # +86 0871 … : the trunk 0 written anyway
            national = national[1:]
        if not national:
            raise NumberError("+86 must be followed by a Chinese number", code="international")
        if national[0] == "1" and len(national) == 11:
            return _china(national)
        if ((national[:3] in ("400", "800") and len(national) == 10)
                or (national[:2] in ("95", "96") and 5 <= len(national) <= 8)):
            return national  # +86 400…, +86 95598
        return _china("0" + national)
    if digits[0] == "0":
        raise NumberError("a country code never starts with 0", code="international")
    if not 8 <= len(digits) <= 15:
        raise NumberError(
            f"an international number has 8 to 15 digits after the +, this has {len(digits)}",
            code="international")
    return "+" + digits


def _china(d: str) -> str:
    n = len(d)
    if n in (7, 8) and d[0] != "0" and d[:2] not in ("95", "96"):
        raise NumberError("a landline needs its area code, e.g. 0871-12345678", code="area_code")
    if d[0] == "1":
        if n == 11:
            if d[1] in "3456789":
                return d
            raise NumberError(f"a mobile number starts 13-19, not {d[:2]}", code="mobile")
        if n == 5 and d[1] in "012":
            return d  # 10086, 10000, 12345, 12315 …
        if n in (3, 4):
            raise NumberError(
                f"{d} is an emergency or short code, not a caller's number",
                code="short_code")
        raise NumberError(f"a mobile number has 11 digits, this has {n}", code="mobile")
    if d[0] == "0":
        if n < 2 or d[1] == "0":
            raise NumberError(
                "an area code does not start with 00 (write + for abroad)",
                code="landline")
        area = 3 if d[1] in _SHORT_AREA else 4
        subscriber = n - area
        if subscriber < 7:
            raise NumberError(
                f"area code {d[:area]} needs a 7- or 8-digit subscriber number, "
                f"got {max(0, subscriber)}",
                code="landline")
        if subscriber > 8:
            raise NumberError(
                f"too many digits for a landline: area code {d[:area]} and {subscriber} more",
                code="landline")
        if d[area] == "0":
            raise NumberError("a subscriber number does not start with 0", code="landline")
        return d
    if d[:3] in ("400", "800"):
        if n == 10:
            return d
        raise NumberError(f"a {d[:3]} number has 10 digits, this has {n}", code="service")
    if d[:2] in ("95", "96"):
        if 5 <= n <= 8:
            return d
        raise NumberError(
            f"a {d[:2]}xxx service number has 5 to 8 digits, this has {n}",
            code="service")
    raise NumberError(
        f"not a Chinese mobile, landline with area code, service number or +international "
        f"number ({n} digits)"
    )


def display(number: str) -> str:
    """A canonical number grouped for reading: ``0871-12345678``, ``138 1234 5678``."""
    if number.startswith("+"):
        return number
    if len(number) == 11 and number[0] == "1":
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if number.startswith("0") and len(number) >= 10:
        area = 3 if number[1] in _SHORT_AREA else 4
        return f"{number[:area]}-{number[area:]}"
    return number


def is_canonical(text: str) -> bool:
    """Whether ``text`` is already canonical, so a look-up need not normalise it (hot path)."""
    return (text.isdigit() and not text.startswith(("00", "86"))) or (
        text.startswith("+") and not text.startswith("+86") and text[1:].isdigit()
    )
