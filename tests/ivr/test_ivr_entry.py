"""What callers key in: phone numbers, amounts (* decimal point), years, resident IDs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ivr import entry
from ivr.entry import InvalidEntry

# a valid ID: region 110101, born 1990-03-07, sequence 123, check digit computed
ID17 = "11010119900307123"
VALID_ID = ID17 + entry.id_check_character(ID17)


@pytest.mark.parametrize("number", ["13812345678", "075512345678", "01012345678", "63001234"])
def test_phone_numbers(number) -> None:
    assert entry.phone(number) == number


@pytest.mark.parametrize("number", ["12812345678", "1381234567", "123", "0012345678", "1*2"])
def test_not_phone_numbers(number) -> None:
    with pytest.raises(InvalidEntry):
        entry.phone(number)


def test_amounts_in_yuan_with_star_as_decimal_point() -> None:
    assert entry.amount("12*5") == Decimal("12.50")
    assert entry.amount("12*05") == Decimal("12.05")
    assert entry.amount("100") == Decimal("100.00")
    for bad in ("12*", "*5", "1*2*3", "12*345", ""):
        with pytest.raises(InvalidEntry):
            entry.amount(bad)
    with pytest.raises(InvalidEntry, match="outside"):
        entry.amount("6000", 1, 5000)


def test_years_are_four_digits() -> None:
    assert entry.year("2024") == 2024
    for bad in ("24", "20245", "1850"):
        with pytest.raises(InvalidEntry):
            entry.year(bad)


def test_resident_ids_check_the_check_digit_date_and_region() -> None:
    assert entry.resident_id(VALID_ID) == VALID_ID
    assert entry.id_check_character("11010519491231002") == "X"  # GB 11643 example
    assert entry.resident_id("11010519491231002*") == "11010519491231002X"
    wrong = ID17 + str((int(VALID_ID[-1]) + 1) % 10 if VALID_ID[-1] != "X" else 0)
    with pytest.raises(InvalidEntry, match="check digit"):
        entry.resident_id(wrong)
    with pytest.raises(InvalidEntry, match="date of birth"):
        entry.resident_id("11010119901307123" + "0")
    with pytest.raises(InvalidEntry, match="region"):
        entry.resident_id("0" + VALID_ID[1:])
    with pytest.raises(InvalidEntry):
        entry.resident_id(VALID_ID[:-1])


def test_digit_strings_with_bounds() -> None:
    assert entry.digits("3", 1, 1, 1, 3) == "3"
    with pytest.raises(InvalidEntry):
        entry.digits("4", 1, 1, 1, 3)
