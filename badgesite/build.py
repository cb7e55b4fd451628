"""The spine: load -> validate -> model -> credentials/images -> render -> cards -> write. Read it top to bottom."""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from badgesite import last_warnings
from badgesite.bake import preflight
from badgesite.bake.credentials import BadgeCredential, OpenBadgesBaker, read_credentials
from badgesite.bake.publish import PublishedImage, publish_images
from badgesite.bake.social import make_cards
from badgesite.bake.verification import verification_warnings
from badgesite.cache import ContentCache
from badgesite.fingerprint import inputs_fingerprint
from badgesite.load import DocumentCache, read_site
from badgesite.load.site_folder import (
    CACHE_DIR,
    CONFIG_NAME,
    OUTPUT_DEFAULT,
    SiteSources,
    is_source_file,
    unread_warnings,
)
from badgesite.model import ModelOptions, Site, assemble
from badgesite.model.name_pages import page_clashes
from badgesite.outputs import card_specs, collisions, folder_clashes, published_files
from badgesite.problems import Problem, SiteError
from badgesite.render import PageSpec, Theme, claim_outputs, load_theme, once_per_line, plan_pages
from badgesite.render.ahead import MarkdownAhead, read_config
from badgesite.render.batch import RenderJob, render_chunk, start_worker
from badgesite.render.markdown import forget_remembered
from badgesite.render.theme import bundled_themes_dir, theme_warnings
from badgesite.root_files import pages_known_early, root_file_problems
from badgesite.validate import CheckedSite, ValidationMemo, validate_site_collecting
from badgesite.workers import Progress, run_chunks
from badgesite.write import MARKER, MARKER_TEXT, OutputFile, Staging, check_output_folder

T = TypeVar("T")
DEFAULT_IMAGE_SIZE = 512


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildOptions:
    """Everything a build may be told from outside the site folder."""

    site_root: Path
    output: Path | None = None
    base_url: str | None = None
    drafts: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    use_cache: bool = True
    force: bool = False

    @property
    def output_folder(self) -> Path:
        return self.output if self.output is not None else self.site_root / "_site"

    @property
    def cache_folder(self) -> Path | None:
        return self.site_root / CACHE_DIR if self.use_cache else None

    def describe(self) -> str:
        """The options that change the output, as text for the fingerprint."""
        return f"base_url={self.base_url}\ndrafts={self.drafts}\ntoday={self.today.isoformat()}"


@dataclass(slots=True, kw_only=True)
class BuildResult:
    """What a build made, for the one-line summary and for tests."""

    site: Site | None
    files: tuple[str, ...]
    pages: int
    images: int
    cache_hits: int
    cache_misses: int
    timings: dict[str, float]
    up_to_date: bool = False
    prepared: Prepared | None = None
    reads_portfolio: dict[str, bool] = field(default_factory=dict)  # with record_reads, see render/site_reads.py
    warnings: tuple[str, ...] = ()  # printed on stderr; an up-to-date build repeats the last build's


