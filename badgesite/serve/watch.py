"""Watching the site and theme: which files count, and what kind of change an edit is."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from watchfiles import Change, DefaultFilter

from badgesite.load.site_folder import CONFIG_NAME, PUBLISHED_HIDDEN, is_source_file
from badgesite.write import SOURCE_FOLDERS


class ChangeKind(enum.IntEnum):
    """Ordered by how much must be rebuilt; a batch of edits takes the largest."""

    CONTENT = 1  # a badge, case study or page
    ASSET = 2  # a file copied as is, or an image
    TEMPLATE = 3  # a template or theme file
    CONFIG = 4  # badgesite.yml: everything


class SiteFilter(DefaultFilter):
    """Ignore the output, the cache, hidden files and editor droppings."""

    def __init__(self, ignored: Iterable[Path]) -> None:
        super().__init__()
        self.ignored = tuple(path.resolve() for path in ignored)

    def __call__(self, change: Change, path: str) -> bool:
        resolved = Path(path).resolve()
        if any(resolved == folder or resolved.is_relative_to(folder) for folder in self.ignored):
            return False
        hidden = (part for part in resolved.parts[-3:] if part.startswith(".") and part not in PUBLISHED_HIDDEN)
        if any(hidden) or resolved.name.endswith("~"):
            return False
        return super().__call__(change, path)


def classify(site_root: Path, paths: Iterable[Path]) -> ChangeKind:
    """The kind of the largest change among paths (paths outside the site folder are theme files)."""
    kind = ChangeKind.CONTENT
    root = site_root.resolve()
    for path in paths:
        resolved = path.resolve()
        if not resolved.is_relative_to(root):
            kind = max(kind, ChangeKind.TEMPLATE)
            continue
        top = resolved.relative_to(root).parts[0] if resolved != root else ""
        if resolved.name == "badgesite.yml" and resolved.parent == root:
            kind = max(kind, ChangeKind.CONFIG)
        elif top in ("templates", "themes"):
            kind = max(kind, ChangeKind.TEMPLATE)
        elif is_source_file(resolved.relative_to(root).as_posix()):
            kind = max(kind, ChangeKind.CONTENT)
        else:
            kind = max(kind, ChangeKind.ASSET)
    return kind


def watched_folders(site_root: Path, themes: Path, evidence: Iterable[str] = ()) -> list[Path]:
    """What to watch recursively: the site's source folders that exist, the folders that hold the badges'
    evidence files (named by the badges, anywhere in the site), and the bundled themes. Not the site folder as
    a whole: the output and the cache inside it hold tens of thousands of folders on a large site, and
    watching them took seconds to set up (an edit made meanwhile was lost) and again after every build."""
    names = sorted(SOURCE_FOLDERS | set(evidence))
    return [*(site_root / name for name in names if (site_root / name).is_dir()), themes]


class TopLevel(NamedTuple):
    """What the recursive watch cannot see, compared between watch steps."""

    config: tuple[int, int, int] | None  # size, modification time, inode: an editor's save-by-rename counts
    folders: frozenset[str]  # the source folders that exist


def top_level(site_root: Path) -> TopLevel:
    try:
        status = (site_root / CONFIG_NAME).stat()
        config: tuple[int, int, int] | None = (status.st_size, status.st_mtime_ns, status.st_ino)
    except OSError:
        config = None
    return TopLevel(config, frozenset(name for name in SOURCE_FOLDERS if (site_root / name).is_dir()))


Signatures = dict[Path, tuple[int, int]]


def source_signatures(site_root: Path) -> Signatures:
    """Size and modification time of every file in the source folders and of the config. Taken before a
    build and compared once the watch is running: an edit saved before the watch could see it (during the
    first build, or a restart) would otherwise be lost."""
    found: Signatures = {}
    for top in (site_root / CONFIG_NAME, *(site_root / name for name in sorted(SOURCE_FOLDERS))):
        if top.is_file():
            status = top.stat()
            found[top] = (status.st_size, status.st_mtime_ns)
            continue
        for current, _, names in os.walk(top):
            for name in names:
                path = Path(current) / name
                try:
                    status = path.stat()
                except OSError:
                    continue
                found[path] = (status.st_size, status.st_mtime_ns)
    return found


def changed_since(before: Signatures, site_root: Path) -> list[Path]:
    """Files added, removed or changed since `before` was taken, in a stable order."""
    now = source_signatures(site_root)
    return sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))
