"""Rendering many pages in worker processes: each worker writes its pages straight into the staging folder
and sends back only paths and problems, so memory stays flat however large the site."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from badgesite.cache import ContentCache
from badgesite.model import Site
from badgesite.problems import Problem
from badgesite.render import Renderer
from badgesite.render.pages import PageSpec
from badgesite.render.theme import Theme
from badgesite.write import output_path, write_file


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderJob:
    """What every worker needs, inherited through fork rather than pickled: the renderer comes with its
    templates already compiled, so no worker compiles them again."""

    renderer: Renderer
    specs: Sequence[PageSpec]
    folder: Path | None  # staging folder to write into; None keeps the bytes
    cache_folder: Path | None

    @classmethod
    def prepare(
        cls,
        site: Site,
        theme: Theme,
        specs: Sequence[PageSpec],
        *,
        folder: Path | None,
        cache_folder: Path | None,
        record_reads: bool = False,
    ) -> RenderJob:
        renderer = Renderer(site, theme, markdown_cache=ContentCache(cache_folder), record_reads=record_reads)
        renderer.compile_templates(spec.template for spec in specs)
        return cls(renderer=renderer, specs=specs, folder=folder, cache_folder=cache_folder)


@dataclass(slots=True)
class ChunkResult:
    written: list[str] = field(default_factory=list)  # output paths, written into the staging folder
    pages: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    reads_portfolio: dict[str, bool] = field(default_factory=dict)  # see Renderer(record_reads=True)


_worker: RenderJob | None = None


def start_worker(job: RenderJob) -> None:
    """Pool initializer: the job (with its compiled renderer) came through fork; keep it for render_chunk."""
    global _worker
    _worker = job


def render_chunk(indices: Sequence[int]) -> ChunkResult:
    """Render the pages at these positions of job.specs."""
    assert _worker is not None, "start_worker must run first"
    job = _worker
    renderer, cache = job.renderer, job.renderer.markdown_cache
    hits, misses = cache.hits, cache.misses
    result = ChunkResult()
    folder = None if job.folder is None else str(job.folder)
    for index in indices:
        spec = job.specs[index]
        html = renderer.render(spec)
        if isinstance(html, Problem):
            result.problems.append(html)
        elif folder is None:
            result.pages[spec.output] = html
        else:
            write_file(output_path(folder, spec.output), html)
            result.written.append(spec.output)
        for path, data in (spec.extras(cache) if spec.extras else {}).items():
            if folder is None:
                result.pages[path] = data
            else:
                write_file(output_path(folder, path), data)
                result.written.append(path)
    result.cache_hits, result.cache_misses = cache.hits - hits, cache.misses - misses
    result.reads_portfolio = renderer.reads_portfolio
    renderer.reads_portfolio = {}
    return result
