"""The spine: load -> validate -> model -> render -> bake -> write. Read it top to bottom."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from badgesite.bake.credentials import OpenBadgesBaker, read_credentials
from badgesite.bake.publish import publish_images
from badgesite.load import read_site
from badgesite.model import ModelOptions, Site, assemble, urls
from badgesite.problems import SiteError
from badgesite.render import load_theme, render_site
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

    @property
    def output_folder(self) -> Path:
        return self.output if self.output is not None else self.site_root / "_site"


@dataclass(slots=True, kw_only=True)
class BuildResult:
    """What a build made, for the one-line summary and for tests."""

    site: Site
    files: dict[str, OutputFile]
    pages: int
    images: int
    timings: dict[str, float]


def build(options: BuildOptions, *, write: bool = True) -> BuildResult:
    """Build the site; raise SiteError with every problem found, leaving any previous output untouched."""
    timings: dict[str, float] = {}
    root = options.site_root
    if write:
        check_output_folder(options.output_folder, root)
    sources = _timed(timings, "load", lambda: read_site(root, skip=(options.output_folder,)))
    checked = _timed(timings, "validate", lambda: validate_site(sources))
    site = _timed(
        timings,
        "model",
        lambda: assemble(checked, ModelOptions(today=options.today, drafts=options.drafts, base_url=options.base_url)),
    )
    theme = load_theme(site.theme, site_root=root, site_templates=checked.templates_dir)
    size = int(theme.settings.get("badge_image_size", DEFAULT_IMAGE_SIZE))  # type: ignore[call-overload]
    credentials, problems = _timed(timings, "credentials", lambda: read_credentials(site, root))
    baker = OpenBadgesBaker(credentials)
    images, image_problems = _timed(timings, "images", lambda: publish_images(site, root, size=size, baker=baker))
    if problems or image_problems:
        raise SiteError([*problems, *image_problems])
    pages = _timed(timings, "render", lambda: render_site(site, theme, credentials=credentials, images=images))
    files: dict[str, OutputFile] = dict(pages)
    files.update({path: source for path, source in theme.static_files().items()})
    files.update({asset: root / asset for asset in site.assets})
    for badge in site.badges:
        for evidence in badge.evidence:
            if evidence.is_file and evidence.source:
                files[evidence.url] = root / evidence.source
    files.update({image.path: image.data for image in images.values()})
    for badge_id, credential in credentials.items():
        if credential.published_name:
            files[urls.badge_file(badge_id, credential.published_name)] = credential.payload.encode("utf-8") + b"\n"

    files[".nojekyll"] = b""
    if site.domain:
        files["CNAME"] = site.domain.encode() + b"\n"
    if write:
        _timed(timings, "write", lambda: write_output(options.output_folder, files, site_root=root))
    return BuildResult(site=site, files=files, pages=len(pages), images=len(images), timings=timings)


def _timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    try:
        return work()
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started
