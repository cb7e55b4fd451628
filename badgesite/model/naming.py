"""The naming rules, applied once: aliases to canonical names, slugs, level vocabulary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from badgesite.slugs import slugify


def normal_spacing(text: str) -> str:
    """Collapse runs of white space: `AWS  Certified` and `AWS Certified` are one name."""
    return " ".join(text.split())  # split() breaks on exactly what `\s` matches, and is faster


# Punctuation that never tells two names apart: `Example-Foundation.` is `Example Foundation`, `e.c.a.` is
# `ECA`. Not `+`, `#` or `&`: `C++` and `C#` are different skills.
_IGNORABLE = str.maketrans("", "", " \t-_.,;:!?'’\"()/")


def loose_spelling(text: str) -> str:
    """A name without case, spacing and ignorable punctuation, for matching configured names."""
    return text.casefold().translate(_IGNORABLE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Canonical names with their aliases; lookups ignore case, spacing and ignorable punctuation."""

    canonical: Mapping[str, str]  # casefolded spelling -> canonical name
    entries: Mapping[str, Mapping[str, Any]]  # canonical name -> config entry
    loose: Mapping[str, str]  # loose_spelling -> canonical name (first configured wins)

    @classmethod
    def from_config(cls, entries: Iterable[Mapping[str, Any]]) -> Vocabulary:
        canonical: dict[str, str] = {}
        loose: dict[str, str] = {}
        by_name: dict[str, Mapping[str, Any]] = {}
        for entry in entries:
            name = normal_spacing(entry["name"])
            by_name[name] = entry
            for spelling in (name, *entry.get("aliases", ())):
                canonical.setdefault(normal_spacing(spelling).casefold(), name)
                loose.setdefault(loose_spelling(spelling), name)
        return cls(canonical=canonical, entries=by_name, loose=loose)

    def lookup(self, written: str) -> str | None:
        """The canonical name for a spelling, or None when the config does not know it."""
        found = self.canonical.get(normal_spacing(written).casefold())
        if found is None and (key := loose_spelling(written)):
            found = self.loose.get(key)
        return found

    def name_for(self, written: str, first_seen: dict[str, str]) -> str:
        """Canonical name; an unknown name is kept as first spelled, so `aws`, `AWS` and `A.W.S.` still meet."""
        known = self.lookup(written)
        if known:
            return known
        key = slugify(written)  # spellings that differ only in case or punctuation would share a page: one name
        return first_seen.setdefault(key, normal_spacing(written))


def level_rank(level: str | None, levels: Iterable[str]) -> tuple[str | None, int | None]:
    """The level as the vocabulary spells it, and its position (0 = lowest)."""
    if level is None:
        return None, None
    for index, known in enumerate(levels):
        if known.lower() == level.lower():
            return known, index
    return level, None


__all__ = ["Vocabulary", "level_rank", "normal_spacing", "slugify"]
