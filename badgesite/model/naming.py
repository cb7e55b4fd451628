"""The naming rules, applied once: aliases to canonical names, slugs, level vocabulary."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from badgesite.slugs import slugify


def normal_spacing(text: str) -> str:
    """Collapse runs of white space: `AWS  Certified` and `AWS Certified` are one name."""
    return " ".join(text.split())  # split() breaks on exactly what `\s` matches, and is faster


# Punctuation that tells two names apart: `C#` is not `C`, `A*` not `A`. `&` is read as the word `and`, as the
# slugs read it (`R&D` is `R and D`). Symbols (`+`, `$`, emoji) are never punctuation: `C++` is not `C`.
_MEANINGFUL_PUNCTUATION = {"#": "#", "&": " and ", "@": "@", "%": "%", "*": "*"}
# Unicode punctuation, spaces and control characters part words; invisible format characters (a soft hyphen)
# and the variation selectors that pick a symbol's text or emoji style (`❤` and `❤️`) are not there at all.
_WORD_BREAKS = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Zl", "Zp", "Cc"})
_INVISIBLE = "\ufe0e\ufe0f"
_MARKS = str.maketrans("", "", "®©™℠")  # `AWS®` is AWS; dropped before NFKC, which spells ™ as `tm`


@functools.lru_cache(maxsize=65536)
def name_words(text: str) -> str:
    """A name's words without case and punctuation: `AWS Certified Cloud-Practitioner` is `aws certified cloud
    practitioner`, `Architect – Associate` (en dash) is `architect associate`; `C#` stays `c#` and `C++` `c++`."""
    folded = unicodedata.normalize("NFKC", text.translate(_MARKS)).casefold()  # a combining accent: `Café` is `Café`
    kept: list[str] = []
    for char in folded:
        meaningful = _MEANINGFUL_PUNCTUATION.get(char)
        if meaningful is not None:
            kept.append(meaningful)
            continue
        category = unicodedata.category(char)
        if category in _WORD_BREAKS:
            kept.append(" ")
        elif category != "Cf" and char not in _INVISIBLE:
            kept.append(char)
    return " ".join("".join(kept).split())


def loose_spelling(text: str) -> str:
    """A name without case, spacing and punctuation: two spellings with one loose spelling are one name.

    `Example-Foundation.` is `Example Foundation` and `e.c.a.` is `ECA`; `C++`, `C#` and `C` are three names, and
    so are `Übung` and `Ubung`, or `李大学` and `理大学`, though each pair shares a slug.
    """
    return name_words(text).replace(" ", "")


def name_key(text: str) -> str:
    """What makes a name itself; a name of punctuation alone (`…`) is only the same as itself."""
    return loose_spelling(text) or normal_spacing(text).casefold()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Canonical names with their aliases; lookups ignore case, spacing and punctuation."""

    canonical: Mapping[str, str]  # casefolded spelling -> canonical name
    entries: Mapping[str, Mapping[str, Any]]  # canonical name -> config entry
    loose: Mapping[str, str]  # loose_spelling -> canonical name (first configured wins)
    found: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)  # lookup's answers

    @classmethod
    def from_config(cls, entries: Iterable[Mapping[str, Any]]) -> Vocabulary:
        canonical: dict[str, str] = {}
        loose: dict[str, str] = {}
        by_name: dict[str, Mapping[str, Any]] = {}
        for entry in entries:
            if not isinstance(entry.get("name"), str):
                continue  # a config with problems is still read for the rest of them; this entry names nothing
            name = normal_spacing(entry["name"])
            by_name[name] = entry
            for spelling in (name, *(alias for alias in entry.get("aliases") or () if isinstance(alias, str))):
                canonical.setdefault(normal_spacing(spelling).casefold(), name)
                loose.setdefault(loose_spelling(spelling), name)
        return cls(canonical=canonical, entries=by_name, loose=loose)

    def lookup(self, written: str) -> str | None:
        """The canonical name for a spelling, or None when the config does not know it. Remembered: a site
        spells its few dozen issuers and skills tens of thousands of times."""
        if written in self.found:
            return self.found[written]
        found = self.canonical.get(normal_spacing(written).casefold())
        if found is None and (key := loose_spelling(written)):
            found = self.loose.get(key)
        self.found[written] = found
        return found

    def name_for(self, written: str, first_seen: dict[str, str]) -> str:
        """Canonical name; an unknown name is kept as first spelled, so `aws`, `AWS` and `A.W.S.` meet, while
        `C`, `C++` and `C#` stay three names (even though they share a slug: the build refuses that)."""
        known = self.lookup(written)
        if known:
            return known
        return first_seen.setdefault(name_key(written), normal_spacing(written))

    def slug(self, name: str) -> str:
        """The page slug of a canonical name: the entry's own `slug:` when it sets one, else the name's."""
        entry = self.entries.get(name)
        chosen = entry.get("slug") if entry else None
        return chosen if isinstance(chosen, str) and chosen else slugify(name)


def level_rank(level: str | None, levels: Iterable[str]) -> tuple[str | None, int | None]:
    """The level as the vocabulary spells it, and its position (0 = lowest)."""
    if level is None:
        return None, None
    for index, known in enumerate(levels):
        if known.lower() == level.lower():
            return known, index
    return level, None


__all__ = ["Vocabulary", "level_rank", "loose_spelling", "name_key", "name_words", "normal_spacing", "slugify"]
