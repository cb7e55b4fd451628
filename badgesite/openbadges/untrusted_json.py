"""Parse JSON from a file, image or server, so hostile nesting or huge numbers are a reason, not a crash."""

from __future__ import annotations

import json
from typing import Any

from .limits import MAX_JSON_DEPTH, MAX_JSON_INTEGER_DIGITS


class JsonLimitError(ValueError):
    """JSON refused for its shape, not its syntax; a ValueError so every ``except ValueError`` still holds.

    The message is a reason for a person, such as ``JSON nested more than 64 levels deep``.
    """


def load_json(text: str | bytes) -> Any:
    """``json.loads`` that raises JsonLimitError (never RecursionError) for too deep nesting or too long integers.

    Depth is checked after parsing: the C parser stops deep input itself with a RecursionError, and what it
    does return is walked without recursion, so no later code that recurses over the value can overflow.
    """
    try:
        value = json.loads(text, parse_int=_integer)
    except RecursionError:
        raise _too_deep() from None
    if _deeper_than(value, MAX_JSON_DEPTH):
        raise _too_deep()
    return value


def _integer(digits: str) -> int:
    """Refuse long integers with our own words; Python's would tell the user to call sys.set_int_max_str_digits."""
    if len(digits.lstrip("-")) > MAX_JSON_INTEGER_DIGITS:
        raise JsonLimitError(f"JSON holding a number with more than {MAX_JSON_INTEGER_DIGITS} digits")
    return int(digits)


def _too_deep() -> JsonLimitError:
    return JsonLimitError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep")


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels; a loop with its own stack, not recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
