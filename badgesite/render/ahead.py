"""Case studies' Markdown rendered on the other cores while this process fingerprints, parses and validates the
site, builds the model and prepares the images: parsing is the largest single cost of a cold build (about half a
millisecond per case study) and needs only the text and the base path. Otherwise the second core would sit idle
through those serial stages.

The workers read the case-study files themselves, so a cold build starts them before it has read anything
but the config (a build that may find nothing changed starts them after its fingerprint). The HTML comes
back to this process, keyed by the digest of its text, before the render workers are forked, so they
inherit it. A text that changed meanwhile, or whose base path turns out different (the site's base_url was
invalid), or whose worker died, is simply parsed again when its page renders.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import yaml

from badgesite.cache import ContentCache
from badgesite.load.front_matter import split_front_matter
from badgesite.load.site_folder import CONFIG_NAME, MAX_SOURCE_BYTES, SiteSources, source_files
from badgesite.model import urls
from badgesite.render import markdown
from badgesite.validate.base_url import normal_base_url
from badgesite.validate.kinds import Invalid
from badgesite.workers import Pending, start_chunks

Body = str | Path  # a case study's Markdown body, or its file to read the body from
Rendered = tuple[list[tuple[bytes, str]], int, int]  # (text_key, html) pairs, cache hits, cache misses


class MarkdownAhead:
    """start() once the files are known; finish() before rendering; cancel() when the build stops early."""

    def __init__(self, cache_folder: Path | None) -> None:
        self.cache_folder = cache_folder
        self.base_path = "/"
        self.pending: Pending[Rendered] | None = None

    @property
    def started(self) -> bool:
        return self.pending is not None

    def start(self, bodies: Sequence[Body], base_path: str) -> None:
        """Parse these bodies on the other cores (from case_study_files or loaded_bodies)."""
        self.base_path = base_path
        markdown.forget_remembered()
        self.pending = start_chunks(
            _render, range(len(bodies)), initializer=_begin, initargs=(tuple(bodies), base_path, self.cache_folder)
        )

    def start_from_files(self, config: bytes | None, *, site_root: Path, skip: Path, base_url: str | None) -> None:
        """Start on the case-study files themselves, once the config's bytes (or `base_url`, which overrides
        them) tell a valid base path; otherwise the pages parse their Markdown."""
        base_path = early_base_path(_plain_yaml(config) if config is not None else None, base_url)
        if base_path is not None:
            self.start(case_study_files(site_root, skip=(skip,)), base_path)

    def start_from_loaded(self, sources: SiteSources, base_url: str | None) -> None:
        """Start on the bodies the loader read, unless already started (`serve`, whose files are not kept)."""
        base_path = early_base_path(sources.config.data if sources.config else None, base_url)
        if base_path is not None and not self.started:
            self.start(loaded_bodies(sources), base_path)

    def finish(self) -> tuple[int, int]:
        """Wait for the workers and keep their HTML for the pages; returns the cache hits and misses they had."""
        if self.pending is None:
            return 0, 0
        hits = misses = 0
        try:
            results = self.pending.results()
        except BrokenProcessPool:  # a worker was killed (out of memory, a signal): the pages parse it instead
            results = []
        for made, chunk_hits, chunk_misses in results:
            for key, html in made:
                markdown.remember(key, self.base_path, html)
            hits, misses = hits + chunk_hits, misses + chunk_misses
        self.pending = None
        return hits, misses

    def cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


def case_study_files(root: Path, *, skip: tuple[Path, ...] = ()) -> list[Path]:
    """The case-study files the loader will read, for workers to read before it has."""
    return source_files(root, "case-studies", skip=skip)


def loaded_bodies(sources: SiteSources) -> list[str]:
    """The Markdown bodies of the loaded case studies (when the files were read by the loader itself)."""
    return [document.body for document in sources.case_studies if document.body]


def read_config(root: Path) -> bytes | None:
    """The config's bytes, for the base path; None when it cannot be read or is too large (loading reports both)."""
    try:
        with (root / CONFIG_NAME).open("rb") as file:
            raw = file.read(MAX_SOURCE_BYTES + 1)
    except OSError:
        return None
    return raw if len(raw) <= MAX_SOURCE_BYTES else None


def early_base_path(config: object, override: str | None) -> str | None:
    """The base path the model will have, read from the unchecked config; None while it is not valid."""
    text = override or (config.get("base_url") if isinstance(config, dict) else None)
    if not isinstance(text, str):
        return None
    try:
        return urls.base_path(normal_base_url(text))
    except Invalid:
        return None


def _plain_yaml(raw: bytes) -> object:
    """The config's data without positions or checks (loading reports its problems); None when it does not
    parse, or holds a value the safe loader rejects (a date like 2024-13-45 raises ValueError)."""
    try:
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        return None


def body_of(item: Body) -> str | None:
    """The body as the loader splits it from the file; None for a file the loader will refuse (unreadable,
    too large, not UTF-8), which it reports."""
    if isinstance(item, str):
        return item
    try:
        with item.open("rb") as file:
            raw = file.read(MAX_SOURCE_BYTES + 1)
        return split_front_matter(raw.decode("utf-8")).body if len(raw) <= MAX_SOURCE_BYTES else None
    except (OSError, UnicodeDecodeError):
        return None


_job: tuple[tuple[Body, ...], str, Path | None] | None = None


def _begin(bodies: tuple[Body, ...], base_path: str, cache_folder: Path | None) -> None:
    """Pool initializer: the bodies came through fork, not through a pipe."""
    global _job
    _job = (bodies, base_path, cache_folder)


def _render(positions: Sequence[int]) -> Rendered:
    assert _job is not None, "_begin must run first"
    bodies, base_path, cache_folder = _job
    cache = ContentCache(cache_folder)
    made = []
    for position in positions:
        text = body_of(bodies[position])
        if text:
            made.append((markdown.text_key(text), markdown.cached_markdown(text, cache, base_path)))
    return made, cache.hits, cache.misses
