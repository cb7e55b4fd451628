"""The spine: load -> validate -> model -> render -> bake -> write. Read it top to bottom."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from badgesite.bake.cache import ContentCache
from badgesite.bake.credentials import BadgeCredential, OpenBadgesBaker, read_credentials
from badgesite.bake.publish import PublishedImage, publish_images
from badgesite.bake.social import make_cards, plan_cards
from badgesite.load import read_site
from badgesite.load.site_folder import CACHE_DIR
from badgesite.model import ModelOptions, Site, assemble, urls
from badgesite.problems import SiteError
from badgesite.render import load_theme, plan_pages, render_pages
from badgesite.render.feeds import atom_feed, robots_txt, sitemap_urls, sitemap_xml
from badgesite.render.sharing import badge_qr_files
from badgesite.render.structured_data import resume_json
from badgesite.validate import validate_site
from badgesite.write import OutputFile, check_output_folder, write_output

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

    @property
    def output_folder(self) -> Path:
        return self.output if self.output is not None else self.site_root / "_site"

    @property
    def cache_folder(self) -> Path | None:
        return self.site_root / CACHE_DIR if self.use_cache else None


@dataclass(slots=True, kw_only=True)
class BuildResult:
    """What a build made, for the one-line summary and for tests."""

    site: Site
    files: dict[str, OutputFile]
    pages: int
    images: int
    cache_hits: int
    cache_misses: int
    timings: dict[str, float]


def build(options: BuildOptions, *, write: bool = True) -> BuildResult:
    """Build the site; raise SiteError with every problem found, leaving any previous output untouched."""
    timings: dict[str, float] = {}
    root = options.site_root
    if write:
        check_output_folder(options.output_folder, root)
    sources = _timed(timings, "load", lambda: read_site(root, skip=(options.output_folder,)))
    checked = _timed(timings, "validate", lambda: validate_site(sources))
    model_options = ModelOptions(today=options.today, drafts=options.drafts, base_url=options.base_url)
    site = _timed(timings, "model", lambda: assemble(checked, model_options))
    theme = load_theme(site.theme, site_root=root, site_templates=checked.templates_dir)
    size = int(str(theme.settings.get("badge_image_size", DEFAULT_IMAGE_SIZE)))
    credentials, problems = _timed(timings, "credentials", lambda: read_credentials(site, root))
    baker = OpenBadgesBaker(credentials)
    images, image_problems = _timed(timings, "images", lambda: publish_images(site, root, size=size, baker=baker))
    if problems or image_problems:
        raise SiteError([*problems, *image_problems])
    specs = plan_pages(site, credentials=credentials, images=images)
    pages = _timed(timings, "render", lambda: render_pages(site, theme, specs))
    cache = ContentCache(options.cache_folder)
    cards = _timed(timings, "cards", lambda: make_cards(plan_cards(site, images, root), cache))
    files: dict[str, OutputFile] = dict(pages)
    files.update(theme.static_files())
    files.update({asset: root / asset for asset in site.assets})
    files.update(_badge_files(site, root, images, credentials))
    files.update(cards)
    files.update(_site_files(site, [spec.meta.url for spec in specs]))
    if write:
        _timed(timings, "write", lambda: write_output(options.output_folder, files, site_root=root))
    return BuildResult(
        site=site,
        files=files,
        pages=len(pages),
        images=len(images),
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        timings=timings,
    )


def _badge_files(
    site: Site, root: Path, images: dict[str, PublishedImage], credentials: dict[str, BadgeCredential]
) -> dict[str, OutputFile]:
    """Beside each badge page: its image, its assertion, its QR code and its evidence files."""
    files: dict[str, OutputFile] = {image.path: image.data for image in images.values()}
    for badge_id, credential in credentials.items():
        if credential.published_name:
            files[urls.badge_file(badge_id, credential.published_name)] = credential.payload.encode("utf-8") + b"\n"
    files.update(badge_qr_files(site))
    for badge in site.badges:
        for evidence in badge.evidence:
            if evidence.is_file and evidence.source:
                files[evidence.url] = root / evidence.source
    return files


def _site_files(site: Site, page_urls: list[str]) -> dict[str, OutputFile]:
    """Discovery and data files; sitemap and feed only when base_url is absolute, as both need absolute URLs."""
    files: dict[str, OutputFile] = {".nojekyll": b"", "robots.txt": robots_txt(site), "resume.json": resume_json(site)}
    sitemap = sitemap_xml(site, sitemap_urls(site, page_urls))
    feed = atom_feed(site)
    if sitemap is not None:
        files["sitemap.xml"] = sitemap
    if feed is not None:
        files["feed.xml"] = feed
    if site.domain:
        files["CNAME"] = site.domain.encode() + b"\n"
    return files


def _timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    try:
        return work()
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started
