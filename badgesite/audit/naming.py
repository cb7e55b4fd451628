"""One issuer or skill, several spellings: each unaliased spelling splits a page in two or hides a badge."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import finding, q
from badgesite.audit.similarity import near_name, same_name
from badgesite.load.documents import Document, KeyPath
from badgesite.model.name_pages import NameKind, name_uses
from badgesite.model.naming import Vocabulary, normal_spacing
from badgesite.problems import Problem


@dataclass(frozen=True, slots=True)
class Use:
    """One place a name is written."""

    document: Document
    key_path: KeyPath


def find(context: AuditContext) -> Iterator[Problem]:
    config = context.checked.config.values
    published = context.site_sources
    uses: dict[NameKind, dict[str, list[Use]]] = {"issuer": {}, "skill": {}}
    # the model's own order, so "first written" here is the spelling the site shows
    for use in name_uses(context.checked, drafts=True):
        if not use.declared and use.document.path in published:
            uses[use.kind].setdefault(use.written, []).append(Use(use.document, use.key_path))
    yield from _spellings("issuer", "issuers", config["issuers"], uses["issuer"])
    yield from _spellings("skill", "skills", config["skills"], uses["skill"])
    yield from _title_pattern(context)


def _related(first: str, second: str) -> bool:
    """Same name, or nearly the same name. Two different names with one slug never get here: the build refuses
    them (model/name_pages.py), and check reports that as an error first."""
    return same_name(first, second) or near_name(first, second)


def _spellings(
    kind: str,
    section: str,
    entries: list[Mapping[str, Any]],
    uses: dict[str, list[Use]],
) -> Iterator[Problem]:
    vocabulary = Vocabulary.from_config(entries)
    unknown = {spelling: places for spelling, places in uses.items() if vocabulary.lookup(spelling) is None}
    grouped: list[list[str]] = []
    for spelling, places in unknown.items():
        entry = next(
            (e for e in entries if any(_related(spelling, known) for known in (e["name"], *e.get("aliases", ())))),
            None,
        )
        if entry is not None:
            aliases = [*entry.get("aliases", ()), spelling]
            yield finding(
                places[0].document,
                places[0].key_path,
                f"{kind} {q(spelling)} is not in badgesite.yml but looks like {q(entry['name'])}",
                f"add it as an alias: in badgesite.yml under {section}:, in the entry for {q(entry['name'])}, "
                f"write aliases: {_flow(aliases)}",
            )
            continue
        group = next((g for g in grouped if any(_related(spelling, other) for other in g)), None)
        if group is None:
            grouped.append([spelling])
        else:
            group.append(spelling)
    shown = _shown_names(vocabulary, unknown)
    for group in grouped:
        if len(group) < 2:
            continue
        preferred = _preferred(group, shown, unknown)
        variants = [spelling for spelling in group if spelling != preferred]
        entry_yaml = f"- {{name: {_quoted(normal_spacing(preferred))}, aliases: {_flow(variants)}}}"
        first = unknown[preferred][0]
        for variant in variants:
            place = unknown[variant][0]
            yield finding(
                place.document,
                place.key_path,
                f"{kind} spelled {q(variant)} here and {q(preferred)} in {first.document.path}",
                f"use one spelling, or add to {section}: in badgesite.yml: {entry_yaml}",
            )


def _shown_names(vocabulary: Vocabulary, unknown: dict[str, list[Use]]) -> dict[str, str]:
    """Each spelling's name on the site, by the model's own rule (the first spelling written, in name order)."""
    first_seen: dict[str, str] = {}
    return {spelling: vocabulary.name_for(spelling, first_seen) for spelling in unknown}


def _preferred(group: list[str], shown: dict[str, str], unknown: dict[str, list[Use]]) -> str:
    """The spelling to keep: the one the site shows. Where the site shows several names (a typo makes a page of its
    own), the name with the most uses; on a tie the first written. The group is in first-written order."""
    uses: dict[str, int] = {}
    for spelling in group:
        uses[shown[spelling]] = uses.get(shown[spelling], 0) + len(unknown[spelling])
    name = max(uses, key=lambda shown_name: uses[shown_name])  # max keeps the first of equals
    return next(spelling for spelling in group if shown[spelling] == name)


def _quoted(text: str) -> str:
    """A YAML scalar that needs no thought: JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_quoted(item) for item in items) + "]"


def _title_pattern(context: AuditContext) -> Iterator[Problem]:
    pattern = context.settings.title_pattern
    if not pattern:
        return
    compiled = re.compile(pattern)
    for item in context.published_badges():
        name = item.values["name"]
        if not compiled.search(name):
            yield finding(
                item.document,
                ("name",),
                f"{q(name)} does not match check.title_pattern {q(pattern)}",
                "rename the badge, or change check.title_pattern in badgesite.yml",
            )
