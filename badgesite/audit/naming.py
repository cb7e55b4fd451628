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
from badgesite.model.naming import Vocabulary, normal_spacing
from badgesite.problems import Problem


@dataclass(frozen=True, slots=True)
class Use:
    """One place a name is written."""

    document: Document
    key_path: KeyPath


def find(context: AuditContext) -> Iterator[Problem]:
    config = context.checked.config.values
    issuers: dict[str, list[Use]] = {}
    skills: dict[str, list[Use]] = {}
    for item in context.published_badges():
        issuers.setdefault(item.values["issuer"], []).append(Use(item.document, ("issuer",)))
        for index, skill in enumerate(item.values["skills"]):
            skills.setdefault(skill, []).append(Use(item.document, ("skills", index)))
    for item in context.published_case_studies():
        for index, skill in enumerate(item.values["skills"]):
            skills.setdefault(skill, []).append(Use(item.document, ("skills", index)))
    yield from _spellings("issuer", "issuers", config["issuers"], issuers)
    yield from _spellings("skill", "skills", config["skills"], skills)
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
    for group in grouped:
        if len(group) < 2:
            continue
        preferred = max(group, key=lambda spelling: len(unknown[spelling]))  # ties: the first written wins
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
