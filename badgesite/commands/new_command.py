"""`badgesite new badge|case-study`: a new file listing every field of the schema, so nothing has to be looked up."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
from pathlib import Path

import yaml

from badgesite.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_command, default_today, iso_date, site_folder
from badgesite.load.site_folder import CONFIG_NAME
from badgesite.slugs import is_slug, slugify
from badgesite.validate.kinds import Boolean, Date, Integer, LocalFile, Number, Scalar, Url, UrlOrFile
from badgesite.validate.records import Field, ListOf, Record
from badgesite.validate.schemas import BADGE, CASE_STUDY

CASE_STUDY_BODY = """\
## The problem

What was wrong, for whom, and how you knew. Numbers help.

## What I did

The approach, the decisions and their trade-offs, and who you worked with.

## Results

What changed: the metrics above, in words, and what you would do differently.
"""


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "new",
        help="start a badge or case-study file with every field listed",
        description="Write a new badge file (badges/<name>.yml) or case study (case-studies/<date>-<title>.md). "
        "Required fields are filled in from the arguments; every optional field is listed as a comment "
        "with what it means and an example, so uncommenting a line is all it takes. "
        "An existing file is never overwritten.",
        example='badgesite new badge "AWS Certified Cloud Practitioner" --issuer AWS --earned 2024-05-31\n'
        '  badgesite new case-study "Cutting cloud costs by 38%" --date 2025-06-30',
        handler=_kind_missing,
    )
    kinds = command.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True

    badge = add_command(
        kinds,
        "badge",
        help="write badges/<slug of NAME>.yml",
        description="Write badges/<slug of NAME>.yml: name, issuer and earned filled in, every other badge "
        'field listed as a comment. The file name is the badge id and its URL ("Übung Eins" -> '
        "badges/ubung-eins.yml -> /badges/ubung-eins/).",
        example='badgesite new badge "AWS Certified Cloud Practitioner" --issuer AWS --earned 2024-05-31 '
        "--site my-portfolio",
        handler=run_badge,
    )
    badge.add_argument("name", type=_text, metavar="NAME", help="the credential's name as the issuer gives it")
    badge.add_argument(
        "--issuer",
        required=True,
        type=_text,
        help="the issuer's name or one of its aliases from badgesite.yml (required)",
    )
    badge.add_argument(
        "--earned", type=iso_date, metavar="DATE", help="when you earned it, YYYY-MM-DD (default: today)"
    )
    badge.add_argument(
        "--id",
        dest="badge_id",
        type=_badge_id,
        metavar="ID",
        help="the badge id (file name and URL) instead of the slug of NAME: for two credentials whose names "
        'make the same slug ("C++ Fundamentals", "C# Fundamentals")',
    )
    _site_argument(badge)

    case_study = add_command(
        kinds,
        "case-study",
        help="write case-studies/<date>-<slug of TITLE>.md",
        description="Write case-studies/<date>-<slug of TITLE>.md: front matter with title and date filled "
        "in and every other field listed as a comment, then headings for the story.",
        example='badgesite new case-study "Cutting cloud costs by 38%" --date 2025-06-30 --site my-portfolio',
        handler=run_case_study,
    )
    case_study.add_argument("title", type=_text, metavar="TITLE", help="the case study's title")
    case_study.add_argument(
        "--date", type=iso_date, metavar="DATE", help="when the work finished, YYYY-MM-DD (default: today)"
    )
    _site_argument(case_study)


def _kind_missing(arguments: argparse.Namespace) -> int:
    """Unreachable in practice: argparse already requires KIND and exits 2 without it."""
    return EXIT_USAGE


def _site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        type=site_folder,
        default=Path("."),
        metavar="DIR",
        help="the site folder (default: the current folder)",
    )


def _text(value: str) -> str:
    """argparse type: one line of non-blank text, stripped."""
    if not value.strip():
        raise argparse.ArgumentTypeError("expected text, got an empty value")
    if any(ord(character) < 32 for character in value):
        raise argparse.ArgumentTypeError("expected one line of text, without tabs or line breaks")
    return value.strip()


def _badge_id(value: str) -> str:
    """argparse type: an id as the naming rules make them, since it becomes the file name and the URL."""
    if not is_slug(value):
        suggestion = slugify(value)
        hint = f' (did you mean "{suggestion}"?)' if suggestion and suggestion != value else ""
        raise argparse.ArgumentTypeError(f'"{value}" is not a badge id: use lowercase a-z, 0-9 and hyphens{hint}')
    return value


def run_badge(arguments: argparse.Namespace) -> int:
    earned: dt.date = arguments.earned or default_today()
    values = {
        "name": yaml_scalar(arguments.name),
        "issuer": yaml_scalar(arguments.issuer),
        "earned": earned.isoformat(),
    }
    relative = f"badges/{arguments.badge_id or slugify(arguments.name)}.yml"
    header = [
        f"# Badge: {arguments.name}",
        f"# The file name is the badge's id and URL: {relative} -> /{relative.removesuffix('.yml')}/",
        "# Required fields are filled in. To use another field, uncomment its line(s).",
        "# Paths (image, assertion, evidence files) are relative to this folder.",
        "",
    ]
    text = "\n".join([*header, *record_lines(BADGE, values, today=default_today())]) + "\n"
    return _write_new(arguments.site, relative, text, another="choose another id with --id ID, or edit that file")


def run_case_study(arguments: argparse.Namespace) -> int:
    date: dt.date = arguments.date or default_today()
    values = {"title": yaml_scalar(arguments.title), "date": date.isoformat()}
    relative = f"case-studies/{date.isoformat()}-{slugify(arguments.title)}.md"
    front_matter = [
        f"# The file name is the case study's URL: {relative} -> /{relative.removesuffix('.md')}/",
        "# Required fields are filled in. To use another field, uncomment its line(s).",
        *record_lines(CASE_STUDY, values, today=default_today()),
    ]
    text = "---\n" + "\n".join(front_matter) + "\n---\n\n" + CASE_STUDY_BODY
    return _write_new(arguments.site, relative, text)


def _write_new(site: Path, relative: str, text: str, *, another: str = "choose another name, or edit that file") -> int:
    """Create site/relative, refusing (exit 1) when the site has no config or the file already exists."""
    if not (site / CONFIG_NAME).is_file():
        print(
            f"badgesite new: {site / CONFIG_NAME}: no such file; {site} is not a site folder "
            "(run `badgesite init DIR` to start one, or pass --site DIR)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as output:
            output.write(text)
    except FileExistsError:
        print(
            f"badgesite new: {path}: already exists; nothing was written "
            f"(badgesite new never overwrites a file: {another})",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"wrote {path}")
    print(f"Next: fill in the fields you need, then run `badgesite build {shlex.quote(str(site))}`.")
    return EXIT_OK


def yaml_scalar(text: str) -> str:
    """Text as a YAML value that reads back as the same string: plain when that is safe, else double-quoted."""
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def record_lines(record: Record, values: dict[str, str], *, today: dt.date) -> list[str]:
    """Every field of `record` in schema order, each under its doc: given values set, the others commented out."""
    lines: list[str] = []
    for spec in record.fields:
        lines.append(f"# {spec.doc}")
        if spec.name in values:
            lines.append(f"{spec.name}: {values[spec.name]}")
        elif spec.required:
            lines.extend(field_example(spec, today=today))
        else:
            lines.extend(f"# {line}" for line in field_example(spec, today=today))
    return lines


def field_example(spec: Field, *, today: dt.date, nested: bool = False) -> list[str]:
    """YAML lines showing one example value of a field; nested records list their required and exemplified keys."""
    kind = spec.kind
    item = kind.item if isinstance(kind, ListOf) else kind
    doc = f"  # {spec.doc}" if nested else ""
    if isinstance(item, Record) and not spec.example:
        inner = [line for sub in item.fields if sub.required or sub.example for line in _nested(sub, today)]
        if isinstance(kind, ListOf):
            return [f"{spec.name}:{doc}", *(("  - " if i == 0 else "    ") + line for i, line in enumerate(inner))]
        return [f"{spec.name}:{doc}", *("  " + line for line in inner)]
    return [f"{spec.name}: {spec.example or _placeholder(spec, today)}{doc}"]


def _nested(spec: Field, today: dt.date) -> list[str]:
    return field_example(spec, today=today, nested=True)


def _placeholder(spec: Field, today: dt.date) -> str:
    """A stand-in value of the field's kind, for fields whose schema entry has no example."""
    kind = spec.kind
    if isinstance(kind, Boolean):
        return "false" if spec.default else "true"
    if isinstance(kind, Date):
        return today.isoformat()
    if isinstance(kind, Integer):
        return str(spec.default if spec.default is not None else max(kind.minimum, 1))
    if isinstance(kind, Number | Scalar):
        return "1"
    if isinstance(kind, Url | UrlOrFile):
        return "https://..."
    if isinstance(kind, LocalFile):
        return "file-in-this-folder.png"
    if isinstance(kind, ListOf):
        return "[...]"
    return "..."
