"""Checking what a caller keyed in: phone numbers, amounts, years, ID numbers, digit strings.

Each check takes the keys as typed (``*`` included) and returns the value to store, or
raises :class:`InvalidEntry` saying why, so the interpreter can count the attempt.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_FIXED = re.compile(r"^0[1-9]\d{8,10}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
_AMOUNT = re.compile(r"^(\d{1,9})(?:\*(\d{1,2}))?$")
#: weights and check characters of GB 11643-1999 (ISO 7064 MOD 11-2)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


class InvalidEntry(ValueError):
    """The keys do not make a valid entry of the asked kind."""


def phone(keys: str) -> str:
    """A mobile (11 digits, 1[3-9]…), a long-distance number (0 + area code) or a local one."""
    if _MOBILE.match(keys) or _FIXED.match(keys) or _LOCAL.match(keys):
        return keys
    raise InvalidEntry(f"{keys!r} is not a phone number")


def amount(keys: str, low: float | None = None, high: float | None = None) -> Decimal:
    """Yuan with ``*`` as the decimal point: ``12*5`` is 12.50 yuan."""
    m = _AMOUNT.match(keys)
    if not m:
        raise InvalidEntry(f"{keys!r} is not an amount (digits, * as the decimal point)")
    value = Decimal(f"{m.group(1)}.{(m.group(2) or '').ljust(2, '0')}")
    if (low is not None and value < Decimal(str(low))) or \
            (high is not None and value > Decimal(str(high))):
        raise InvalidEntry(f"{value} yuan is outside {low}–{high}")
    return value


def year(keys: str, low: float | None = None, high: float | None = None) -> int:
    """A year as YYYY, by default 1900–2100."""
    if len(keys) != 4 or not keys.isdigit():
        raise InvalidEntry(f"{keys!r} is not a year (four digits, YYYY)")
    value = int(keys)
    if not int(low or 1900) <= value <= int(high or 2100):
        raise InvalidEntry(f"{value} is outside {int(low or 1900)}–{int(high or 2100)}")
    return value


def resident_id(keys: str) -> str:
    """An 18-character PRC resident ID; ``*`` keys the check character X."""
    text = keys.replace("*", "X")
    if len(text) != 18 or not text[:17].isdigit() or "X" in text[:17]:
        raise InvalidEntry("an ID number has 17 digits and a check digit (* for X)")
    if text[0] not in "123456789":
        raise InvalidEntry(f"{text[:2]} is not a region code")
    try:
        date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidEntry(f"{text[6:14]} is not a date of birth") from None
    check = _ID_CHECK[sum(int(c) * w for c, w in zip(text, _ID_WEIGHTS, strict=False)) % 11]
    if text[17] != check:
        raise InvalidEntry("the check digit does not match")
    return text


def digits(keys: str, min_digits: int, max_digits: int, low: float | None = None,
           high: float | None = None) -> str:
    """A digit string of a length in range and, when bounds are given, a value in range."""
    if not keys.isdigit() or not min_digits <= len(keys) <= max_digits:
        raise InvalidEntry(f"{min_digits}–{max_digits} digits expected")
    if (low is not None and int(keys) < low) or (high is not None and int(keys) > high):
        raise InvalidEntry(f"{keys} is outside {low:g}–{high:g}")
    return keys


def check(kind: str, keys: str, fields: dict) -> object:
    """The value of a ``collect`` entry of ``kind`` (see docs/ivr.md)."""
    if kind == "phone":
        return phone(keys)
    if kind == "amount":
        return amount(keys, fields.get("min"), fields.get("max"))
    if kind == "year":
        return year(keys, fields.get("min"), fields.get("max"))
    if kind == "id":
        return resident_id(keys)
    if kind == "digits":
        return digits(keys, fields.get("min_digits", 1), fields.get("max_digits", 20),
                      fields.get("min"), fields.get("max"))
    return digits(keys, fields.get("min_digits", 1), fields.get("max_digits", 20))


def id_check_character(first17: str) -> str:
    """The check character for 17 digits (for tests and sample data)."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]
