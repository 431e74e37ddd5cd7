"""The scenario's ``[harassers]`` section: callers the blacklist is for, and how they redial.

    [harassers]
    numbers = ["13800000001", "0871-65430000"]  # or: count = 20 (generated mobile numbers)
    share = 0.02                  # of inbound calls, the share that comes from these numbers
    redial_probability = 0.7      # a blocked harasser calls again ...
    redial_delay = { kind = "exponential", mean = 90 }   # ... after this long
    max_redials = 5               # ... at most this many times in a row

Parsed apart from scenario.py (which only names the section) so that file stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.phone_numbers import NumberError, normalise
from switchlink.adapters.loopback.distributions import Distribution, fixed
from switchlink.adapters.loopback.reader import TableReader

MAX_HARASSERS = 100_000
#: ``count = N`` numbers count up from 139 8800 0000 (an ordinary caller, a random mobile,
#: may rarely draw one of them: a caller who shares a harasser's number, as on a real floor)
GENERATED_BASE = 13988000000


@dataclass(frozen=True, slots=True)
class HarasserSpec:
    numbers: tuple[str, ...]
    share: float
    redial_probability: float
    redial_delay: Distribution
    max_redials: int


def parse_harassers(top: TableReader) -> HarasserSpec | None:
    """The ``[harassers]`` table of a scenario, or None when it has none."""
    if not top.has("harassers"):
        return None
    h = top.child("harassers")
    h.check_keys({"numbers", "count", "share", "redial_probability", "redial_delay",
                  "max_redials"})
    if h.has("numbers") == h.has("count"):
        h.fail("numbers", "give either numbers = [...] or count = N (not both, not neither)")
    if h.has("numbers"):
        raw = h.table["numbers"]
        if not isinstance(raw, list) or not raw:
            h.fail("numbers", "expected a non-empty list of telephone numbers")
        if len(raw) > MAX_HARASSERS:
            h.fail("numbers", f"at most {MAX_HARASSERS:,} numbers")
        numbers: list[str] = []
        for i, text in enumerate(raw):
            try:
                number = normalise(text)
            except NumberError as exc:
                h.fail(f"numbers[{i}]", f"{text!r}: {exc}")
            if number in numbers:
                h.fail(f"numbers[{i}]", f"{text!r} is the same number as an earlier one")
            numbers.append(number)
    else:
        count = h.int("count", low=1, high=MAX_HARASSERS)
        numbers = [str(GENERATED_BASE + i) for i in range(count)]
    return HarasserSpec(
        numbers=tuple(numbers),
        share=h.num("share", 0.02, low=0.0, high=1.0),
        redial_probability=h.num("redial_probability", 0.5, low=0.0, high=1.0),
        redial_delay=h.dist("redial_delay", fixed(120.0)),
        max_redials=h.int("max_redials", 3, low=0, high=1000),
    )
