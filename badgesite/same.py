"""Equality that also tells apart values which print differently: Python holds 65 == 65.0 == True and
0.0 == -0.0, and a page showing one must not be taken for a page showing the other (fragment keys, serve's
check that an edit left a case study's front matter alone)."""

from __future__ import annotations

import datetime as dt

_PLAIN = frozenset({str, int, bool, type(None), bytes, dt.date, dt.datetime})


def as_printed(value: object) -> object:
    """A number as it prints, with its type ((int, "65") is not (float, "65.0"), nor -0.0 0.0); else the value."""
    return (type(value), repr(value)) if isinstance(value, int | float) else value


def same(a: object, b: object) -> bool:
    """a == b, with every value of the same type and every float written the same way, at any depth."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in _PLAIN:
        return a == b
    if kind is float:
        return as_printed(a) == as_printed(b)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(value, b[key]) for key, value in a.items())
    fields = getattr(kind, "__dataclass_fields__", None)
    if fields is not None:
        return all(same(getattr(a, name), getattr(b, name)) for name in fields)
    return a == b
