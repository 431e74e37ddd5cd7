"""Blacklist numbers: one canonical form per number, and garbage refused with a reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.phone_numbers import NumberError, display, is_canonical, normalise


@pytest.mark.parametrize("text", ["0871-12345678", "087112345678", "+86 871 1234 5678",
                                  "0086 871 12345678", "(0871) 1234-5678", "+86 0871 12345678"])
def test_the_same_kunming_landline_written_six_ways_is_one_number(text: str) -> None:
    assert normalise(text) == "087112345678"


@pytest.mark.parametrize(("text", "canonical"), [
    ("138 1234 5678", "13812345678"), ("+86 138-1234-5678", "13812345678"),
    ("8613812345678", "13812345678"), ("010-12345678", "01012345678"),
    ("+86 10 1234 5678", "01012345678"), ("95598", "95598"), ("10086", "10086"),
    ("12345", "12345"), ("400-800-1234", "4008001234"), ("800 820 8820", "8008208820"),
    ("+44 20 7123 4567", "+442071234567"), ("0044 20 7123 4567", "+442071234567"),
    ("021 1234567", "0211234567"),
])
def test_numbers_of_every_kind_normalise(text: str, canonical: str) -> None:
    assert normalise(text) == canonical


@pytest.mark.parametrize(("text", "why"), [
    ("", "empty"), (")", "no digits"), ("- ( )", "no digits"), ("abc", "'a' is not allowed"),
    ("1381234567", "11 digits"),
    ("12345678", "area code"), ("110", "emergency"), ("0871-123", "7- or 8-digit"),
    ("00", "country code"), ("+0 123456789", "never starts with 0"),
    ("12812345678", "starts 13-19"), ("0871-01234567", "does not start with 0"),
    ("13812345678#", "'#' is not allowed"), ("+1 23", "8 to 15 digits"),
    ("400123456", "10 digits"), ("０８７１１２３４５６７８", "not allowed"),
])
def test_garbage_is_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(NumberError, match=why):
        normalise(text)


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
landlines = st.one_of(
    st.from_regex(r"0(10|2[0-9])[1-9][0-9]{7}", fullmatch=True),
    st.from_regex(r"0[3-9][1-9][0-9][1-9][0-9]{6,7}", fullmatch=True),
)
services = st.one_of(st.from_regex(r"9[56][0-9]{3,6}", fullmatch=True),
                     st.from_regex(r"[48]00[0-9]{7}", fullmatch=True))
separators = st.sampled_from(["", " ", "-", "."])


def _written(number: str, sep: str, plus86: bool) -> str:
    """A canonical Chinese number as people write it: grouped, maybe with +86."""
    groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    text = sep.join(groups)
    if plus86 and number.startswith("0"):
        return "+86 " + sep.join(number[1 + i:5 + i] for i in range(0, len(number) - 1, 4))
    if plus86 and number.startswith("1"):
        return "+86" + sep + text
    return text


@given(st.one_of(mobiles, landlines, services), separators, st.booleans())
def test_generated_numbers_round_trip_however_written(number: str, sep: str, plus: bool) -> None:
    written = _written(number, sep, plus and not number.startswith(("9", "4", "8")))
    assert normalise(written) == number
    assert normalise(display(number)) == number
    assert is_canonical(number)


@given(st.text(max_size=30))
def test_any_text_is_a_number_or_a_reason(text: str) -> None:
    try:
        canonical = normalise(text)
    except NumberError as exc:
        assert str(exc)  # a reason, never an empty message
        return
    assert normalise(canonical) == canonical  # canonical forms are fixed points
