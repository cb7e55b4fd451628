"""The `grouped` filter behind m.number and the metric markup."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from badgesite.render.numbers import grouped


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (118000, "118\u202f000"),
        (10000, "10\u202f000"),
        (-10000, "-10\u202f000"),
        (1234567, "1\u202f234\u202f567"),
        (9999, 9999),
        (-9999, -9999),
        (12345.5, 12345.5),  # a measured value keeps the digits it was given
        (True, True),  # not a number to group, whatever Python's bool is
    ],
)
def test_whole_numbers_of_five_digits_are_grouped_and_others_pass_through(value: object, printed: object) -> None:
    result = grouped(value)
    assert result == printed and type(result) is type(printed)


def test_markup_passes_through_unchanged() -> None:
    value = Markup("<b>x</b>")
    assert grouped(value) is value
