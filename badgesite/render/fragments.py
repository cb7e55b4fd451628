"""Template fragments rendered once per process and reused: a badge card reads the same on the badge index,
its issuer page and each of its skill pages, and at thousands of badges those repeats are most of the listing
pages' cost. Themes opt in with a call block whose key holds everything the fragment shows:

    {% call fragment("badge_card", badge, heading) %} … {% endcall %}

Model objects are frozen dataclasses compared by value, so a key made of them stays right when `serve` swaps
in a new model after an edit: only the edited badge's card is rendered again. Within one environment the base
path and the theme's settings are fixed, so they need not be in the key.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable
from dataclasses import is_dataclass

from markupsafe import Markup

from badgesite.same import as_printed

MAX_FRAGMENTS = 200_000  # a long `serve` session keeps adding edited versions; start over past this


class Fragments:
    """The `fragment(*key)` and `fragment_each(name, items, *key)` globals. Keys are scoped to the template
    file the block is written in, and compared with their types (65 and 65.0 print differently). A key
    that cannot be hashed renders the block every time, never wrongly."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[Hashable, ...], Markup] = {}
        self._parts: dict[int, tuple[object, Hashable]] = {}  # id(part) -> (part, its key part)

    def __call__(self, *key: object, caller: Callable[[], str]) -> Markup:
        frozen = self._key(key)
        if frozen is None:
            return Markup(caller())
        return self._rendered_once((_written_in(caller), *frozen), caller)

    def each(self, name: str, items: Iterable[object], *rest: object, caller: Callable[[object], str]) -> Markup:
        """`fragment(name, item, *rest)` for every item, one per line: a listing page's cards in one call.

        `{% call(badge) fragment_each("badge_card", badges, heading) %}…{% endcall %}` costs a dictionary
        lookup per card where a macro call per card cost ten times that (a skill page lists hundreds)."""
        shared = self._key((name, *rest))  # the key fragment(name, item, *rest) has, item left out
        head, tail = ((_written_in(caller), shared[0]), shared[1:]) if shared is not None else ((), ())
        made = []
        for item in items:
            render = functools.partial(caller, item)
            own = self._key((item,)) if shared is not None else None
            if own is None:
                made.append(Markup(render()))
            else:
                made.append(self._rendered_once((*head, *own, *tail), render))
        return Markup("\n".join(made))

    def _key(self, parts: Iterable[object]) -> tuple[Hashable, ...] | None:
        try:
            return tuple(self._key_part(part) for part in parts)
        except TypeError:
            return None

    def _rendered_once(self, frozen: tuple[Hashable, ...], render: Callable[[], str]) -> Markup:
        found = self._rendered.get(frozen)
        if found is None:
            if len(self._rendered) >= MAX_FRAGMENTS:
                self._rendered.clear()
            found = self._rendered[frozen] = Markup(render())
        return found

    def _key_part(self, part: object) -> Hashable:
        """Model objects hash by value, which walks every field on each call; a listing page asks for the same
        badge's card on page after page, so each model object's key part is made once and found by identity
        after. The object is kept beside its entry, so its id cannot be reused while the entry lives."""
        if not is_dataclass(part):
            return _freeze(part)  # lists can change, so are read every time
        entry = self._parts.get(id(part))
        if entry is not None and entry[0] is part:
            return entry[1]
        if len(self._parts) >= MAX_FRAGMENTS:  # `serve` brings a new model after each edit
            self._parts.clear()
        made = _ByValue(part)
        self._parts[id(part)] = (part, made)
        return made


def _written_in(caller: object) -> str | None:
    """The template file of the call block (Jinja compiles each template with its file name): a site's
    override that reuses a theme's fragment name must not get the theme's markup, nor, in a parallel build,
    whichever of the two a worker happened to draw first."""
    function = getattr(caller, "_func", caller)
    code = getattr(function, "__code__", None)
    return code.co_filename if code is not None else None


class _ByValue:
    """A model object as a key part: its hash computed once; equal to another by value (identity first,
    which is every lookup within one build). Model objects compare as they print (see model.types.Metric)."""

    __slots__ = ("_hash", "value")

    def __init__(self, value: object) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _ByValue):
            return NotImplemented
        return self is other or (self._hash == other._hash and self.value == other.value)


def _freeze(part: object) -> Hashable:
    """Lists and tuples by their items (a level list is a list); anything else by its type and value."""
    if isinstance(part, list | tuple):
        return (type(part).__name__, *(_freeze(item) for item in part))
    if type(part) is str or part is None:
        return part
    hash(part)
    printed = as_printed(part)
    return printed if printed is not part else (type(part), part)  # a Markup is not the text it equals
