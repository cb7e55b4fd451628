"""Rules that span files: ids, references between files, vocabularies from the config."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from badgesite.load.documents import KeyPath
from badgesite.problems import Problem
from badgesite.slugs import is_slug, slugify
from badgesite.validate.suggest import closest, did_you_mean


def q(value: object) -> str:
    """Quote a name in a message the way every message does: double quotes."""
    return f'"{value}"'


if TYPE_CHECKING:
    from badgesite.validate.site import Checked, CheckedSite


def _problem(item: Checked, key_path: KeyPath, message: str, hint: str = "", *, at_key: bool = False) -> Problem:
    return item.document.problem(key_path, message, hint, at_key=at_key)


def check_all(site: CheckedSite) -> list[Problem]:
    """Every cross-file rule, in one list."""
    problems: list[Problem] = []
    for rule in (_ids, _dates, _evidence, _levels, _references, _vocabulary, _config_names):
        problems.extend(rule(site))
    return problems


def _ids(site: CheckedSite) -> Iterator[Problem]:
    """File stems are ids and slugs: they must be URL-safe and unique."""
    for kind, items, folder in (
        ("badge", site.badges, "badges"),
        ("case study", site.case_studies, "case-studies"),
        ("page", site.pages, "pages"),
    ):
        seen: dict[str, Checked] = {}
        for item in items:
            stem = item.document.stem
            if not is_slug(stem):
                yield Problem(
                    path=item.document.path,
                    line=1,
                    column=1,
                    message=f"file name {q(stem)} is not a valid {kind} id: ids become URLs and use only "
                    "lowercase a-z, 0-9 and hyphens",
                    hint=f"rename it to {slugify(stem)}{_suffix(item.document.path)}",
                )
            if stem in seen:
                yield Problem(
                    path=item.document.path,
                    line=1,
                    column=1,
                    message=f"two {kind} files have the id {q(stem)}: {seen[stem].document.path} and this one",
                    hint=f"ids come from file names and must be unique across {folder}/; rename one",
                )
            else:
                seen[stem] = item
    reserved = {
        "badges",
        "case-studies",
        "skills",
        "issuers",
        "collections",
        "frameworks",
        "assets",
        "trajectory",
    }
    for item in site.pages:
        if item.document.stem in reserved:
            yield Problem(
                path=item.document.path,
                line=1,
                column=1,
                message=f"the page name {q(item.document.stem)} is taken by a generated section",
                hint="rename the file",
            )


def _suffix(path: str) -> str:
    return "." + path.rsplit(".", 1)[-1]


def _dates(site: CheckedSite) -> Iterator[Problem]:
    for item in site.badges:
        earned, expires = item.values["earned"], item.values["expires"]
        if earned and expires and expires <= earned:
            timed = expires == earned and any(
                isinstance(item.document.data.get(key), dt.datetime) for key in ("earned", "expires")
            )
            yield _problem(
                item,
                ("expires",),
                f"expires ({expires}) must be after earned ({earned})",
                "badges are dated by the day: a time of day is dropped, so give `expires` a later day"
                if timed
                else "check the year, or remove `expires` if it never expires",
            )


def _evidence(site: CheckedSite) -> Iterator[Problem]:
    for item in site.badges:
        written = item.document.data.get("evidence") if isinstance(item.document.data, dict) else None
        if not isinstance(written, list):
            continue
        published: dict[str, tuple[int, str]] = {}  # evidence/<name> -> (index, file) of its first claim
        for index, evidence in enumerate(written):
            if not isinstance(evidence, dict):
                continue
            file = evidence.get("file")
            if isinstance(file, str) and not evidence.get("url"):
                name = posixpath.basename(file)
                first = published.setdefault(name, (index, file))
                if first[1] != file:
                    yield _problem(
                        item,
                        ("evidence", index, "file"),
                        f"publishes as evidence/{name}, as evidence[{first[0]}] ({first[1]}) does: "
                        "one would overwrite the other",
                        "rename one of the two files",
                    )
            if not evidence.get("url") and not evidence.get("file"):
                yield _problem(
                    item,
                    ("evidence", index),
                    "evidence needs a `url` or a `file`",
                    "add url: https://... or file: path/in/site",
                )
            elif evidence.get("url") and evidence.get("file"):
                yield _problem(
                    item,
                    ("evidence", index, "file"),
                    "give either `url` or `file`, not both",
                    "split it into two evidence items",
                )


def _levels(site: CheckedSite) -> Iterator[Problem]:
    levels = [str(level) for level in site.config.values["levels"]]
    lowered = {level.lower() for level in levels}
    for item in site.badges:
        level = item.values["level"]
        if level and level.lower() not in lowered:
            suggestion = closest(level, levels)
            hint = f'did you mean "{suggestion}"? ' if suggestion else ""
            yield _problem(
                item,
                ("level",),
                f"unknown level {q(level)}",
                f"{hint}allowed: {', '.join(levels)}; `levels:` in badgesite.yml sets them",
            )


def _references(site: CheckedSite) -> Iterator[Problem]:
    """Case studies, renewals and collections name badges by id: each id must exist. A badge file with
    problems of its own still holds its id, and a file whose name is not a valid id holds the id it is told
    to take: naming either is not a second problem for every case study."""
    stems = {item.document.stem for item in site.badges} | site.broken_badge_ids
    badge_ids = {stem if is_slug(stem) else slugify(stem) for stem in stems}  # a misnamed file: its id once renamed

    def unknown(item: Checked, key_path: KeyPath, badge_id: str) -> Problem:
        hint = did_you_mean(badge_id, badge_ids) or "badge ids are the file names in badges/, without .yml"
        return _problem(item, key_path, f"no badge with id {q(badge_id)}", hint)

    for item in site.case_studies:
        for index, badge_id in enumerate(item.values["badges"]):
            if badge_id not in badge_ids:
                yield unknown(item, ("badges", index), badge_id)
    for item in site.badges:
        renews = item.values["renews"]
        if renews and renews not in badge_ids:
            yield unknown(item, ("renews",), renews)
        elif renews == item.document.stem:
            yield _problem(item, ("renews",), "a badge cannot renew itself", "name the older badge's id")
    for index, collection in enumerate(site.config.values["collections"]):
        for position, badge_id in enumerate(collection["badges"]):
            if badge_id not in badge_ids:
                yield unknown(site.config, ("collections", index, "badges", position), badge_id)


def _vocabulary(site: CheckedSite) -> Iterator[Problem]:
    """Alignments name framework codes; stages and targets name levels and collections."""
    frameworks: dict[str, set[str]] = {}
    for declared in site.config.values["frameworks"]:  # a repeated id is its own problem: judge by the first
        frameworks.setdefault(declared["id"], {c["code"] for c in declared["codes"]})
    for item in site.badges:
        for index, alignment in enumerate(item.values["alignment"]):
            framework, code = alignment["framework"], alignment["code"]
            if not isinstance(framework, str) or not isinstance(code, str):
                continue  # missing or not text: reported by the schema already
            if framework not in frameworks:
                yield _problem(
                    item,
                    ("alignment", index, "framework"),
                    f"unknown framework {q(framework)}",
                    did_you_mean(framework, frameworks) or "declare it under `frameworks:` in badgesite.yml",
                )
            elif code not in frameworks[framework]:
                yield _problem(
                    item,
                    ("alignment", index, "code"),
                    f"unknown code {q(code)} in framework {q(framework)}",
                    did_you_mean(code, frameworks[framework]) or f"add it to the codes of {framework} in badgesite.yml",
                )
    config = site.config
    levels = {str(level).lower() for level in config.values["levels"]}
    collections = {c["name"] for c in config.values["collections"]}
    for index, stage in enumerate(config.values["path"]):
        for position, level in enumerate(stage["levels"]):
            if level.lower() not in levels:
                yield _problem(
                    config,
                    ("path", index, "levels", position),
                    f"unknown level {q(level)}",
                    did_you_mean(level, config.values["levels"]) or "use one of `levels:`",
                )
        for position, name in enumerate(stage["collections"]):
            if name not in collections:
                yield _problem(
                    config,
                    ("path", index, "collections", position),
                    f"unknown collection {q(name)}",
                    did_you_mean(name, collections) or "declare it under `collections:`",
                )
    for index, target in enumerate(config.values["targets"]):
        if target["collection"] and target["collection"] not in collections:
            yield _problem(
                config,
                ("targets", index, "collection"),
                f"unknown collection {q(target['collection'])}",
                did_you_mean(target["collection"], collections) or "declare it under `collections:`",
            )
        if target["level"] and target["level"].lower() not in levels:
            yield _problem(
                config,
                ("targets", index, "level"),
                f"unknown level {q(target['level'])}",
                did_you_mean(target["level"], config.values["levels"]) or "use one of `levels:`",
            )


def _config_names(site: CheckedSite) -> Iterator[Problem]:
    """An alias may belong to one canonical name only, and two canonical names may not share a slug."""
    for section in ("issuers", "skills", "collections"):
        owners: dict[str, tuple[str, KeyPath]] = {}
        slugs: dict[str, str] = {}
        entries: list[dict[str, Any]] = site.config.values[section]
        written = site.config.document.data.get(section) if isinstance(site.config.document.data, dict) else None
        for index, entry in enumerate(entries):
            if not isinstance(entry.get("name"), str):
                continue  # no usable name: that is its own problem, and it names no page
            own = entry.get("slug")  # issuers and skills may set one; collections are named by their title
            if own is None and _has_key(written, index, "slug"):
                pass  # its slug is wrong, and said so: which page it would share is not known yet
            elif (slug := own or slugify(entry["name"])) in slugs:
                yield _problem(
                    site.config,
                    (section, index, "slug" if own else "name"),
                    f"{q(entry['name'])} and {q(slugs[slug])} would share the page /{section}/{slug}/",
                    "merge them, or make one an alias of the other"
                    + ("" if section == "collections" else "; if they are two, give one its own `slug:`"),
                )
            else:
                slugs[slug] = entry["name"]
            names: list[tuple[str, KeyPath]] = [(entry["name"], (section, index, "name"))]
            names += [
                (alias, (section, index, "aliases", n))
                for n, alias in enumerate(entry.get("aliases") or [])
                if isinstance(alias, str)
            ]
            for name, key_path in names:
                key = name.casefold()
                if key in owners and owners[key][0] != entry["name"]:
                    yield _problem(
                        site.config,
                        key_path,
                        f"{q(name)} already names {q(owners[key][0])}",
                        "an alias can map to one canonical name only",
                    )
                owners.setdefault(key, (entry["name"], key_path))
    yield from _framework_ids(site)
    grouped: dict[str, list[str]] = defaultdict(list)
    for level in site.config.values["levels"]:
        grouped[str(level).lower()].append(str(level))
    for key, spelled in grouped.items():
        if len(spelled) > 1:
            yield _problem(
                site.config,
                ("levels",),
                f"level {q(key)} is listed {len(spelled)} times",
                "list each level once",
            )


def _has_key(written: object, index: int, key: str) -> bool:
    """The entry at `index` of a list as written in the file has `key`."""
    return (
        isinstance(written, list)
        and index < len(written)
        and isinstance(written[index], dict)
        and key in written[index]
    )


def _framework_ids(site: CheckedSite) -> Iterator[Problem]:
    """A framework id, and a code within one framework, name one thing: a second would silently replace it."""
    seen: dict[str, int] = {}
    for index, framework in enumerate(site.config.values["frameworks"]):
        first = seen.setdefault(framework["id"], index)
        if first != index:
            yield _problem(
                site.config,
                ("frameworks", index, "id"),
                f"framework id {q(framework['id'])} is already used by frameworks[{first}]",
                "give each framework its own id, or merge their codes into one",
            )
        codes: dict[str, int] = {}
        for position, code in enumerate(framework["codes"]):
            earlier = codes.setdefault(code["code"], position)
            if earlier != position:
                yield _problem(
                    site.config,
                    ("frameworks", index, "codes", position, "code"),
                    f"code {q(code['code'])} is listed twice in {q(framework['id'])} (first as codes[{earlier}])",
                    "list each code once",
                )
