"""Numbers as the theme prints them."""

from __future__ import annotations


def grouped(value: object) -> object:
    """Whole numbers of five digits or more grouped with narrow no-break spaces (118 000), readable in any
    language; anything else as it is, for the template to print (and escape) as usual. A filter, not a macro,
    because each case-study card prints one or two and a large build draws thousands of cards."""
    if isinstance(value, int) and not isinstance(value, bool) and (value >= 10000 or value <= -10000):
        return f"{value:,}".replace(",", "\u202f")
    return value
