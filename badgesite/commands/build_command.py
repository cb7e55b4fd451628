"""`badgesite build`: the site folder in, the static site out."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from badgesite.build import BuildOptions, BuildResult, build
from badgesite.cli import EXIT_OK, add_command, default_today, iso_date, site_folder
from badgesite.validate.base_url import normal_base_url
from badgesite.validate.kinds import Invalid


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "build",
        help="build the site into _site/ (or -o FOLDER)",
        description="Build the static site. Every problem in the site is reported at once as "
        "file:line:col: field: message; with problems nothing is written and the previous "
        "output stays as it was. A badge whose issuer assertion fails a check (recipient, issue date, "
        "expiry, signature) or gives another day than `earned` still builds, with a warning on stderr.",
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
    command.add_argument("--base-url", type=base_url, help="override base_url from badgesite.yml")
    command.add_argument("--drafts", action="store_true", help="include badges and pages marked draft: true")
    command.add_argument(
        "--today",
        type=iso_date,
        default=None,
        help="the date to treat as today for expiry marks (default: today, or SOURCE_DATE_EPOCH)",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="print nothing on success but warnings (on stderr)")
    command.add_argument(
        "--force",
        action="store_true",
        help="rebuild even when nothing changed since the last build into this output folder",
    )
    command.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write SITE/.badgesite-cache (social cards, rendered Markdown)",
    )
    command.add_argument("--profile", action="store_true", help="print the time each stage took")


def run(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    base_url = arguments.base_url
    options = BuildOptions(
        site_root=arguments.site,
        output=arguments.output,
        base_url=base_url,
        drafts=arguments.drafts,
        today=arguments.today or default_today(),
        use_cache=not arguments.no_cache,
        force=arguments.force,
    )
    result = build(options, progress=_progress_bar() if not arguments.quiet else None)
    elapsed = time.perf_counter() - started
    for warning in result.warnings:  # -q too: they are not chatter
        print(warning, file=sys.stderr)
    if not arguments.quiet:
        print(summary_line(result, options, elapsed))
    if arguments.profile:
        for stage, seconds in result.timings.items():
            print(f"  {stage:<12} {seconds * 1000:8.0f} ms")
    return EXIT_OK


def summary_line(result: BuildResult, options: BuildOptions, elapsed: float) -> str:
    """One line: what was made, where, the cache's hits and the time."""
    if result.up_to_date:
        return f"{options.output_folder} is up to date: nothing changed since the last build ({elapsed:.2f} s)"
    return (
        f"built {result.pages} pages and {result.images} badge images into {options.output_folder} "
        f"in {elapsed:.2f} s (cache: {result.cache_hits} hits, {result.cache_misses} misses)"
    )


def _progress_bar() -> Callable[[int, int], None] | None:
    """A one-line bar on an interactive terminal for builds long enough to wait for; silent in CI and pipes."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    started = time.perf_counter()
    shown = False

    def show(done: int, total: int) -> None:
        nonlocal shown
        if not shown and time.perf_counter() - started < 0.5:
            return  # a fast build needs no bar
        shown = True
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done >= total else ""
        print(
            f"\r  rendering [{'#' * filled}{'.' * (width - filled)}] {done}/{total} pages",
            end=end,
            file=sys.stderr,
            flush=True,
        )

    return show


def base_url(text: str) -> str:
    """argparse type for --base-url: the same rule as `base_url:` in badgesite.yml."""
    try:
        return normal_base_url(text)
    except Invalid as error:
        raise argparse.ArgumentTypeError(f"{error.message} ({error.hint})" if error.hint else error.message) from None
