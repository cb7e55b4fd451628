"""`badgesite review`: the quarterly review of the portfolio, as Markdown to paste or as JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from badgesite.audit import AuditContext, read_model
from badgesite.audit.review import DEFAULT_PERIOD_DAYS, default_since, review
from badgesite.audit.review_report import as_json, markdown
from badgesite.cli import EXIT_OK, EXIT_USAGE, add_command, default_today, iso_date, print_whole, site_folder

DESCRIPTION = f"""\
Print a review of the portfolio for a period (default: the last {DEFAULT_PERIOD_DAYS} days), as Markdown to paste
into a journal or an issue:
  Added since ...           badges earned and case studies dated in the period
  Expired or expiring soon  badges that expired in the period or expire within check.expiry_warning_days
  Targets                   progress of every target, e.g. "2/3 security badges by 2027-06-30 — 1 to go"
  Stale items               reviewed: dates older than check.review_interval_days, badges without evidence,
                            case studies citing no badge
  Suggested next badges     framework codes no badge aligns to, skills of case studies no badge shows
Exit status: 0, or 1 when the site itself has problems (printed as by build), 2 on wrong usage."""


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "review",
        help="print a quarterly review: new badges, expiries, targets, stale items, suggested next badges",
        description=DESCRIPTION,
        example="badgesite review my-portfolio --since 2026-09-01 > review-2026-Q4.md",
        handler=run,
    )
    command.add_argument(
        "site", nargs="?", type=site_folder, default=Path("."), help="the site folder (default: the current folder)"
    )
    command.add_argument(
        "--since",
        metavar="DATE",
        type=iso_date,
        default=None,
        help=f"first day of the period, YYYY-MM-DD (default: {DEFAULT_PERIOD_DAYS} days before --today)",
    )
    command.add_argument(
        "--today",
        metavar="DATE",
        type=iso_date,
        default=None,
        help="last day of the period, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)",
    )
    command.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="Markdown (default) or JSON"
    )
    command.set_defaults(failure_consequence="fix them, then run the review again")


def run(arguments: argparse.Namespace) -> int:
    today = arguments.today or default_today()
    since = arguments.since or default_since(today)
    if since > today:
        print(f"badgesite review: error: --since {since} is after --today {today}", file=sys.stderr)
        return EXIT_USAGE
    prepared = read_model(arguments.site, today=today)
    result = review(AuditContext.of(prepared.checked, prepared.site), since)
    print_whole(as_json(result) if arguments.format == "json" else markdown(result))
    return EXIT_OK
