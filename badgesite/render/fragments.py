"""Template fragments rendered once per process and reused: a badge card reads the same on the badge index,
its issuer page and each of its skill pages, and at thousands of badges those repeats are most of the listing
pages' cost. Themes opt in with a call block whose key names everything the fragment shows:

    {% call fragment("badge_card", badge.id, heading) %} … {% endcall %}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup


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
            found = self._rendered[frozen] = Markup(caller())
        return found

    def clear(self) -> None:
        """Forget every fragment: the model they were rendered from has changed."""
        self._rendered.clear()


def _freeze(part: object) -> Hashable:
    """Lists and tuples by their items (a level list is a list); anything else must hash by value."""
    if isinstance(part, list | tuple):
        return (type(part).__name__, *(_freeze(item) for item in part))
    hash(part)
    return part  # type: ignore[return-value]
