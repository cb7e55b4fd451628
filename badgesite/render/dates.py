"""Dates as people read them, the same on every machine whatever its locale."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_date(value: dt.date | None) -> str:
    """`31 May 2024`, the same on every machine whatever its locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


def month_year(value: dt.date | None) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}" if value else ""
