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

from badgesite.load.site_folder import ROOT_FILES, SiteSources
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


SECTIONS = ("badges", "case-studies", "skills", "issuers", "trajectory")  # pages every site has


def pages_known_early(sources: SiteSources) -> list[str]:
    """The pages a site makes that its files alone tell, before there is a model (when it has problems):
    the home and 404 pages, the sections every site has, frameworks/ and collections/ when the config lists
    some, and pages/NAME.md at NAME/."""
    named = (f"{document.stem}/index.html" for document in sources.pages)
    config = sources.config.data if sources.config is not None and isinstance(sources.config.data, dict) else {}
    listed = (f"{section}/index.html" for section in ("frameworks", "collections") if config.get(section))
    return ["index.html", "404.html", *(f"{section}/index.html" for section in SECTIONS), *listed, *named]


def root_file_problems(root_files: Iterable[str], page_outputs: Iterable[str] = ()) -> list[Problem]:
    """Every file of root/ that would land on a file or a folder the build makes, or inside one of its folders.
    Without page outputs (the site has other problems, so no pages are planned), the fixed names only."""
    made_files = MADE_AT_ROOT | set(page_outputs)
    made_folders = {f"{top}/" for top in MADE_FOLDERS}
    page_folders = {folder for output in made_files for folder in _folders_of(output)} - made_folders
    problems = []
    for source in root_files:
        published = published_path(source)
        folders = _folders_of(published)
        inside = next((folder for folder in folders if folder in made_folders or folder in page_folders), None)
        if published in made_files:
            message = f"would be published as /{published}, which the build makes itself"
            hint = "set `domain:` in badgesite.yml instead" if published == "CNAME" else "remove or rename it"
        elif f"{published}/" in made_folders or f"{published}/" in page_folders:
            message = f"would be published as /{published}, where the build makes the folder /{published}/"
            hint = "rename it"
        elif inside in made_folders:
            message = f"would be published in /{inside}, a folder the build fills itself"
            hint = "files for /assets/ go in assets/" if inside == "assets/" else "put it in another folder of root/"
        elif inside is not None:
            message = f"would be published in /{inside}, the folder of a page the build makes"
            hint = "put it in another folder of root/"
        elif any(folder[:-1] in made_files for folder in folders):
            blocking = next(folder[:-1] for folder in folders if folder[:-1] in made_files)
            message = f"would be published in a folder /{blocking}/, where the build makes the file /{blocking}"
            hint = "rename that folder of root/"
        else:
            continue
        problems.append(Problem(path=source, message=message, hint=hint))
    return problems


def _folders_of(path: str) -> list[str]:
    """`a/b/c.txt` -> [`a/`, `a/b/`]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]
