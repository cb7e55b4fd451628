"""`badgesite build`: the site folder in, the static site out."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from badgesite.build import BuildOptions, build
from badgesite.cli import EXIT_OK, add_command, default_today, iso_date, site_folder


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "build",
        help="build the site into _site/ (or -o FOLDER)",
        description="Build the static site. Every problem in the site is reported at once as "
        "file:line:col: field: message; with problems nothing is written and the previous "
        "output stays as it was.",
        example="badgesite build my-portfolio --base-url https://ada.github.io/portfolio/",
        handler=run,
    )
    command.add_argument(
        "site",
        nargs="?",
        type=site_folder,
        default=Path("."),
        help="the site folder (default: the current folder)",
    )
    command.add_argument("-o", "--output", type=Path, help="output folder (default: SITE/_site)")
    command.add_argument("--base-url", help="override base_url from badgesite.yml")
    command.add_argument("--drafts", action="store_true", help="include badges and pages marked draft: true")
    command.add_argument(
        "--today",
        type=iso_date,
        default=None,
        help="the date to treat as today for expiry marks (default: today, or SOURCE_DATE_EPOCH)",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")


def run(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    base_url = arguments.base_url
    if base_url is not None and not base_url.endswith("/"):
        base_url += "/"
    options = BuildOptions(
        site_root=arguments.site,
        output=arguments.output,
        base_url=base_url,
        drafts=arguments.drafts,
        today=arguments.today or default_today(),
    )
    result = build(options)
    if not arguments.quiet:
        elapsed = time.perf_counter() - started
        print(
            f"built {result.pages} pages and {result.images} badge images into {options.output_folder} "
            f"in {elapsed:.2f} s",
            file=sys.stdout,
        )
    return EXIT_OK
