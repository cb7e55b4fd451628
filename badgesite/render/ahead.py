"""Case studies' Markdown rendered on the other cores while this process parses and validates the site,
builds the model and prepares the images: parsing is the largest single cost of a cold build (about half a
millisecond per case study) and needs only the text and the base path, both known once the input fingerprint
has read the files. Otherwise the second core would sit idle through those serial stages.

The HTML comes back to this process before the render workers are forked, so they inherit it. A text whose
base path turns out different (the site's base_url was invalid), or whose worker died, is simply parsed
again when its page renders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from badgesite.cache import ContentCache
from badgesite.load.front_matter import split_front_matter
from badgesite.load.site_folder import SiteSources, is_source_file
from badgesite.render import markdown
from badgesite.workers import Pending, start_chunks

Rendered = tuple[list[tuple[int, str]], int, int]  # (position, html) pairs, cache hits, cache misses


class MarkdownAhead:
    """start() once the files are read; finish() before rendering; cancel() when the build stops early."""

    def __init__(self, cache_folder: Path | None) -> None:
        self.cache_folder = cache_folder
        self.texts: tuple[str, ...] = ()
        self.base_path = "/"
        self.pending: Pending[Rendered] | None = None

    @property
    def started(self) -> bool:
        return self.pending is not None

    def start(self, texts: Sequence[str], base_path: str) -> None:
        """Parse these Markdown bodies on the other cores (from case_study_bodies or loaded_bodies)."""
        self.texts = tuple(texts)
        self.base_path = base_path
        markdown.forget_remembered()
        self.pending = start_chunks(
            _render, range(len(self.texts)), initializer=_begin, initargs=(self.texts, base_path, self.cache_folder)
        )

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
            for position, html in made:
                markdown.remember(self.texts[position], self.base_path, html)
            hits, misses = hits + chunk_hits, misses + chunk_misses
        self.pending = None
        return hits, misses

    def cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


def case_study_bodies(contents: Mapping[str, bytes]) -> list[str]:
    """The Markdown bodies of the case-study files among these (relative path -> bytes), split as the loader
    splits them, before anything is parsed; a file that is not UTF-8 is left to the loader to report."""
    bodies = []
    for relative in sorted(contents):
        if not relative.startswith("case-studies/") or not is_source_file(relative):
            continue
        try:
            body = split_front_matter(contents[relative].decode("utf-8")).body
        except UnicodeDecodeError:
            continue
        if body:
            bodies.append(body)
    return bodies


def loaded_bodies(sources: SiteSources) -> list[str]:
    """The Markdown bodies of the loaded case studies (when the files were read by the loader itself)."""
    return [document.body for document in sources.case_studies if document.body]


_job: tuple[tuple[str, ...], str, Path | None] | None = None


def _begin(texts: tuple[str, ...], base_path: str, cache_folder: Path | None) -> None:
    """Pool initializer: the texts came through fork, not through a pipe."""
    global _job
    _job = (texts, base_path, cache_folder)


def _render(positions: Sequence[int]) -> Rendered:
    assert _job is not None, "_begin must run first"
    texts, base_path, cache_folder = _job
    cache = ContentCache(cache_folder)
    made = [(position, markdown.cached_markdown(texts[position], cache, base_path)) for position in positions]
    return made, cache.hits, cache.misses
