"""One issuer or skill, several spellings: each unaliased spelling splits a page in two or hides a badge."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from badgesite.audit.context import AuditContext
from badgesite.audit.findings import ERROR, WARNING, Severity, finding, q
from badgesite.audit.similarity import near_name, same_name
from badgesite.load.documents import Document, KeyPath
from badgesite.model.naming import Vocabulary, normal_spacing
from badgesite.problems import Problem
from badgesite.slugs import slugify


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
    pages = {"issuers": _shared_pages(i.slug for i in context.site.issuers)}
    pages["skills"] = _shared_pages(s.slug for s in context.site.skills)
    yield from _spellings("issuer", "issuers", config["issuers"], issuers, pages["issuers"])
    yield from _spellings("skill", "skills", config["skills"], skills, pages["skills"])
    yield from _title_pattern(context)


def _related(first: str, second: str) -> bool:
    """Same name, nearly the same name, or the same page slug (which the build cannot tell apart)."""
    return same_name(first, second) or near_name(first, second) or slugify(first) == slugify(second)


def _shared_pages(slugs: Iterable[str]) -> set[str]:
    """Slugs that more than one issuer (or skill) of the model claims: the build fails on those."""
    seen: set[str] = set()
    shared: set[str] = set()
    for slug in slugs:
        (shared if slug in seen else seen).add(slug)
    return shared


def _spellings(
    kind: str,
    section: str,
    entries: list[Mapping[str, Any]],
    uses: dict[str, list[Use]],
    shared_pages: set[str],
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
            severity, page = _severity(section, spelling, entry["name"], shared_pages)
            yield finding(
                places[0].document,
                places[0].key_path,
                f"{kind} {q(spelling)} is not in badgesite.yml but looks like {q(entry['name'])}{page}",
                f"add it as an alias: in badgesite.yml under {section}:, in the entry for {q(entry['name'])}, "
                f"write aliases: {_flow(aliases)}",
                severity=severity,
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
            severity, page = _severity(section, variant, preferred, shared_pages)
            yield finding(
                place.document,
                place.key_path,
                f"{kind} spelled {q(variant)} here and {q(preferred)} in {first.document.path}{page}",
                f"use one spelling, or add to {section}: in badgesite.yml: {entry_yaml}",
                severity=severity,
            )


def _severity(section: str, spelling: str, other: str, shared_pages: set[str]) -> tuple[Severity, str]:
    """An error when the two spellings would make the same page (the build refuses that); else a warning."""
    slug = slugify(normal_spacing(spelling))
    if slug == slugify(normal_spacing(other)) and slug in shared_pages:
        return ERROR, f"; both would make the page {section}/{slug}/"
    return WARNING, ""


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
