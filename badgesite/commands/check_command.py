"""`badgesite check`: the portfolio linter — build problems first, then the audit's findings."""

from __future__ import annotations

import argparse
from pathlib import Path

from badgesite.audit import AuditOptions, audit_site, counts, read_model, report
from badgesite.cli import EXIT_OK, EXIT_PROBLEMS, add_command, default_today, iso_date, print_whole, site_folder
from badgesite.problems import SiteError

DESCRIPTION = """\
Check the site the way the build does (every build problem is an error), then audit the portfolio:
  errors    broken internal links and links to files the site does not publish
  warnings  a badge's issuer assertion failing a check (recipient, issue date, expiry,
            signature) or issued on another day than `earned`,
            duplicate and near-duplicate badges, issuers and skills spelled two ways
            without an alias, names not matching check.title_pattern, expired badges and
            badges expiring within check.expiry_warning_days (60), badges with no evidence
            and no case study, case studies citing no badge, reviewed: dates older than
            check.review_interval_days (90) or missing, targets whose deadline passed unmet
  --external also asks every evidence, criteria, rubric and verify URL whether it still answers.
Each finding is printed as file:line:col: [warning:] field: message (how to fix it).
Exit status: 0 no errors (warnings allowed unless --strict), 1 errors, 2 wrong usage."""


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "check",
        help="lint the portfolio: broken links, duplicates, naming, expiry, evidence, reviews, targets",
        description=DESCRIPTION,
        example="badgesite check my-portfolio --today 2026-11-29 --strict",
        handler=run,
    )
    command.add_argument(
        "site", nargs="?", type=site_folder, default=Path("."), help="the site folder (default: the current folder)"
    )
    command.add_argument(
        "--format", choices=("text", "json"), default="text", help="text lines (default) or one JSON object"
    )
    command.add_argument(
        "--today",
        metavar="DATE",
        type=iso_date,
        default=None,
        help="the date to check against, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)",
    )
    command.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    command.add_argument(
        "--external", action="store_true", help="also check external URLs (8 at a time, 5 s timeout each)"
    )
    command.add_argument("--drafts", action="store_true", help="include badges and pages marked draft: true")
    command.set_defaults(failure_consequence="fix them, then check again")


def run(arguments: argparse.Namespace) -> int:
    try:
        prepared = read_model(arguments.site, today=arguments.today or default_today(), drafts=arguments.drafts)
    except SiteError as error:
        if arguments.format != "json":
            raise
        print_whole(report.as_json(error.problems, None))
        return EXIT_PROBLEMS
    site = prepared.site
    options = AuditOptions(external=arguments.external)
    problems = audit_site(prepared.checked, site, options, build_warnings=prepared.warnings)
    shown = report.as_json(problems, site) if arguments.format == "json" else report.text(problems, site)
    print_whole(shown)
    tally = counts(problems)
    failed = tally["errors"] or (arguments.strict and tally["warnings"])
    return EXIT_PROBLEMS if failed else EXIT_OK