def build(
    options: BuildOptions,
    *,
    documents: DocumentCache | None = None,
    memo: ValidationMemo | None = None,
    progress: Progress | None = None,
    record_reads: bool = False,
) -> BuildResult:
    """Build the site; raise SiteError with every problem found, leaving any previous output untouched.
    `serve` passes `record_reads` to learn which pages of its own templates read the portfolio."""
    timings: dict[str, float] = {}
    root = options.site_root
    check_output_folder(options.output_folder, root)
    ahead = MarkdownAhead(options.cache_folder)
    try:
        parse_ahead = functools.partial(
            ahead.start_from_files, site_root=root, skip=options.output_folder, base_url=options.base_url
        )
        if documents is None and (options.force or _recorded_marker(options.output_folder) is None):
            parse_ahead(read_config(root))  # cannot be up to date: start at once
        fingerprint, contents = _timed(
            timings,
            "fingerprint",
            lambda: inputs_fingerprint(
                root,
                themes=bundled_themes_dir(),
                skip=(options.output_folder, root / OUTPUT_DEFAULT, root / CACHE_DIR),
                options=options.describe(),
                keep=None if documents is not None else is_source_file,
            ),
        )
        marker = MARKER_TEXT + f"inputs: {fingerprint}\n".encode()
        if not options.force and _recorded_marker(options.output_folder) == marker:
            return BuildResult(
                site=None,
                files=(),
                pages=0,
                images=0,
                cache_hits=0,
                cache_misses=0,
                timings=timings,
                up_to_date=True,
                warnings=last_warnings.recall(options.cache_folder, options.output_folder, fingerprint),
            )
        if not ahead.started and documents is None:  # the output was older: parse while this process loads
            parse_ahead(contents.get(CONFIG_NAME))
        prepared = prepare(
            options,
            timings,
            documents=documents,
            memo=memo,
            on_loaded=lambda sources: ahead.start_from_loaded(sources, options.base_url),
            contents=contents,
        )
        contents.clear()  # all parsed: at 5,000 + 5,000 these bytes are ~40 MB the workers need not inherit
        ahead_hits, ahead_misses = _timed(timings, "markdown wait", ahead.finish)
    except BaseException:
        ahead.cancel()
        raise
    site, theme, specs, images = (
        prepared.site,
        prepared.theme,
        prepared.specs,
        prepared.images,
    )
    cache = ContentCache(options.cache_folder, hits=ahead_hits, misses=ahead_misses)

    with Staging(options.output_folder, site_root=root) as staging:
        job = RenderJob.prepare(
            site, theme, specs, folder=staging.folder, cache_folder=cache.folder, record_reads=record_reads
        )
        files: dict[str, OutputFile] = {}
        clashes: list[Problem] = []

        def write_files() -> None:
            """Everything but the pages and cards, written by this process while the workers render."""
            files.update(_timed(timings, "files", lambda: published_files(prepared, root)))
            clashes.extend(folder_clashes(specs, files, root))
            if not clashes:  # the build stops after the pages; writing would fail on the clash
                for relative in sorted(files):
                    staging.write(relative, files[relative])

        results = _timed(
            timings,
            "render",
            lambda: run_chunks(
                render_chunk,
                range(len(specs)),
                initializer=start_worker,
                initargs=(job,),
                progress=progress,
                meanwhile=write_files,
            ),
        )
        if "files" in timings:  # done while the workers rendered: listed after them, as part of that stage
            timings[DURING_RENDER] = timings.pop("files")
        forget_remembered()  # the pages have it now; a long `serve` session should not keep it
        render_problems = once_per_line(problem for result in results for problem in result.problems)
        if render_problems:
            raise SiteError(render_problems)
        reads_portfolio: dict[str, bool] = {}
        made_by_workers: set[str] = set()
        for result in results:
            reads_portfolio.update(result.reads_portfolio)
            made_by_workers.update(result.written)
            cache.hits += result.cache_hits
            cache.misses += result.cache_misses
        planned_cards = card_specs(prepared, root)
        _timed(timings, "cards", lambda: make_cards(planned_cards, cache, folder=staging.folder))  # written there
        made_by_workers.update(spec.path for spec in planned_cards)
        for output in made_by_workers:
            staging.record(output)
        clashes[:0] = collisions(made_by_workers, specs, files, root)
        if clashes:
            raise SiteError(clashes)
        _timed(timings, "write", lambda: _commit(staging, marker))
        written = tuple(sorted(staging.written))
    warnings = tuple(warning.format() for warning in prepared.warnings)
    last_warnings.remember(options.cache_folder, options.output_folder, fingerprint, warnings)
    return BuildResult(
        site=site,
        files=written,
        pages=len(specs),
        images=len(images),
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        timings=timings,
        prepared=prepared,
        reads_portfolio=reads_portfolio,
        warnings=warnings,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """Everything checked and decided before any output is written."""

    site: Site
    theme: Theme
    credentials: dict[str, BadgeCredential]
    images: dict[str, PublishedImage]
    specs: list[PageSpec]
    checked: CheckedSite  # the documents behind the model, for positions (check's findings)
    warnings: tuple[Problem, ...] = ()  # what the site publishes but should not: failed assertion checks


def prepare(
    options: BuildOptions,
    timings: dict[str, float] | None = None,
    *,
    documents: DocumentCache | None = None,
    memo: ValidationMemo | None = None,
    on_loaded: Callable[[SiteSources], None] | None = None,
    contents: Mapping[str, bytes] | None = None,
) -> Prepared:
    """Load, validate, model, read assertions, process images and plan pages; raise SiteError with every
    problem. Commands that only need to know whether a site builds (import, check) stop here. `on_loaded`
    sees the files as soon as they are read (the build starts parsing Markdown on the other cores)."""
    timings = {} if timings is None else timings
    root = options.site_root
    sources = _timed(
        timings,
        "load",
        lambda: read_site(root, skip=(options.output_folder,), cache=documents, contents=contents),
    )
    if on_loaded is not None:
        on_loaded(sources)
    checked, problems = _timed(timings, "validate", lambda: validate_site_collecting(sources, memo))
    theme, theme_problems = _theme(checked) if checked is not None else (None, [])
    if checked is not None:
        problems += page_clashes(checked, drafts=options.drafts) + theme_problems
    if problems or checked is None:  # no model: still read every badge's files, to report everything at once
        more = preflight.badge_file_problems(checked, drafts=options.drafts) if checked else []
        raise SiteError(problems + more + root_file_problems(sources.root_files, pages_known_early(sources)))
    model_options = ModelOptions(today=options.today, drafts=options.drafts, base_url=options.base_url)
    site = _timed(timings, "model", lambda: assemble(checked, model_options))
    size = int(str(theme.settings.get("badge_image_size", DEFAULT_IMAGE_SIZE))) if theme else DEFAULT_IMAGE_SIZE
    credentials, problems = _timed(timings, "credentials", lambda: read_credentials(site, root))
    baker = OpenBadgesBaker(credentials)
    images, image_problems = _timed(timings, "images", lambda: publish_images(site, root, size=size, baker=baker))
    specs = plan_pages(site, credentials=credentials, images=images)
    problems = preflight.positioned(problems + image_problems, checked)  # one problem per unreadable image file
    problems += claim_outputs(specs)
    problems += root_file_problems(site.root_files, (spec.output for spec in specs))
    if problems or theme is None:
        raise SiteError(problems + theme_problems)
    warnings = tuple(
        sorted(
            [
                *verification_warnings(checked, site, credentials),
                *preflight.unwatched_file_warnings(checked, site),
                *unread_warnings(sources.unread, sources.dead_links),
                *theme_warnings(theme),
            ]
        )
    )
    return Prepared(
        site=site, theme=theme, credentials=credentials, images=images, specs=specs, checked=checked, warnings=warnings
    )


def _theme(checked: CheckedSite) -> tuple[Theme | None, list[Problem]]:
    """The site's theme, or the problems that stop it (reported with the rest of the site's); a problem with
    the name badgesite.yml gives is placed at its `theme:` line."""
    try:
        theme = load_theme(checked.config.values["theme"], site_root=checked.root, site_templates=checked.templates_dir)
    except SiteError as error:
        config = checked.config.document
        return None, [
            config.problem(("theme",), problem.message, problem.hint)
            if problem.path == config.path and problem.field == "theme" and not problem.line
            else problem
            for problem in error.problems
        ]
    return theme, []


DURING_RENDER = "  files"  # the other files, written by this process while the workers render (in `--profile`)


def _commit(staging: Staging, marker: bytes) -> None:
    (staging.folder / MARKER).write_bytes(marker)
    staging.commit()


def _recorded_marker(output: Path) -> bytes | None:
    try:
        return (output / MARKER).read_bytes()
    except OSError:
        return None


def _timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    try:
        return work()
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started
