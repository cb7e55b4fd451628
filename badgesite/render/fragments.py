"""Template fragments rendered once per process and reused: a badge card reads the same on the badge index,
its issuer page and each of its skill pages, and at thousands of badges those repeats are most of the listing
pages' cost. Themes opt in with a call block whose key holds everything the fragment shows:

    {% call fragment("badge_card", badge, heading) %} … {% endcall %}

Model objects are frozen dataclasses compared by value, so a key made of them stays right when `serve` swaps
in a new model after an edit: only the edited badge's card is rendered again. Within one environment the base
path and the theme's settings are fixed, so they need not be in the key.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup

MAX_FRAGMENTS = 200_000  # a long `serve` session keeps adding edited versions; start over past this


class Fragments:
    """The `fragment(*key)` global. A key that cannot be hashed renders the block every time, never wrongly."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[Hashable, ...], Markup] = {}

    def __call__(self, *key: object, caller: Callable[[], str]) -> Markup:
        try:
            frozen = tuple(_freeze(part) for part in key)
            found = self._rendered.get(frozen)
        except TypeError:
            return Markup(caller())
        if found is None:
            if len(self._rendered) >= MAX_FRAGMENTS:
                self._rendered.clear()
            found = self._rendered[frozen] = Markup(caller())
        return found


def _freeze(part: object) -> Hashable:
    """Lists and tuples by their items (a level list is a list); anything else must hash by value."""
    if isinstance(part, list | tuple):
        return (type(part).__name__, *(_freeze(item) for item in part))
    hash(part)
    return part  # type: ignore[return-value]
