"""What a build publishes besides its pages, and the check that no two outputs claim one path.

Pages are planned by render/pages.py; everything else is listed here: the theme's static files, assets, the
avatar, root/ files, each badge's image, assertion and evidence files, the discovery and data files, and the
social cards (drawn on all cores). build.py writes them; `serve` compares them with what it wrote before.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from badgesite.bake.credentials import BadgeCredential
from badgesite.bake.publish import PublishedImage
from badgesite.bake.social import CardSpec, make_cards, plan_cards
from badgesite.cache import ContentCache
from badgesite.model import Site, urls
from badgesite.problems import Problem
from badgesite.render.feeds import FEED_PATH, atom_feed, robots_txt, sitemap_urls, sitemap_xml
from badgesite.render.pages import PageSpec
from badgesite.render.structured_data import resume_json
from badgesite.root_files import root_outputs
from badgesite.write import OutputFile, paths_used_as_folders

if TYPE_CHECKING:
    from badgesite.build import Prepared

CLASH_HINT = "rename the page, the asset or the theme's file"


def other_files(prepared: Prepared, root: Path, cache: ContentCache) -> dict[str, OutputFile]:
    """Everything but the pages, social cards included."""
    files = published_files(prepared, root)
    files.update(make_cards(card_specs(prepared, root), cache))
    return files


def published_files(prepared: Prepared, root: Path) -> dict[str, OutputFile]:
    """Everything but the pages and the social cards: theme files, assets, badge images and files, feeds and data."""
    site = prepared.site
    files: dict[str, OutputFile] = {}
    files.update(prepared.theme.static_files())
    files.update({asset: root / asset for asset in site.assets})
    if site.owner.avatar:  # the pages link it where it is in the site folder, in assets/ or not
        files.setdefault(site.owner.avatar, root / site.owner.avatar)
    files.update(root_outputs(site, root))
    files.update(_badge_files(site, root, prepared.images, prepared.credentials))
    files.update(_site_files(site, [spec.meta.url for spec in prepared.specs]))
    return files


def card_specs(prepared: Prepared, root: Path) -> list[CardSpec]:
    """The social cards to draw; none when the site turns them off."""
    return plan_cards(prepared.site, prepared.images, root) if prepared.site.social_cards else []


def folder_clashes(specs: list[PageSpec], files: Mapping[str, OutputFile], root: Path) -> list[Problem]:
    """An output another output needs as its folder (a page `theme/index.html`, a theme file
    `theme/index.html/x.css`): found before anything is written, as writing would fail on it."""
    outputs = [*(spec.output for spec in specs), *files]
    return [
        Problem(
            path=path,
            message=f"is {_made_from(path, specs, files, root)}, and also the folder that "
            f"{_made_from(next(out for out in outputs if out.startswith(path + '/')), specs, files, root)} goes in",
            hint=CLASH_HINT,
        )
        for path in paths_used_as_folders(outputs)
    ]


def collisions(
    made_by_workers: set[str], specs: list[PageSpec], files: Mapping[str, OutputFile], root: Path
) -> list[Problem]:
    """A path both a worker (a page, its QR code, a card) and this list of files would write."""
    return [
        Problem(
            path=path,
            message=f"two outputs claim this path: {_made_from(path, specs, {}, root)} and "
            f"{_made_from(path, [], files, root)}",
            hint=CLASH_HINT,
        )
        for path in sorted(made_by_workers & set(files))
    ]


def _made_from(output: str, specs: list[PageSpec], files: Mapping[str, OutputFile], root: Path) -> str:
    """What an output is made from, for a clash: `the page of pages/theme.md`, `themes/mine/static/x.css`."""
    for spec in specs:
        if spec.output == output:
            return f"the page of {spec.meta.source}" if spec.meta.source else "a page the site makes"
    source = files.get(output)
    if isinstance(source, Path):
        absolute = source.absolute()
        inside = absolute.is_relative_to(root.absolute())
        return absolute.relative_to(root.absolute()).as_posix() if inside else str(source)
    return "a file the site makes (a badge's image, QR code or card)"


def _badge_files(
    site: Site, root: Path, images: dict[str, PublishedImage], credentials: dict[str, BadgeCredential]
) -> dict[str, OutputFile]:
    """Beside each badge page: its image, its assertion and its evidence files (its QR code is the workers')."""
    files: dict[str, OutputFile] = {image.path: image.data for image in images.values()}
    for badge_id, credential in credentials.items():
        if credential.published_name:
            files[urls.badge_file(badge_id, credential.published_name)] = credential.payload.encode("utf-8") + b"\n"
    for badge in site.badges:
        for evidence in badge.evidence:
            if evidence.path and evidence.source:
                files[evidence.path] = root / evidence.source
    return files


def _site_files(site: Site, page_urls: list[str]) -> dict[str, OutputFile]:
    """Discovery and data files; sitemap and feed only when base_url is absolute, as both need absolute URLs."""
    files: dict[str, OutputFile] = {".nojekyll": b"", "robots.txt": robots_txt(site), "resume.json": resume_json(site)}
    sitemap = sitemap_xml(site, sitemap_urls(site, page_urls))
    feed = atom_feed(site)
    if sitemap is not None:
        files["sitemap.xml"] = sitemap
    if feed is not None:
        files[FEED_PATH] = feed
    if site.domain:
        files["CNAME"] = site.domain.encode() + b"\n"
    return files
