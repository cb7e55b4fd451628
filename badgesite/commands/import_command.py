"""`badgesite import FILE...`: a badge file written from the issuer's baked image or assertion, valid as written."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from badgesite import openbadges
from badgesite.build import BuildOptions, prepare
from badgesite.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_command, default_today, site_folder
from badgesite.commands.badge_input import BadgeInput, BadgeInputError, read_badge_input
from badgesite.commands.hosted import FetchError, fetch_json_object, fetch_text
from badgesite.commands.imported_badge import Fetched, ImportPlan, plan_import
from badgesite.commands.site_config import missing_config_message, read_config
from badgesite.openbadges.jws import decode_json_payload
from badgesite.openbadges.kinds import is_http_url
from badgesite.openbadges.untrusted_json import load_json
from badgesite.problems import Problem, SiteError
from badgesite.slugs import is_slug

BADGES = "badges"


class ImportFailure(Exception):
    """One file that could not be imported; nothing of it was written."""


@dataclass(slots=True)
class _Run:
    """What this run has written so far, so two files of one run never overwrite each other."""

    site: Path
    config: dict[str, Any]
    force: bool
    fetch: bool
    badge_id: str | None
    known_problems: set[Problem]
    written_by: dict[str, Path] = field(default_factory=dict)


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "import",
        help="write badges/<id>.yml from a baked badge image or an assertion file",
        description="Import badges from the files issuers send: a baked PNG or SVG, an assertion or credential "
        "JSON file, or a JWS/VC-JWT text file (Open Badges 1.x, 2.0 and 3.0). Each FILE becomes "
        "badges/<id>.yml, where <id> is the slug of the badge's name, with every field the payload has "
        "filled in; what a badge file has no field for (criteria text, alignments to frameworks that "
        "badgesite.yml does not declare, evidence without a link) is kept as a comment. The file is "
        "copied beside the YAML byte for byte (badges/<id>.png|.svg, or badges/<id>.assertion.json|.jws) "
        "and named as `assertion:`. Before reporting success the build is prepared (everything short of "
        "writing _site/); a badge that would not build is removed again. "
        "An existing file is never replaced without --force. Nothing is fetched from the network "
        "unless --fetch is given.",
        example="badgesite import ~/Downloads/aws-cloud-practitioner.png --site my-portfolio\n"
        "  badgesite import teamwork.json badge-signed.jws --site my-portfolio --force\n"
        "  badgesite import legacy-baked.png --fetch --site my-portfolio",
        handler=run,
    )
    command.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="baked PNG/SVG, assertion JSON, or JWS/VC-JWT files"
    )
    command.add_argument(
        "--site",
        type=site_folder,
        default=Path("."),
        metavar="DIR",
        help="the site folder, which must contain badgesite.yml (default: the current folder)",
    )
    command.add_argument(
        "--force", action="store_true", help="replace badges/<id>.yml and its copied files when they already exist"
    )
    command.add_argument(
        "--fetch",
        action="store_true",
        help="fetch what the file only links to (http/https, 10 s timeout, 1 MiB cap): a hosted assertion "
        "when the file holds only its URL, and a badge class and issuer given only as URLs, to fill in "
        "name, issuer and description",
    )
    command.add_argument(
        "--id",
        dest="badge_id",
        metavar="ID",
        help="use this badge id (file name) instead of the slug of the badge's name; only with one FILE",
    )
    command.set_defaults(failure_consequence="nothing was imported")


def run(arguments: argparse.Namespace) -> int:
    files: list[Path] = arguments.files
    if arguments.badge_id is not None:
        if len(files) != 1:
            print("badgesite import: --id needs exactly one FILE", file=sys.stderr)
            return EXIT_USAGE
        if not is_slug(arguments.badge_id):
            print(
                f'badgesite import: --id "{arguments.badge_id}" is not a badge id: use lowercase a-z, 0-9 and hyphens',
                file=sys.stderr,
            )
            return EXIT_USAGE
    site: Path = arguments.site
    missing = missing_config_message(site)
    if missing:
        print(f"badgesite import: {missing}", file=sys.stderr)
        return EXIT_PROBLEMS
    state = _Run(
        site=site,
        config=read_config(site),
        force=arguments.force,
        fetch=arguments.fetch,
        badge_id=arguments.badge_id,
        known_problems=build_problems(site),
    )
    imported = 0
    for path in files:
        try:
            plan = _import_one(path, state)
        except ImportFailure as error:
            print(f"badgesite import: {path}: {error}", file=sys.stderr)
            continue
        imported += 1
        print(f"imported {path} -> {BADGES}/{plan.badge_id}.yml")
        if plan.copies:
            print(f"  copied beside it: {', '.join(sorted(plan.copies))}")
        for note in plan.notes:
            print(f"  {note}")
    failed = len(files) - imported
    if failed:
        print(f"imported {imported} of {_files(len(files))}; {failed} failed (see the messages above)")
        return EXIT_PROBLEMS
    print(f"imported {_files(imported)} into {site / BADGES}")
    print(f"Next: review the new files, then run `badgesite build {shlex.quote(str(site))}`.")
    return EXIT_OK


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


def _import_one(path: Path, state: _Run) -> ImportPlan:
    """Read, plan, check the targets, write, validate; on any failure nothing of this file is left behind."""
    try:
        source = read_badge_input(path)
    except BadgeInputError as error:
        raise ImportFailure(str(error)) from None
    fetched = _fetch_assertion(source) if state.fetch and source.credential.format == "url" else None
    fields_from = fetched.credential if fetched else source.credential
    notes: list[str] = []
    if state.fetch:
        fields_from = _with_hosted_parts(fields_from, notes)
    plan = plan_import(
        source,
        fields_from=fields_from,
        fetched=fetched,
        config=state.config,
        today=default_today(),
        badge_id=state.badge_id,
    )
    targets = {f"{BADGES}/{plan.badge_id}.yml": plan.yaml_text.encode("utf-8")}
    targets.update({f"{BADGES}/{name}": data for name, data in plan.copies.items()})
    _check_targets(targets, plan.badge_id, source, state)
    _write_checked(targets, plan.badge_id, state)
    for relative in targets:
        state.written_by[relative] = path
    plan.notes[:0] = notes
    plan.notes.extend(_failed_checks(fetched.credential if fetched else source.credential, state))
    return plan


def _fetch_assertion(source: BadgeInput) -> Fetched:
    url = source.credential.raw
    try:
        text = fetch_text(url)
    except FetchError as error:
        raise ImportFailure(f"{error} (run without --fetch to import it with only its URL)") from None
    try:
        credential = openbadges.parse_payload(text)
    except openbadges.OpenBadgesError as error:
        raise ImportFailure(f"{url} did not answer with an Open Badges assertion: {error.message}") from None
    if credential.format == "url":
        raise ImportFailure(f"{url} answered with another URL, not an assertion; nothing was imported")
    return Fetched(url=url, text=text, credential=credential)


def _with_hosted_parts(cred: openbadges.Credential, notes: list[str]) -> openbadges.Credential:
    """An OB 1.x/2.0 assertion whose badge class (and its issuer) are links, with them fetched and embedded."""
    if cred.version == "3.0" or cred.format not in ("json", "jws") or cred.badge_name:
        return cred
    if not (cred.badge_id and is_http_url(cred.badge_id)):
        return cred
    claims = dict(load_json(cred.raw) if cred.format == "json" else decode_json_payload(cred.raw)[1])
    try:
        _, badge_class = fetch_json_object(cred.badge_id)
    except FetchError as error:
        notes.append(f"could not fetch the badge class, so name and issuer are stand-ins: {error}")
        return cred
    issuer = badge_class.get("issuer")
    if isinstance(issuer, str) and is_http_url(issuer):
        try:
            _, badge_class["issuer"] = fetch_json_object(issuer)
        except FetchError as error:
            notes.append(f"could not fetch the issuer profile: {error}")
    notes.append(f"fetched the badge class from {cred.badge_id}")
    claims["badge"] = badge_class
    try:
        return openbadges.parse_payload(json.dumps(claims))
    except openbadges.OpenBadgesError:
        return cred


def _check_targets(targets: dict[str, bytes], badge_id: str, source: BadgeInput, state: _Run) -> None:
    """Refuse, before writing anything, ids taken by another file and files this run or --force does not own."""
    badges = state.site / BADGES
    own = f"{BADGES}/{badge_id}.yml"
    if badges.is_dir():
        for other in sorted(badges.rglob(f"{badge_id}.y*ml")):
            relative = other.relative_to(state.site).as_posix()
            if other.suffix in (".yml", ".yaml") and relative != own:
                raise ImportFailure(
                    f'the id "{badge_id}" is taken by {relative}; nothing was imported '
                    "(pass --id ID to import it under another id)"
                )
    for relative in targets:
        earlier = state.written_by.get(relative)
        if earlier is not None:
            raise ImportFailure(
                f"{relative} was written from {earlier} a moment ago in this run; nothing was imported "
                "(import this file on its own with --id ID)"
            )
        target = state.site / relative
        if not target.exists() or _same_file(target, source.path):
            continue
        if not state.force:
            raise ImportFailure(
                f"{relative} already exists; nothing was imported "
                "(pass --force to replace it, or --id ID to import under another id)"
            )
        if not target.is_file():
            raise ImportFailure(f"{relative} exists and is not a file; nothing was imported")


def _same_file(target: Path, source: Path) -> bool:
    try:
        return target.samefile(source)
    except OSError:
        return False


def _write_checked(targets: dict[str, bytes], badge_id: str, state: _Run) -> None:
    """Write the files and prepare the build; if that shows a new problem, put everything back."""
    previous: dict[Path, bytes | None] = {}
    (state.site / BADGES).mkdir(exist_ok=True)
    try:
        for relative, data in targets.items():
            target = state.site / relative
            previous[target] = target.read_bytes() if target.exists() else None
            if previous[target] != data:
                target.write_bytes(data)
    except OSError as error:
        _restore(previous)
        raise ImportFailure(f"cannot write {error.filename}: {error.strerror}; nothing was imported") from None
    problems = build_problems(state.site)
    new = sorted(problems - state.known_problems)
    if new:
        _restore(previous)
        listed = "; ".join(problem.format() for problem in new)
        raise ImportFailure(f"the badge written for it would not build, so it was removed: {listed}")
    state.known_problems = problems


def build_problems(site: Path) -> set[Problem]:
    """The problems a build of the site would report, found by preparing it (everything short of writing)."""
    try:
        prepare(BuildOptions(site_root=site, today=default_today()))
    except SiteError as error:
        return set(error.problems)
    return set()


def _restore(previous: dict[Path, bytes | None]) -> None:
    for target, data in previous.items():
        if data is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(data)


def _failed_checks(cred: openbadges.Credential, state: _Run) -> list[str]:
    """Warn at import time about what the build would show as failed (recipient, dates)."""
    owner = state.config.get("owner") or {}
    checks = openbadges.check_credential(cred, emails=owner.get("emails") or [], today=default_today(), public_key=None)
    return [f"warning: {check.name} check failed: {check.detail}" for check in checks if check.status == "failed"]
