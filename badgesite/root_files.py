"""Files a site publishes at its root, from the `root/` folder: `root/favicon.ico` -> `favicon.ico`,
`root/google1234.html`, `root/.well-known/security.txt`. The output folder is replaced on every build, so a
file put there by hand would be lost; these are the site's own and are copied byte for byte.

The build owns the names it makes (feed, sitemap, robots.txt, CNAME, the home page's card), the folders it
fills (theme/, assets/, badges/) and every page's folder; a file of root/ that would land on one of them is a
problem, never a silent replacement either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from badgesite.load.site_folder import ROOT_FILES
from badgesite.model import Site, urls
from badgesite.problems import Problem
from badgesite.render.feeds import FEED_PATH
from badgesite.write import MARKER

MADE_AT_ROOT = frozenset(
    {".nojekyll", "robots.txt", "resume.json", "sitemap.xml", FEED_PATH, "CNAME", MARKER, urls.SOCIAL_CARD}
)
MADE_FOLDERS = frozenset({"theme", "assets", "badges"})  # theme files, assets/, badge images and files


def published_path(source: str) -> str:
    """`root/favicon.ico` -> `favicon.ico`."""
    return source.removeprefix(f"{ROOT_FILES}/")


def root_outputs(site: Site, root: Path) -> dict[str, Path]:
    """Published path -> source file, for every file of root/."""
    return {published_path(source): root / source for source in site.root_files}


def root_file_problems(site: Site, page_outputs: Iterable[str]) -> list[Problem]:
    """Every file of root/ that would land where the build puts its own pages or files."""
    outputs = set(page_outputs)
    page_folders = {output.rsplit("/", 1)[0] + "/" for output in outputs if "/" in output}
    problems = []
    for source in site.root_files:
        published = published_path(source)
        top = published.split("/", 1)[0]
        page_folder = next((folder for folder in _folders_of(published) if folder in page_folders), None)
        if published in MADE_AT_ROOT or published in outputs:
            message = f"would be published as /{published}, which the build makes itself"
            hint = "set `domain:` in badgesite.yml instead" if published == "CNAME" else "remove or rename it"
        elif top in MADE_FOLDERS and top != published:
            message = f"would be published in /{top}/, a folder the build fills itself"
            hint = "put it in another folder of root/; files for /assets/ go in assets/"
        elif page_folder is not None:
            message = f"would be published in /{page_folder}, the folder of a page the build makes"
            hint = "put it in another folder of root/"
        else:
            continue
        problems.append(Problem(path=source, message=message, hint=hint))
    return problems


def _folders_of(path: str) -> list[str]:
    """`a/b/c.txt` -> [`a/`, `a/b/`]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]
