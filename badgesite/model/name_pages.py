"""Issuer and skill pages: every written name in the order the model meets it, and two different names that
would make one page (`C++` and `C#` both slug to `c`) as a problem, never one silently swallowing the other."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from badgesite.load.documents import Document, KeyPath
from badgesite.model.naming import Vocabulary, normal_spacing
from badgesite.problems import Problem
from badgesite.slugs import slugify
from badgesite.validate import Checked, CheckedSite

NameKind = Literal["issuer", "skill"]
SECTIONS: dict[NameKind, str] = {"issuer": "issuers", "skill": "skills"}
# Symbols a slug drops, spelled out for a suggested slug of one's own: `C++` -> `c-plus-plus`, `C#` -> `c-sharp`.
_SPOKEN_SYMBOLS = {"+": " plus ", "#": " sharp ", "@": " at ", "%": " percent ", "*": " star "}


@dataclass(frozen=True, slots=True)
class NameUse:
    """One place an issuer or skill name is written; `declared` for the entries of badgesite.yml itself."""

    kind: NameKind
    written: str
    document: Document
    key_path: KeyPath
    declared: bool = False

    def where(self) -> str:
        position = self.document.value_at(self.key_path)
        return f"{self.document.path}:{position.line}:{position.column}"


def name_uses(checked: CheckedSite, *, drafts: bool) -> Iterator[NameUse]:
    """Every name that makes a page, in name order, which decides an unknown name's first spelling for the site
    and for `check` alike: the config's entries, then the badge files, then the case studies, each folder sorted
    by path character by character (`badges/a-1.yml` before `badges/a.yml`); drafts only when they are built."""
    config = checked.config
    for kind in ("issuer", "skill"):
        for index, entry in enumerate(config.values[SECTIONS[kind]]):
            if isinstance(entry["name"], str):
                yield NameUse(kind, entry["name"], config.document, (SECTIONS[kind], index, "name"), declared=True)
    for item in _in_name_order(checked.badges, drafts):
        issuer = item.values["issuer"]
        if isinstance(issuer, str):  # None when the file has problems of its own: the build stops on those
            yield NameUse("issuer", issuer, item.document, ("issuer",))
        yield from _skills(item)
    for item in _in_name_order(checked.case_studies, drafts):
        yield from _skills(item)


def _in_name_order(items: tuple[Checked, ...], drafts: bool) -> list[Checked]:
    """By path, not by id: the id `a` sorts before `a-1`, but the file `a.yml` after `a-1.yml` (`-` before `.`)."""
    return sorted((item for item in items if drafts or not item.values["draft"]), key=lambda i: i.document.path)


def _skills(item: Checked) -> Iterator[NameUse]:
    for index, skill in enumerate(item.values["skills"] or ()):
        yield NameUse("skill", skill, item.document, ("skills", index))


@dataclass(frozen=True, slots=True)
class _Clash:
    use: NameUse
    name: str
    slug: str
    first: NameUse
    first_name: str


def page_clashes(checked: CheckedSite, *, drafts: bool) -> list[Problem]:
    """A problem at the first use of each name whose page another name already makes, naming both places.
    Two entries of badgesite.yml sharing a slug are the config's own problem (validate/site_rules.py)."""
    config = checked.config.values
    vocabularies = {kind: Vocabulary.from_config(config[SECTIONS[kind]]) for kind in SECTIONS}
    first_seen: dict[NameKind, dict[str, str]] = {kind: {} for kind in SECTIONS}
    owners: dict[tuple[NameKind, str], tuple[str, NameUse]] = {}
    clashes: dict[tuple[NameKind, str], _Clash] = {}
    for use in name_uses(checked, drafts=drafts):
        vocabulary = vocabularies[use.kind]
        name = vocabulary.name_for(use.written, first_seen[use.kind])
        slug = vocabulary.slug(name)
        owner_name, first = owners.setdefault((use.kind, slug), (name, use))
        if owner_name != name and name not in vocabulary.entries:
            clashes.setdefault((use.kind, name), _Clash(use, name, slug, first, owner_name))
    return [_problem(clash, vocabularies[clash.use.kind], set(owners)) for clash in clashes.values()]


def _problem(clash: _Clash, vocabulary: Vocabulary, taken: set[tuple[NameKind, str]]) -> Problem:
    kind, section = clash.use.kind, SECTIONS[clash.use.kind]
    name, first_name = _quoted(clash.name), _quoted(clash.first_name)
    if clash.first_name in vocabulary.entries:
        merge = f"add {name} to the aliases of {first_name} under {section}: in badgesite.yml"
    else:
        merge = f"add to {section}: in badgesite.yml - {{name: {first_name}, aliases: [{name}]}}"
    own_slug = suggested_slug(clash.name, {slug for known, slug in taken if known == kind})
    return clash.use.document.problem(
        clash.use.key_path,
        f"{kind} {name} would make the page {section}/{clash.slug}/, which {kind} {first_name} "
        f"({clash.first.where()}) already makes",
        f"if they are one {kind}, {merge}; if they are two, add to {section}: in badgesite.yml "
        f"- {{name: {name}, slug: {own_slug}}}",
    )


def suggested_slug(name: str, taken: set[str]) -> str:
    """A free slug for a name whose own is taken: its symbols spelled out, else a number added."""
    spoken = slugify("".join(_SPOKEN_SYMBOLS.get(char, char) for char in normal_spacing(name)))
    if spoken not in taken:
        return spoken
    number = 2
    while f"{spoken}-{number}" in taken:
        number += 1
    return f"{spoken}-{number}"


def _quoted(text: str) -> str:
    """A YAML scalar that needs no thought: JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)
